// Numeric system codes before a label, as party-building systems export them (SPEC 2): 95_男, 223_正式党员.
// Stripped before matching and before comparing, never in the master's cells.

const SYSTEM_CODE = /^\s*\d{1,4}\s*[_＿]\s*(?=[^\d\s_＿])/;

/** "95_男" -> "男"; anything else unchanged ("3号楼", "2002_03" keep their digits). */
export function stripSystemCode(text: string): string {
  const m = SYSTEM_CODE.exec(text);
  return m ? text.slice(m[0].length) : text;
}
