import { Report } from "../../src/domain/report-schema";
import { Issue } from "../../src/domain/schema";
import { flagBlocks } from "../../src/plan/flags";
import { FLAG_CODE } from "../../src/plan/write-plan";
import { ODD_SHEET, issue, runEngine } from "./fixtures";

const { report: base, result } = runEngine();
const grids = result.grids;
const ROSTER = "铁安社区"; // header row 2, members rows 3..10, columns B..O mapped
const withIssues = (issues: Issue[]): Report => ({ ...base, issues });
const cellsOf = (issues: Issue[]) => flagBlocks(withIssues(issues), grids).find((b) => b.sheet === ROSTER)!.cells;

describe("flagBlocks", () => {
  it("one block per roster: its member rows, column A to the last mapped column", () => {
    expect(flagBlocks(withIssues([]), grids).map(({ cells, entries, ...b }) => ({ ...b, n: cells.length + entries.length }))).toEqual([
      { sheet: ROSTER, firstRow: 3, lastRow: 10, firstCol: 1, lastCol: 15, idCol: 6, nameCol: 2, n: 0 },
      { sheet: ODD_SHEET, firstRow: 2, lastRow: 3, firstCol: 1, lastCol: 14, idCol: 6, nameCol: 2, n: 0 },
    ]);
  });

  it.each([
    { label: "one error", issues: [issue(ROSTER, "F7", "error")], want: [{ row: 7, col: 6, code: FLAG_CODE.error }] },
    { label: "warning then error: error", issues: [issue(ROSTER, "F7", "warning"), issue(ROSTER, "F7", "error")], want: [{ row: 7, col: 6, code: 1 }] },
    { label: "info then warning: warning", issues: [issue(ROSTER, "L4", "info"), issue(ROSTER, "L4", "warning")], want: [{ row: 4, col: 12, code: 2 }] },
    { label: "error then info: error", issues: [issue(ROSTER, "L4", "error"), issue(ROSTER, "L4", "info")], want: [{ row: 4, col: 12, code: 1 }] },
    { label: "info alone", issues: [issue(ROSTER, "O10", "info")], want: [{ row: 10, col: 15, code: 3 }] },
    {
      label: "sorted by row, then column",
      issues: [issue(ROSTER, "L9", "info"), issue(ROSTER, "C4", "warning"), issue(ROSTER, "B9", "error")],
      want: [{ row: 4, col: 3, code: 2 }, { row: 9, col: 2, code: 1 }, { row: 9, col: 12, code: 3 }],
    },
    { label: "header row (a missing column): not flagged", issues: [issue(ROSTER, "A2", "error")], want: [] },
    { label: "above and below the block: not flagged", issues: [issue(ROSTER, "B1", "error"), issue(ROSTER, "B11", "error")], want: [] },
    { label: "right of the last mapped column: not flagged", issues: [issue(ROSTER, "P5", "error")], want: [] },
    { label: "another sheet's issue (the projects sheet)", issues: [issue("项目", "G4", "info")], want: [] },
  ])("$label", ({ issues, want }) => {
    expect(cellsOf(issues)).toEqual(want);
  });

  it("each roster gets only its own sheet's issues", () => {
    const blocks = flagBlocks(withIssues([issue(ROSTER, "C3", "error"), issue(ODD_SHEET, "C3", "info")]), grids);
    expect(blocks.map((b) => b.cells)).toEqual([[{ row: 3, col: 3, code: 1 }], [{ row: 3, col: 3, code: 3 }]]);
  });

  it("from the engine: header-row and projects-sheet issues are left out, the rest flagged", () => {
    const blocks = flagBlocks(base, grids);
    const flagged = blocks.flatMap((b) => b.cells.map((c) => `${b.sheet}!${c.row}:${c.col}`));
    const inBlocks = base.issues.filter((i) => i.sheet === ROSTER); // ODD_SHEET's only issue is on its header row
    expect(base.issues.some((i) => i.sheet === ODD_SHEET && i.row === 1)).toBe(true);
    expect(base.issues.some((i) => i.sheet === "项目")).toBe(true);
    expect(new Set(flagged)).toEqual(new Set(inBlocks.map((i) => `${ROSTER}!${i.row}:${i.column.charCodeAt(0) - 64}`)));
  });

  it("a roster with no member rows has no block", () => {
    const report: Report = { ...base, rosters: [{ ...base.rosters[0], firstRow: 3, lastRow: 2 }] };
    expect(flagBlocks(report, grids)).toEqual([]);
  });
});
