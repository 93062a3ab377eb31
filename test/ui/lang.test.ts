// The pane's language: ?lang= overrides the stored choice, which overrides Office's display language; zh-CN default.
import { langOfQuery, langOfTag, pickLang } from "../../src/ui/lang";

describe("langOfTag", () => {
  it.each([
    { tag: "zh-CN", lang: "zh-CN" }, { tag: "zh-cn", lang: "zh-CN" }, { tag: "zh", lang: "zh-CN" }, { tag: "zh-Hans-CN", lang: "zh-CN" },
    { tag: "zh-SG", lang: "zh-CN" }, { tag: "zh_CN", lang: "zh-CN" },
    { tag: "zh-TW", lang: "zh-TW" }, { tag: "zh-HK", lang: "zh-TW" }, { tag: "zh-MO", lang: "zh-TW" }, { tag: "zh-Hant", lang: "zh-TW" },
    { tag: "zh-Hant-HK", lang: "zh-TW" },
    { tag: "en", lang: "en" }, { tag: "en-US", lang: "en" }, { tag: "EN-gb", lang: "en" },
    { tag: "fr-FR", lang: undefined }, { tag: "", lang: undefined }, { tag: undefined, lang: undefined }, { tag: null, lang: undefined },
  ])("$tag -> $lang", ({ tag, lang }) => {
    expect(langOfTag(tag)).toBe(lang);
  });
});

describe("langOfQuery", () => {
  it.each([
    { search: "?lang=en", lang: "en" },
    { search: "lang=zh-TW", lang: "zh-TW" },
    { search: "?x=1&lang=zh-tw&y=2", lang: "zh-TW" },
    { search: "?lang=en-US", lang: "en" },
    { search: "?lang=zh%2DHK", lang: "zh-TW" },
    { search: "?lang=fr", lang: undefined },
    { search: "?lang=fr&lang=en", lang: "en" },
    { search: "?lang=%E0%A4%A", lang: undefined },
    { search: "?language=en", lang: undefined },
    { search: "", lang: undefined },
  ])("$search -> $lang", ({ search, lang }) => {
    expect(langOfQuery(search)).toBe(lang);
  });
});

describe("pickLang", () => {
  it.each([
    { search: "", display: "en-US", stored: null, lang: "en", why: "Office's display language" },
    { search: "", display: "zh-TW", stored: undefined, lang: "zh-TW", why: "Office's display language" },
    { search: "", display: "de-DE", stored: null, lang: "zh-CN", why: "the default where nothing fits" },
    { search: "", display: undefined, stored: null, lang: "zh-CN", why: "the default without Office" },
    { search: "", display: "en-US", stored: "zh-TW", lang: "zh-TW", why: "the user's stored choice over Office" },
    { search: "?lang=en", display: "zh-CN", stored: "zh-TW", lang: "en", why: "the URL over everything" },
    { search: "?lang=xx", display: "zh-TW", stored: "garbage", lang: "zh-TW", why: "unusable overrides are passed over" },
  ])("$why: $lang", ({ search, display, stored, lang }) => {
    expect(pickLang(search, display, stored)).toBe(lang);
  });
});
