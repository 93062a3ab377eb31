// A sync writes into an enumeration column the column's own spelling of the value, as a fix does: before, a member
// added from a branch's CSV got 正式党员 in a column of 正式/预备 (file 25), 正式党员/男/汉族 in a street system's coded
// dropdown columns (223_正式党员, 95_男, 868_汉族: file 24), and 在职 in a 在岗情况 column that says 在岗.
import { columnSpelling } from "../../src/domain/column-spelling";
import { EMPTY_CONFIG } from "../../src/domain/config";
import { CellValue, ListValidation, SheetGrid } from "../../src/domain/grid";
import { RosterLocation, locateRoster } from "../../src/domain/locate";
import { grid, makeId } from "../helpers/grid";

const HEAD = ["姓名", "身份证号", "党支部", "入党时间", "正式/预备党员", "性别", "民族", "在岗情况"];
const person = (i: number, type: CellValue, gender: CellValue, ethnic: CellValue, duty: CellValue): CellValue[] =>
  [`党员${i}`, makeId("19700302", `10${i}`), "机关第一党支部", "2000-07-01", type, gender, ethnic, duty];

function roster(name: string, rows: CellValue[][], lists: ListValidation[] = []): { grid: SheetGrid; loc: RosterLocation } {
  const g: SheetGrid = { ...grid(name, [HEAD, ...rows]), lists };
  return { grid: g, loc: locateRoster(g, EMPTY_CONFIG) as RosterLocation };
}
const coded = (col: number, values: string[]): ListValidation => ({ ranges: [{ r0: 1, c0: col, r1: 99, c1: col }], values });

const plain = roster("在岗", [1, 2, 3].map((i) => person(i, "正式", "男", "汉族", "在岗")));
const retired = roster("不在岗", [4, 5, 6].map((i) => person(i, "正式", "女", "汉族", i === 4 ? "内退" : "退休")));
const codes = roster("Sheet1", [7, 8, 9].map((i) => person(i, "223_正式党员", "95_男", "868_汉族", "在岗")), [
  coded(4, ["223_正式党员", "224_预备党员"]), coded(5, ["95_男", "96_女"]), coded(6, ["868_汉族", "869_蒙古族"]),
]);
const fresh = roster("新表", [[`党员0`, makeId("19700302", "100"), "机关第一党支部", "2000-07-01", null, null, null, null]]);

describe("columnSpelling: what a sync writes", () => {
  it.each<[string, { grid: SheetGrid; loc: RosterLocation }[], string, "membershipType" | "gender" | "ethnicity" | "employment", string, string]>([
    ["正式/预备 column", [plain], "在岗", "membershipType", "正式党员", "正式"],
    ["coded type dropdown", [codes], "Sheet1", "membershipType", "正式党员", "223_正式党员"],
    ["coded gender dropdown", [codes], "Sheet1", "gender", "男", "95_男"],
    ["coded 民族 dropdown", [codes], "Sheet1", "ethnicity", "汉族", "868_汉族"],
    ["在岗 from the workbook's other sheet", [retired, plain], "不在岗", "employment", "在职", "在岗"],
    ["no spelling anywhere: as made", [fresh], "新表", "membershipType", "正式党员", "正式党员"],
  ])("%s", (_l, sheets, sheet, field, value, written) => {
    expect(columnSpelling(sheets, false)(sheet, field, value)).toBe(written);
  });
});
