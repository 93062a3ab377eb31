// Which language the pane speaks: `?lang=` in the URL, else the one the user chose (kept by the shell), else
// Office's display language; zh-CN where none of them names zh-TW, zh-CN or English.
import { Lang } from "../domain/vocabulary";

export const LANGS: readonly Lang[] = ["zh-CN", "zh-TW", "en"];
export const DEFAULT_LANG: Lang = "zh-CN";

/** A BCP 47 tag (zh-TW, zh-Hant-HK, zh_CN, EN-us, zh) as one of our languages; undefined where none fits. */
export function langOfTag(tag: string | null | undefined): Lang | undefined {
  const t = (tag ?? "").trim().toLowerCase().replace(/_/g, "-");
  if (!t) return undefined;
  const parts = t.split("-");
  if (parts[0] === "zh") {
    if (parts.includes("hant") || parts.includes("tw") || parts.includes("hk") || parts.includes("mo")) return "zh-TW";
    return "zh-CN";
  }
  if (parts[0] === "en") return "en";
  return undefined;
}

/** `?lang=` of a query string ("?lang=en&x=1"), if it names one of our languages. */
export function langOfQuery(search: string): Lang | undefined {
  const q = search.startsWith("?") ? search.slice(1) : search;
  for (const pair of q.split("&")) {
    const [k, v = ""] = pair.split("=");
    if (decodeURIComponent(k) !== "lang") continue;
    let value: string;
    try {
      value = decodeURIComponent(v.replace(/\+/g, " "));
    } catch {
      continue;
    }
    const lang = langOfTag(value);
    if (lang) return lang;
  }
  return undefined;
}

/** The pane's language: the URL overrides, then the user's stored choice, then Office's display language. */
export function pickLang(search: string, displayLanguage?: string, stored?: string | null): Lang {
  return langOfQuery(search) ?? langOfTag(stored) ?? langOfTag(displayLanguage) ?? DEFAULT_LANG;
}
