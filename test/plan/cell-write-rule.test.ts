// The one cell-write rule (resolveSheetWrites): the same result, and the same first refusal, whether each cell is
// written once (the fast path a fix takes) or some cell is written more than once (the writes taken in order).
import { CellValue, cellKey } from "../../src/domain/grid";
import { CellConflict, resolveSheetWrites } from "../../src/plan/cell-write-rule";
import { CellWrite } from "../../src/plan/write-plan";

// row 1: A1 "a", B1 7 (a number), C1 empty, D1 a formula showing "f", E1 a date cell (1958-03-22)
const CELLS = new Map<number, CellValue>([[cellKey(0, 0), "a"], [cellKey(0, 1), 7], [cellKey(0, 3), "f"], [cellKey(0, 4), { kind: "date", serial: 21266 }]]);
const cells = { value: (k: number) => CELLS.get(k) ?? undefined, isFormula: (k: number) => k === cellKey(0, 3), date1904: false };
const w = (col: number, value: string | number, expect: string): CellWrite => ({ sheet: "S", row: 1, col, value, expect });
const run = (list: CellWrite[]): unknown => {
  try {
    return [...resolveSheetWrites(list, cells, (cell: string, why: CellConflict) => new Error(`${cell} ${why.code}`)).entries()];
  } catch (e) {
    return (e as Error).message;
  }
};
const A = cellKey(0, 0), B = cellKey(0, 1), C = cellKey(0, 2), E = cellKey(0, 4);
// row 2 is empty
const w2 = (col: number, value: string, expect: string): CellWrite => ({ sheet: "S", row: 2, col, value, expect });
const A2 = cellKey(1, 0), B2 = cellKey(1, 1);

const CASES: Array<[string, CellWrite[], unknown]> = [
  ["each cell once", [w(1, "b", "a"), w(2, "8", "7"), w(3, "c", "")], [[A, "b"], [B, "8"], [C, "c"]]],
  ["a date cell, expected as yyyy-mm-dd", [w(5, "1958-03-22", "1958-03-22")], [[E, "1958-03-22"]]],
  ["already showing the value, same kind: done", [w(1, "a", "zzz"), w(2, 7, "zzz")], []],
  ["showing the text but of another kind: written", [w(2, "7", "7")], [[B, "7"]]],
  ["a cell changed since the plan", [w(1, "b", "x")], "A1 planChanged"],
  ["the first refusal in plan order", [w(2, "8", "6"), w(1, "b", "x")], "B1 planChanged"],
  ["a formula", [w(1, "b", "a"), w(4, "g", "f")], "D1 planFormula"],
  ["a formula already showing the value is still refused", [w(4, "f", "f")], "D1 planFormula"],
  ["one cell twice, in order", [w(1, "b", "a"), w(1, "c", "b")], [[A, "c"]]],
  ["one cell twice, the cell showing the last value already: done, though the first write's expect is stale", [w(1, "x", "q"), w(1, "a", "x")], []],
  ["one cell twice, back to what it shows: no change", [w(1, "b", "a"), w(1, "a", "b")], []],
  ["one cell twice, the second expecting what the first did not write", [w(1, "b", "a"), w(1, "c", "z")], "A1 planChanged"],
  ["two rows in order, each cell once, a row's columns out of order", [w(3, "c", ""), w(1, "b", "a"), w2(2, "y", ""), w2(1, "x", "")], [[A, "b"], [C, "c"], [A2, "x"], [B2, "y"]]],
  ["two rows out of order, each cell once", [w2(2, "y", ""), w(3, "c", ""), w2(1, "x", "")], [[C, "c"], [A2, "x"], [B2, "y"]]],
  ["one cell twice, another row written between", [w2(1, "x", ""), w(3, "c", ""), w2(1, "y", "x")], [[C, "c"], [A2, "y"]]],
  ["one cell twice in the second row, the first written before", [w(3, "c", ""), w2(1, "x", ""), w2(2, "z", ""), w2(1, "y", "x")], [[C, "c"], [A2, "y"], [B2, "z"]]],
  ["one cell twice in the second row, the second expecting what the first did not write", [w(3, "c", ""), w2(1, "x", ""), w2(1, "y", "q")], "A2 planChanged"],
];

describe("resolveSheetWrites", () => {
  it.each(CASES)("%s", (_name, list, want) => {
    const got = run(list);
    expect(Array.isArray(got) ? (got as [number, unknown][]).sort((x, y) => x[0] - y[0]) : got).toEqual(want);
  });
});
