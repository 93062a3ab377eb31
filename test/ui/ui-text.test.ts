// The UI string tables: every key in all three languages, every string non-empty, every issue code titled, and the
// parametrised texts carry their parameters.
import { ISSUE_CODES } from "../../src/domain/schema";
import { UI_TEXT, UiText } from "../../src/i18n/ui-text";

type Leaf = { path: string; value: unknown };

function leaves(o: unknown, path = ""): Leaf[] {
  if (o && typeof o === "object" && !Array.isArray(o)) return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  if (Array.isArray(o)) return o.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  return [{ path, value: o }];
}

const LANGS = Object.keys(UI_TEXT) as (keyof typeof UI_TEXT)[];
const shape = (t: UiText) => leaves(t).map((l) => `${l.path}:${typeof l.value}`).sort();

describe("UI_TEXT", () => {
  it("has zh-CN, zh-TW and en", () => {
    expect(LANGS.sort()).toEqual(["en", "zh-CN", "zh-TW"]);
  });

  it.each(LANGS)("%s has exactly the keys (and kinds of value) zh-CN has", (lang) => {
    expect(shape(UI_TEXT[lang])).toEqual(shape(UI_TEXT["zh-CN"]));
  });

  it.each(LANGS)("%s: every string is non-empty and every text function gives a non-empty string", (lang) => {
    for (const { path, value } of leaves(UI_TEXT[lang])) {
      if (typeof value === "string") expect({ path, empty: value.trim() === "" }).toEqual({ path, empty: false });
      else if (typeof value === "function") {
        const out = (value as (...a: unknown[]) => unknown)(7, 8, 9, 10);
        expect({ path, type: typeof out, empty: String(out).trim() === "" }).toEqual({ path, type: "string", empty: false });
      } else throw new Error(`${lang} ${path}: unexpected ${typeof value}`);
    }
  });

  it.each(LANGS)("%s titles every issue code", (lang) => {
    expect(Object.keys(UI_TEXT[lang].issueTitles).sort()).toEqual([...ISSUE_CODES].sort());
  });

  it.each(LANGS)("%s: texts with numbers show them", (lang) => {
    const t = UI_TEXT[lang];
    expect(t.fixes.applied(12, 34)).toMatch(/12/);
    expect(t.fixes.applied(12, 34)).toMatch(/34/);
    expect(t.fixes.reverted(5)).toMatch(/5/);
    expect(t.fixes.batch(3)).toMatch(/3/);
    expect(t.status.checked(1, 2, 3, 199)).toEqual(expect.stringMatching(/1\D+2\D+3|199/));
    expect(t.dialog.openPane(123456)).toMatch(/123,456/);
    expect(t.check.goTo("花名册", "F7", "msg")).toContain("F7");
  });

  it("zh-TW is not the simplified text copied over", () => {
    const cn = leaves(UI_TEXT["zh-CN"]);
    const same = leaves(UI_TEXT["zh-TW"])
      .filter((l, i) => typeof l.value === "string" && l.value === cn[i].value && /[\u4e00-\u9fff]{4}/.test(l.value))
      .map((l) => l.path)
      .filter((p) => !p.startsWith("settings.languages."));
    // 正在清除 / 正在定位 are written alike in both scripts.
    expect(same).toEqual(["progress.steps.clearing", "progress.steps.selecting"]);
  });
});
