// The language the command line speaks: --lang, else the system locale (LC_ALL, LC_MESSAGES, LANG; on Windows the
// user's locale), else the roster's own language once it is read, else English.
import { Lang } from "../domain/vocabulary";

const LANGS: readonly Lang[] = ["zh-CN", "zh-TW", "en"];

/** A locale name (zh_CN.UTF-8, zh-Hant-TW, en_US) as a language; undefined for none, C or POSIX. */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  const v = (locale ?? "").trim();
  if (v === "" || v === "C" || v === "POSIX" || /^C\./.test(v)) return undefined;
  if (/^zh(?:[_-](?:TW|HK|MO)|[_-]Hant)/i.test(v)) return "zh-TW";
  if (/^zh/i.test(v)) return "zh-CN";
  return "en";
}

/** The system's language, from the environment (the first of LC_ALL, LC_MESSAGES, LANG that is set decides). */
export function systemLang(env: NodeJS.ProcessEnv = process.env, platform = process.platform): Lang | undefined {
  const set = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  if (set !== undefined) return langOfLocale(set);
  if (platform === "win32") return langOfLocale(Intl.DateTimeFormat().resolvedOptions().locale);
  return undefined;
}

/** The --lang given on the command line (before commander parses it, so the help and errors can use it). */
export function argvLang(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v !== undefined && (LANGS as readonly string[]).includes(v)) return v as Lang;
  }
  return undefined;
}
