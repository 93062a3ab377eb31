// byRow gives the changed cells as sorted rows of sorted cells, whatever order the map holds them in.
import { byRow } from "../../src/workbook/xlsx-write/cell-writes";

const key = (row: number, col: number): number => (row - 1) * 16384 + (col - 1);

describe("byRow", () => {
  it.each<[string, Array<[number, number, string | number]>]>([
    ["in sheet order", [[1, 2, "a"], [1, 5, 3], [2, 1, ""], [1048576, 16384, "z"]]],
    ["rows in order, a row's cells not", [[1, 5, 3], [1, 2, "a"], [2, 9, "b"], [2, 1, ""], [2, 4, 4], [7, 1, "x"]]],
    ["rows out of order", [[2, 1, ""], [1, 5, 3], [1048576, 16384, "z"], [1, 2, "a"]]],
    ["one cell", [[7, 3, "x"]]],
    ["none", []],
  ])("%s", (_name, cells) => {
    const changed = new Map(cells.map(([r, c, v]) => [key(r, c), v]));
    const sorted = [...cells].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const rows = [...new Set(sorted.map((c) => c[0]))];
    expect(byRow(changed)).toEqual(rows.map((row) => ({ row, cells: sorted.filter((c) => c[0] === row).map(([, col, value]) => ({ col, value })) })));
  });
});
