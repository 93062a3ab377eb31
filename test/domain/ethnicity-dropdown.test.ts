// A 民族 column with a coded dropdown (a street system's 868_汉族 … 926_外国民族 on a hidden sheet, file 24): a fix
// writes the dropdown's own entry for a plain 汉族 (the system's importer reads the code before "_"), as it does for
// 95_男 and 223_正式党员, and leaves an entry alone; the dropdown's own 926_外国民族 is never unknown. Before, 汉族 stayed
// (outside the column's list) and 926_外国民族 was flagged 不在可选值内.
import { checkWorkbook } from "../../src/domain/check";
import { ListValidation } from "../../src/domain/grid";
import { grid, makeId, workbook } from "../helpers/grid";

const ASOF = "2026-12-05";
const CODED = ["868_汉族", "869_蒙古族", "873_苗族", "924_其它族", "926_外国民族"];
const head = ["姓名", "身份证号", "党支部", "联系电话", "入党时间", "状态", "民族"];
const dropdown = (values: string[]): ListValidation => ({ ranges: [{ r0: 1, c0: 6, r1: 99, c1: 6 }], values });

describe("民族 with a coded dropdown", () => {
  it.each<[string, string, string[], string | null, boolean]>([
    ["plain 汉族 in a coded list: the list's entry", "汉族", CODED, "868_汉族", false],
    ["the list's own entry: kept", "873_苗族", CODED, null, false],
    ["the list's own 926_外国民族: not unknown", "926_外国民族", CODED, null, false],
    ["no dropdown: written as the group", "汉", [], "汉族", false],
    ["not a group nor in the list: flagged", "火星族", CODED, null, true],
  ])("%s", (_l, value, list, to, flagged) => {
    const row = ["甲", makeId("19700302", "101"), "第一党支部", "13812345678", "2000-07-01", "正常", value];
    const sheet = { ...grid("Sheet1", [head, row]), lists: list.length ? [dropdown(list)] : [] };
    const r = checkWorkbook(workbook([sheet]), { today: ASOF, asOf: ASOF });
    expect(r.changes.filter((c) => c.field === "ethnicity").map((c) => c.to)).toEqual(to === null ? [] : [to]);
    expect(r.issues.some((i) => i.field === "ethnicity" && i.code === "unknown_value")).toBe(flagged);
  });
});
