// The dropdown lists of a sheet read through office.js (src/workbook/office/list-validations.ts) against the fake,
// whose data validations read back as Excel's do (test/fakes/fake-model.ts: typed lists without quotes, references
// with "=", "Inconsistent" over mixed cells, special-cell areas that join touching rules).
import { ListValidation } from "../../src/domain/grid";
import { readListValidations } from "../../src/workbook/office/list-validations";
import { parseAreas } from "../fakes/fake-address";
import { Fake } from "../fakes/excel-fake";
import { setReference } from "../fakes/fake-workbook";
import { asCtx, setup } from "./office-helpers";

interface Case {
  readonly name: string;
  /** Validations on 名册 (address -> source as office.js reads it). */
  readonly rules: [string, string][];
  /** Extra set-up: list sheets and names. */
  readonly more?: (fake: Fake) => void;
  /** Expected lists: address -> values; [] where none may be read. */
  readonly want: [string, string[]][];
}

const CASES: Case[] = [
  { name: "a typed list", rules: [["C2:C40", "男,女"]], want: [["C2:C40", ["男", "女"]]] },
  { name: "a typed list with spaces and an empty item", rules: [["C2:C40", " 男 , ,女"]], want: [["C2:C40", ["男", "女"]]] },
  {
    name: "a range on a hidden dictionary sheet", rules: [["D2:D40", "=字典!$A$2:$A$4"]],
    more: (f) => f.putRows("字典", 2, [["中共党员"], ["中共预备党员"], [""]]),
    want: [["D2:D40", ["中共党员", "中共预备党员"]]],
  },
  { name: "a range on its own sheet", rules: [["D2:D40", "=$H$1:$H$2"]], more: (f) => f.putRows("名册", 1, [[null, null, null, null, null, null, null, "在职"], [null, null, null, null, null, null, null, "离退休"]]), want: [["D2:D40", ["在职", "离退休"]]] },
  {
    name: "a defined name for a range", rules: [["E2:E40", "=学历列表"]],
    more: (f) => {
      f.putRows("字典", 1, [["大学本科"], ["研究生"]]);
      const item = { name: "学历列表", visible: true, comment: "" };
      setReference(f.model, item, "=字典!$A$1:$A$2");
      f.model.names.push(item);
    },
    want: [["E2:E40", ["大学本科", "研究生"]]],
  },
  { name: "two rules in one column: each part found", rules: [["C1:C1", "姓名,性别"], ["C2:C40", "男,女"]], want: [["C1:C1", ["姓名", "性别"]], ["C2:C40", ["男", "女"]]] },
  { name: "a formula source (INDIRECT): not a list of known values", rules: [["C2:C40", '=INDIRECT("A1")']], want: [] },
  { name: "a reference to a sheet the workbook lacks", rules: [["C2:C40", "=没有的表!$A$1:$A$3"]], want: [] },
  { name: "no dropdown at all", rules: [], want: [] },
];

describe("readListValidations", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_n, c) => {
    const fake = setup({ sheets: ["名册", "字典"] });
    fake.putRows("名册", 1, [["姓名", "单位", "性别", "政治面貌", "学历"], ...Array.from({ length: 39 }, (_, i) => [`党员${i}`, "铁西", "男", "中共党员", "研究生"])]);
    c.more?.(fake);
    for (const [address, source] of c.rules) fake.sheet("名册").addValidation({ rects: parseAreas(address), source });
    const lists: ListValidation[] = await Excel.run(async (ctx) => {
      const c2 = asCtx(ctx);
      const ws = c2.workbook.worksheets.getItem("名册");
      const names = c2.workbook.names.load("items/name,items/formula");
      await c2.sync();
      return readListValidations(c2, ws, { r0: 0, c0: 0, r1: 39, c1: 7 }, {
        name: "名册",
        definedNames: new Map(names.items.map((n) => [n.name, n.formula.replace(/^=/, "")])),
        worksheet: (n) => (["名册", "字典"].includes(n) ? c2.workbook.worksheets.getItem(n) : undefined),
      });
    });
    const got = lists.flatMap((l) => l.ranges.map((r) => [`${String.fromCharCode(65 + r.c0)}${r.r0 + 1}:${String.fromCharCode(65 + r.c1)}${r.r1 + 1}`, [...l.values]]));
    expect(got.sort()).toEqual([...c.want].sort());
  });

  it("gives no lists, and no error, where the host lacks the API (an old Excel)", async () => {
    const fake = setup({ sheets: ["名册"] });
    fake.putRows("名册", 1, [["姓名", "性别"], ["张三", "男"]]);
    fake.sheet("名册").addValidation({ rects: parseAreas("B2:B9"), source: "男,女" });
    const lists = await Excel.run(async (ctx) => {
      const c2 = asCtx(ctx);
      const ws = c2.workbook.worksheets.getItem("名册");
      const range = ws.getRangeByIndexes(0, 0, 2, 2);
      (range as unknown as { getSpecialCellsOrNullObject: () => never }).getSpecialCellsOrNullObject = () => {
        throw new Error("ApiNotFound: getSpecialCellsOrNullObject");
      };
      const orig = ws.getRangeByIndexes.bind(ws);
      ws.getRangeByIndexes = ((...a: Parameters<typeof orig>) => (a[2] === 2 && a[3] === 2 ? range : orig(...a))) as typeof ws.getRangeByIndexes;
      return readListValidations(c2, ws, { r0: 0, c0: 0, r1: 1, c1: 1 }, { name: "名册", definedNames: new Map(), worksheet: () => undefined });
    });
    expect(lists).toEqual([]);
  });
});
