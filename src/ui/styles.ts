// Shared layout of the pane's parts (Griffel, Fluent UI v9's CSS-in-JS: styles are inserted at run time, no files).
import { makeStyles, tokens } from "@fluentui/react-components";

export const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: "8px 12px 16px",
    gap: "8px",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  title: { margin: "4px 0 0", fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  panel: { display: "flex", flexDirection: "column", gap: "10px", paddingTop: "4px" },
  section: { display: "flex", flexDirection: "column", gap: "6px" },
  heading: { margin: "8px 0 0", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  counts: { display: "flex", gap: "8px", flexWrap: "wrap" },
  count: {
    display: "flex", flexDirection: "column", alignItems: "center", minWidth: "64px", padding: "4px 8px",
    borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  countNumber: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  groupHeader: {
    display: "flex", width: "100%", gap: "6px", alignItems: "center", padding: "4px 2px", border: "none",
    background: "none", color: "inherit", font: "inherit", fontWeight: tokens.fontWeightSemibold, cursor: "pointer", textAlign: "start",
  },
  groupHeading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  item: {
    display: "flex", width: "100%", gap: "6px", alignItems: "baseline", padding: "3px 6px", textAlign: "start",
    border: "1px solid transparent", borderRadius: tokens.borderRadiusSmall, background: "none", color: "inherit",
    font: "inherit", fontSize: tokens.fontSizeBase200, cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: "3.5em", flexShrink: 0 },
  value: { color: tokens.colorNeutralForeground3 },
  change: { fontSize: tokens.fontSizeBase200, padding: "2px 6px" },
  progress: { display: "flex", flexDirection: "column", gap: "4px" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "start", fontWeight: tokens.fontWeightRegular, padding: "2px 6px 2px 0", verticalAlign: "middle" },
});
