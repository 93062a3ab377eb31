// The web page's own layout: the pane's column beside the sheet preview on a wide screen, one column on a narrow one.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useWebStyles = makeStyles({
  page: { maxWidth: "1280px", margin: "0 auto" },
  header: { display: "flex", flexDirection: "column", gap: "6px" },
  tagline: { color: tokens.colorNeutralForeground3 },
  layout: {
    display: "grid", gridTemplateColumns: "minmax(320px, 440px) minmax(0, 1fr)", gap: "16px", alignItems: "start",
    "@media (max-width: 800px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  side: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  drop: {
    display: "flex", flexDirection: "column", gap: "6px", padding: "12px", borderRadius: tokens.borderRadiusLarge,
    border: `2px dashed ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  fileInput: { fontSize: tokens.fontSizeBase300, maxWidth: "100%" },
  members: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  kinds: { display: "flex", flexWrap: "wrap", gap: "0 12px", border: "none", margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  preview: { position: "sticky", top: "8px", display: "flex", flexDirection: "column", gap: "6px", minWidth: 0 },
  scroller: { position: "relative", overflow: "auto", maxHeight: "80vh", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  grid: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
  gridCell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 6px", maxWidth: "16em", overflow: "hidden", textOverflow: "ellipsis" },
  gridHead: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold, position: "sticky", top: 0 },
  rowNumber: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: "end" },
  hitRow: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  hitCell: { outline: `2px solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: "-2px", fontWeight: tokens.fontWeightSemibold },
});
