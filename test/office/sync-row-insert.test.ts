// The Office.js back end's row inserts (a sync's additions), against a minimal recording stand-in for the few
// Excel calls it makes (the shared fake has no Range.insert): whole rows inserted where the plan says, then the
// formulas below the new rows that ended just above them grown to take them in, and nothing else rewritten.
import { insertRowsOffice } from "../../src/workbook/office/row-insert";

interface Call { op: string; sheet: string; arg: unknown }

/** A sheet of formulas (0-based rows) that inserts rows as Excel does (moving what is below; references moved by
 * the test's own expectation, not here). */
function stand(sheets: Record<string, string[][]>) {
  const calls: Call[] = [];
  const context = {
    workbook: {
      worksheets: {
        getItem: (sheet: string) => ({
          getRange: (address: string) => ({
            insert: (dir: string) => {
              calls.push({ op: "insert", sheet, arg: `${address} ${dir}` });
              const [a, b] = address.split(":").map(Number);
              sheets[sheet].splice(a - 1, 0, ...Array.from({ length: b - a + 1 }, () => sheets[sheet][0].map(() => "")));
            },
          }),
          getUsedRange: () => ({ load: () => ({ rowIndex: 0, rowCount: sheets[sheet].length, columnCount: sheets[sheet][0].length }) }),
          getRangeByIndexes: (r: number, c: number, h: number, w: number) => {
            const range = {
              formulas: sheets[sheet].slice(r, r + h).map((row) => row.slice(c, c + w)) as unknown[][],
              load: () => range,
            };
            return new Proxy(range, {
              set: (t, k, v) => {
                if (k === "formulas") calls.push({ op: "formulas", sheet, arg: `${r},${c} ${(v as string[][])[0][0]}` });
                return Reflect.set(t, k, v);
              },
            });
          },
        }),
      },
    },
    sync: async () => undefined,
  };
  return { context: context as unknown as Excel.RequestContext, calls };
}

beforeAll(() => {
  (globalThis as unknown as { Excel: unknown }).Excel = { InsertShiftDirection: { down: "Down" } };
});

it("inserts the rows and grows the totals below that ended just above them", async () => {
  const rows = [
    ["姓名", "党费"], ["张三", "10"], ["李四", "12"],
    ["合计", "=SUM(B2:B3)"], // moved by Excel's insert to row 6; its range ends at row 3, just above the new rows
    ["", "=B2*2"],
  ];
  const { context, calls } = stand({ 花名册: rows });
  await insertRowsOffice(context, [{ sheet: "花名册", before: 4, count: 2 }]);
  expect(calls).toEqual([
    { op: "insert", sheet: "花名册", arg: "4:5 Down" },
    { op: "formulas", sheet: "花名册", arg: "5,1 =SUM(B2:B5)" },
  ]);
});

it("does nothing for an empty insert list", async () => {
  const { context, calls } = stand({ s: [["a"]] });
  await insertRowsOffice(context, []);
  expect(calls).toEqual([]);
});
