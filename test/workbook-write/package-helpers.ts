// Looking inside written packages in tests: parts inflated by fflate (an independent unzip), raw entries, the
// schema check, and ExcelJS as an independent reader.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { SHARED } from "../helpers/shared";

export const parts = (b: Uint8Array): Record<string, Uint8Array> => unzipSync(b);
export const text = (b: Uint8Array, name: string): string => strFromU8(parts(b)[name]);
export const same = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

/** Names of parts whose inflated bytes differ between two packages, and parts only in one of them. */
export function diffParts(a: Uint8Array, b: Uint8Array): { changed: string[]; onlyA: string[]; onlyB: string[] } {
  const pa = parts(a);
  const pb = parts(b);
  return {
    changed: Object.keys(pa).filter((n) => n in pb && !same(pa[n], pb[n])).sort(),
    onlyA: Object.keys(pa).filter((n) => !(n in pb)).sort(),
    onlyB: Object.keys(pb).filter((n) => !(n in pa)).sort(),
  };
}

export const VALIDATE = join(SHARED, "ooxml-xsd/validate-xlsx.sh");

/** Whether xmllint is here (the schema check needs it); under CI=true its absence fails. */
export function hasXmllint(): boolean {
  const ok = spawnSync("xmllint", ["--version"]).status === 0;
  if (!ok && process.env.CI === "true") throw new Error("xmllint is missing, and CI=true requires the schema check");
  if (!ok) console.warn("skipping schema checks: xmllint not found (apt-get install libxml2-utils)");
  return ok && existsSync(VALIDATE);
}

/** Runs validate-xlsx.sh --against; returns its exit status and output. */
export function validate(input: Uint8Array, output: Uint8Array): { status: number; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "validate-"));
  try {
    writeFileSync(join(dir, "in.xlsx"), input);
    writeFileSync(join(dir, "out.xlsx"), output);
    const r = spawnSync("bash", [VALIDATE, "--against", join(dir, "in.xlsx"), join(dir, "out.xlsx")], { encoding: "utf8" });
    return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether LibreOffice is here; under CI=true its absence fails. */
export function hasSoffice(): boolean {
  let ok = false;
  try {
    execFileSync("which", ["soffice"], { stdio: "pipe" });
    ok = true;
  } catch {
    ok = false;
  }
  if (!ok && process.env.CI === "true") throw new Error("soffice is missing, and CI=true requires the LibreOffice check");
  if (!ok) console.warn("skipping LibreOffice checks: soffice not on PATH");
  return ok;
}

/** The package without data validations, which ExcelJS expands cell by cell (slow); values are unchanged. */
function withoutValidations(bytes: Uint8Array): ArrayBuffer {
  const p = unzipSync(bytes);
  for (const name of Object.keys(p)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(p[name]);
    p[name] = strToU8(xml.replace(/<dataValidations[\s\S]*?<\/dataValidations>/g, "").replace(/<extLst>[\s\S]*?<\/extLst>/g, ""));
  }
  const z = zipSync(p);
  return z.buffer.slice(z.byteOffset, z.byteOffset + z.byteLength) as ArrayBuffer;
}

/** A sheet's values as ExcelJS reads them: "A1" -> text, number or formula result. */
export async function excelJsValues(bytes: Uint8Array, sheet: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(withoutValidations(bytes));
  const ws = wb.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`ExcelJS sees no sheet ${sheet}`);
  const out = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
    let v = cell.value as unknown;
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if ("richText" in o) v = (o.richText as Array<{ text: string }>).map((r) => r.text).join("");
      else if ("formula" in o || "sharedFormula" in o) v = o.result;
      else if ("text" in o) v = o.text;
    }
    if (v !== null && v !== undefined && v !== "") out.set(cell.address, v);
  }));
  return out;
}
