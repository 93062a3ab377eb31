// The bench generator's layouts (bench/make-big.ts): the titled layout of the 100,000-member shapes, and the bare one
// (one header row, nothing else) that 1,048,575 members need to fit Excel's 1,048,576 rows, read back at a small size.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBigRoster } from "../../bench/make-big";
import { EXCEL_ROWS, fitLayout, layoutRows } from "../../bench/shapes";
import { checkRoster } from "../../src/app/check-roster";
import { openXlsx } from "../../src/workbook/xlsx";

const REQ = { today: "2025-12-31", asOf: "2025-12-31" };
const MEMBERS = 300;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "make-big-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function written(name: string, bare: boolean) {
  const file = join(dir, name);
  await writeBigRoster(file, MEMBERS, bare ? { bare } : {});
  const wb = openXlsx(readFileSync(file), file);
  return { wb, rows: wb.readSheet("党员花名册").rows, result: await checkRoster(wb, REQ) };
}

describe("the bench roster's layouts", () => {
  it("bare: the header on row 1, the members under it, nothing after them", async () => {
    const { rows, result } = await written("bare.xlsx", true);
    expect(rows.length).toBe(MEMBERS + 1);
    expect(rows[0]?.slice(0, 3)).toEqual(["序号", "姓名", "性别"]);
    expect(rows.slice(1).map((r) => r?.[0])).toEqual(Array.from({ length: MEMBERS }, (_, i) => i + 1));
    expect(result.members.length).toBe(MEMBERS);
    expect(result.members[0].row).toBe(2);
    expect(result.members[MEMBERS - 1].row).toBe(MEMBERS + 1);
  });

  it("titled (the 100,000-member files): two title rows, the header on row 3, two footer rows; the same members", async () => {
    const titled = await written("titled.xlsx", false);
    const bare = await written("bare2.xlsx", true);
    expect(titled.rows.length).toBe(MEMBERS + 5);
    expect(titled.rows[2]?.[0]).toBe("序号");
    expect(titled.result.members.length).toBe(MEMBERS);
    expect(titled.result.members[0].row).toBe(4);
    expect(titled.result.members.map((m) => m.name)).toEqual(bare.result.members.map((m) => m.name));
    expect(titled.result.issues.length).toBe(bare.result.issues.length);
  });

  it.each<[number, boolean]>([
    [100_000, false],
    [EXCEL_ROWS - 5, false],
    [EXCEL_ROWS - 4, true],
    [EXCEL_ROWS - 1, true],
  ])("%d members are written bare: %s", (rows, bare) => {
    const shape = fitLayout(rows, {});
    expect(shape.bare === true).toBe(bare);
    expect(rows + layoutRows(shape)).toBeLessThanOrEqual(EXCEL_ROWS);
  });

  it("refuses more members than one sheet holds in the layout asked for", async () => {
    await expect(writeBigRoster(join(dir, "no.xlsx"), EXCEL_ROWS - 4, {})).rejects.toThrow(/do not fit one sheet of 1048576 rows/);
    await expect(writeBigRoster(join(dir, "no.xlsx"), EXCEL_ROWS, { bare: true })).rejects.toThrow(/do not fit/);
  });
});
