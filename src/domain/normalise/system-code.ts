// Numeric system codes that national-style party systems put before a dropdown label: 95_男, 868_汉族, 01 汉族.
// They are stripped before a value is matched, never in the cell.

/**
 * A code (digits, then perhaps capitals: 95, 868, 1A, 0211) and "_", "|" or a space, followed by a label that does
 * not start with a digit: 95_男, 223_正式党员, 01 汉族, 1A 中央党校研究生 (the forms national systems' dropdowns use).
 */
const CODE_PREFIX = /^\s*\d[0-9A-Z]{0,7}(?:\s*[_|]\s*|\s+)(?=[^\d\s_|])/;

/** The label without its system code: "95_男" -> "男", "223_正式党员" -> "正式党员"; other texts as they are. */
export function stripSystemCode(text: string): string {
  const c = text.charCodeAt(0);
  // most values start with a letter or a CJK character: no regex for them
  if (!((c >= 0x30 && c <= 0x39) || c === 0x20 || c === 0x3000 || (c >= 0xff10 && c <= 0xff19))) return text;
  const m = CODE_PREFIX.exec(text.normalize("NFKC"));
  return m ? text.normalize("NFKC").slice(m[0].length) : text;
}
