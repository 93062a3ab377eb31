// Before taking the style kit out: does anything left in the package still use its cell formats or dxfs?
// (A user may have copied our formats onto their own cells in Excel.) A byte scan for the attributes that hold them.
import { ascii, indexOfBytes } from "../xlsx/byte-scan";
import type { PackageEditor } from "./package";

const S = ascii(' s="');
const STYLE = ascii(' style="');
const XF = ascii('xfId="');

function anyIn(b: Uint8Array, pat: Uint8Array, lo: number, hi: number): boolean {
  for (let i = indexOfBytes(b, pat, 0, b.length); i >= 0; i = indexOfBytes(b, pat, i + pat.length, b.length)) {
    let n = 0;
    let k = i + pat.length;
    if (b[k] < 48 || b[k] > 57) continue;
    for (; b[k] >= 48 && b[k] <= 57; k++) n = n * 10 + (b[k] - 48);
    if (n >= lo && n < hi) return true;
  }
  return false;
}

/** Whether `b` (a worksheet when `worksheet`, else any other XML part) uses a cell format in [xf) or a dxf in [dxf). */
export function usesKit(b: Uint8Array, worksheet: boolean, xf: [number, number], dxf: [number, number]): boolean {
  if (worksheet && (anyIn(b, S, xf[0], xf[1]) || anyIn(b, STYLE, xf[0], xf[1]))) return true;
  return anyIn(b, XF, dxf[0], dxf[1]);
}

/** Whether a part left in the package uses the kit's cell formats or dxfs (patched parts as patched). */
export function kitInUse(pkg: PackageEditor, patched: ReadonlyMap<string, Uint8Array[]>, stylesPath: string, r: { xf: [number, number]; dxf: [number, number] }): boolean {
  for (const name of pkg.names()) {
    if (!/\.xml$/i.test(name) || name.toLowerCase() === stylesPath.toLowerCase() || /(^|\/)(workbook|sharedStrings|calcChain)\.xml$/i.test(name)) continue;
    const worksheet = /(^|\/)worksheets\//i.test(name);
    const chunks = patched.get(name) ?? (pkg.isOriginal(name) ? [pkg.originalBytes(name)!] : undefined);
    if (chunks === undefined) continue; // written by this run: ours, and on clear there are none
    if (chunks.some((c) => usesKit(c, worksheet, r.xf, r.dxf))) return true;
  }
  return false;
}
