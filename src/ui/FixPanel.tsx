// Normalisations: preview the changes, apply them as one logged batch, revert the last batch.
import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { Change } from "../domain/schema";
import { Lang } from "../domain/vocabulary";
import { fieldLabel } from "../i18n/field-labels";
import { UiText } from "../i18n/ui-text";
import { useStyles } from "./styles";

const FIRST_PAGE = 200;

export interface FixPanelProps {
  readonly ui: UiText;
  readonly lang: Lang;
  /** The changes the last check offers; undefined before any check. */
  readonly changes?: readonly Change[];
  readonly open: boolean;
  readonly busy: boolean;
  /** The batch the last apply logged, and how many values it wrote. */
  readonly applied?: { batch: number; count: number };
  readonly onPreview: () => void;
  readonly onApply: () => void;
  readonly onRevert: () => void;
  /** What the shell adds under the hint (the web page's choice of fix kinds). */
  readonly extra?: React.ReactNode;
}

export function FixPanel(props: FixPanelProps): React.JSX.Element {
  const { ui, changes } = props;
  const s = useStyles();
  const [shown, setShown] = React.useState(FIRST_PAGE);
  const n = changes?.length ?? 0;
  return (
    <section className={s.section} aria-labelledby="fix-heading">
      <h3 className={s.heading} id="fix-heading">{ui.fixes.heading}</h3>
      <Text className={s.hint}>{ui.fixes.hint}</Text>
      {props.extra}
      {changes && <Text>{n ? ui.fixes.count(n) : ui.fixes.none}</Text>}
      <div className={s.row}>
        <Button data-testid="fix-preview-button" aria-expanded={props.open} aria-controls="fix-list" disabled={props.busy} onClick={props.onPreview}>
          {props.open ? ui.fixes.hidePreview : ui.fixes.preview}
        </Button>
        <Button data-testid="fix-apply-button" disabled={props.busy || n === 0} onClick={props.onApply}>{ui.fixes.apply}</Button>
        <Button data-testid="revert-button" disabled={props.busy} onClick={props.onRevert}>
          {props.applied ? `${ui.fixes.revert}（${ui.fixes.batch(props.applied.batch)}）` : ui.fixes.revert}
        </Button>
      </div>
      {props.open && changes && (
        <ul className={s.list} id="fix-list" aria-label={ui.fixes.count(n)}>
          {changes.slice(0, shown).map((c, k) => (
            <li key={k} className={s.change} data-testid="fix-change" data-sheet={c.sheet} data-cell={`${c.column}${c.row}`}>
              <span className={s.cell}>{c.sheet} {c.column}{c.row}</span>{" "}
              {ui.fixes.changeLine(fieldLabel(c.field, props.lang), c.from === "" ? ui.fixes.empty : ui.check.quoted(c.from), ui.check.quoted(c.to))}
            </li>
          ))}
        </ul>
      )}
      {props.open && changes && shown < n && (
        <Button size="small" appearance="subtle" onClick={() => setShown(shown + FIRST_PAGE)}>{ui.check.showMore(shown, n)}</Button>
      )}
      {props.applied && (
        <Text data-testid="fix-batch" role="status">{ui.fixes.applied(props.applied.batch, props.applied.count)}</Text>
      )}
    </section>
  );
}
