// The in-page look at a sheet: the rows around the issue clicked, its row highlighted and its cell outlined.
import * as React from "react";
import { Text } from "@fluentui/react-components";
import { columnLetter, columnIndex } from "../domain/grid";
import { WebText } from "../i18n/web-text";
import type { SheetWindow } from "./engine-protocol";
import { useWebStyles } from "./web-styles";

export interface PreviewTarget {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
}

export interface SheetPreviewProps {
  readonly web: WebText;
  readonly target?: PreviewTarget;
  readonly window?: SheetWindow;
}

export function SheetPreview(props: SheetPreviewProps): React.JSX.Element {
  const { web, target, window: w } = props;
  const s = useWebStyles();
  const hit = React.useRef<HTMLTableRowElement>(null);
  const scroller = React.useRef<HTMLDivElement>(null);
  // the highlighted row to the middle of the preview's own scroll area (the page itself does not move)
  React.useEffect(() => {
    const box = scroller.current;
    const row = hit.current;
    if (box && row) box.scrollTop = Math.max(0, row.offsetTop - box.clientHeight / 2);
  }, [w]);
  const col = target ? columnIndex(target.column) : -1;
  const columns = w ? Array.from({ length: w.columns }, (_, c) => c) : [];
  const line = (cells: readonly string[], row: number, isHit: boolean) => (
    <tr key={row} ref={isHit ? hit : undefined} className={isHit ? s.hitRow : undefined} data-testid={isHit ? "preview-hit" : "preview-row"} data-row={row} aria-current={isHit ? "true" : undefined}>
      <th scope="row" className={`${s.gridCell} ${s.rowNumber}`}>{row}</th>
      {columns.map((c) => <td key={c} className={isHit && c === col ? `${s.gridCell} ${s.hitCell}` : s.gridCell} title={cells[c] ?? ""}>{cells[c] ?? ""}</td>)}
    </tr>
  );
  return (
    <section className={s.preview} aria-labelledby="preview-heading" data-testid="sheet-preview">
      <h2 id="preview-heading" style={{ margin: 0, fontSize: "16px" }}>{web.preview}</h2>
      {!w || !target ? (
        <Text size={200}>{web.previewHint}</Text>
      ) : (
        <>
          <Text data-testid="preview-caption">{web.previewRow(w.sheet, target.row)}</Text>
          <div className={s.scroller} ref={scroller}>
            <table className={s.grid} aria-label={web.previewRow(w.sheet, target.row)}>
              <thead>
                <tr>
                  <th className={`${s.gridCell} ${s.gridHead}`} />
                  {columns.map((c) => <th key={c} scope="col" className={`${s.gridCell} ${s.gridHead}`}>{columnLetter(c)}</th>)}
                </tr>
              </thead>
              <tbody>
                {w.header && w.headerRow !== undefined && line(w.header, w.headerRow, false)}
                {w.rows.map((cells, k) => line(cells, w.firstRow + k, w.firstRow + k === target.row))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
