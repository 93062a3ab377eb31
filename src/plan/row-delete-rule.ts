// The one rule for a plan's row deletes (a sync's revert), used by both back ends (xlsx-write/row-delete.ts and
// office/row-delete.ts): of the rows a sync inserted, only those left empty once the revert's cell writes are done
// are deleted, in runs from the bottom up; a row holding anything else (a value or formula a clerk put there since)
// stays, so no value of the clerk's is ever lost.
import type { RowDelete } from "./write-plan";

/** The runs of each delete's rows that are empty (1-based rows as the plan saw the sheet), bottom run first per
 * sheet, so each run's rows still mean what the plan meant when it is deleted. */
export function rowsLeftEmpty(deletes: readonly RowDelete[], isEmpty: (sheet: string, row: number) => boolean): RowDelete[] {
  const runs: RowDelete[] = [];
  for (const d of deletes) {
    let start = -1;
    for (let r = d.first; r <= d.first + d.count; r++) {
      const empty = r < d.first + d.count && isEmpty(d.sheet, r);
      if (empty && start < 0) start = r;
      else if (!empty && start >= 0) {
        runs.push({ sheet: d.sheet, first: start, count: r - start });
        start = -1;
      }
    }
  }
  return runs.sort((a, b) => (a.sheet === b.sheet ? b.first - a.first : a.sheet < b.sheet ? -1 : 1));
}
