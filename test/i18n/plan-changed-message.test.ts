// A revert or a fix refused because a cell no longer shows what was checked or written says why that can be in the
// clerk's words: the cell edited since, or the rows sorted, inserted or deleted (a clerk who sorted the fixed roster
// by name and then ran revert read "计划时是 …" about a plan they never made); a formula cell is refused for its own
// reason, without that hint.
import { renderEdge } from "../../src/i18n/edge-errors";

const at = { file: "名册.xlsx", sheet: "铁安社区党员花名册", cell: "H77" };

describe("the planChanged message", () => {
  it.each<[string, "planChanged" | "planFormula", "zh-CN" | "zh-TW", RegExp]>([
    ["a moved row, 简体", "planChanged", "zh-CN", /单元格 H77：现在是 "1999-05-22"，检查或修正时是 "1974-03-04"：此后这个单元格被改过，或行被排序、插入、删除过$/],
    ["a moved row, 繁體", "planChanged", "zh-TW", /儲存格 H77：現在是 "1999-05-22"，檢查或修正時是 "1974-03-04"：.*列被排序、插入、刪除過$/],
    ["a formula cell: no sorting hint", "planFormula", "zh-CN", /^(?!.*排序).*含有公式/],
  ])("%s", (_l, code, lang, message) => {
    expect(renderEdge({ code, params: { ...at, now: `"1999-05-22"`, expected: `"1974-03-04"` } }, lang)).toMatch(message);
  });
});
