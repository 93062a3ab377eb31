// Sheet names Excel accepts: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe,
// unique in the workbook ignoring case; a taken name gets " (2)", " (3)"...

const MAX = 31;

/** The wanted name made acceptable (forbidden characters replaced, trimmed to 31). */
export function sanitizeSheetName(wanted: string): string {
  let s = wanted.replace(/[[\]:*?/\\]/g, "_").replace(/[\u0000-\u001f]/g, "");
  s = s.replace(/^'+|'+$/g, "").trim();
  if (s === "" || s.toLowerCase() === "history") s = s === "" ? "Sheet" : `${s}_`;
  return Array.from(s).slice(0, MAX).join("");
}

const fold = (s: string): string => s.toLocaleUpperCase("en-US").normalize("NFC");

/** Whether `name` is used by any of `taken` (case-insensitive, as Excel compares). */
export function isTaken(name: string, taken: Iterable<string>): boolean {
  const f = fold(name);
  for (const t of taken) if (fold(t) === f) return true;
  return false;
}

/** `wanted` when free, else the first free "wanted (k)", k = 2, 3...; the base is cut so the suffix fits 31. */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const base = sanitizeSheetName(wanted);
  const list = [...taken];
  if (!isTaken(base, list)) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const cut = Array.from(base).slice(0, MAX - suffix.length).join("").replace(/'+$/, "");
    const name = cut + suffix;
    if (!isTaken(name, list)) return name;
  }
}

/** Whether `name` is `wanted` or one of its suffixed forms ("名册问题 (2)"). */
export function isVariantOf(name: string, wanted: string): boolean {
  const base = sanitizeSheetName(wanted);
  if (fold(name) === fold(base)) return true;
  const m = /^(.*) \((\d+)\)$/.exec(name);
  return m !== null && fold(base).startsWith(fold(m[1])) && m[1].length > 0;
}
