// Independent looks into a written package: fflate's unzip (not our reader), ExcelJS, LibreOffice, the XSD check.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { SHARED } from "./shared";

/** Every part of a package, inflated. */
export function parts(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return !!a && !!b && Buffer.from(a).equals(Buffer.from(b));
}

/** SPEC 9: the parts a write may change, besides the roster sheets it flags or fixes and its own sheets. */
export const MAY_CHANGE = new Set([
  "[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "docProps/app.xml", "docProps/core.xml",
  "xl/styles.xml", "xl/sharedStrings.xml", "xl/calcChain.xml",
]);

export function hasTool(cmd: string): boolean {
  const ok = spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
  if (!ok && process.env.CI === "true") throw new Error(`${cmd} is missing, and CI=true requires it (.ci/run installs it)`);
  if (!ok) console.warn(`skipping: ${cmd} not found`);
  return ok;
}

/** ../shared/ooxml-xsd/validate-xlsx.sh --against: exit status and the failing lines. */
export function validateAgainst(input: Uint8Array, output: Uint8Array): { status: number; failures: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "xsd-"));
  writeFileSync(join(dir, "in.xlsx"), input);
  writeFileSync(join(dir, "out.xlsx"), output);
  const r = spawnSync("bash", [join(SHARED, "ooxml-xsd/validate-xlsx.sh"), "--against", join(dir, "in.xlsx"), join(dir, "out.xlsx")], { encoding: "utf8" });
  return { status: r.status ?? -1, failures: r.stdout.split("\n").filter((l) => /^(FAIL|WF)/.test(l)) };
}

/** Parses LibreOffice's CSV (comma, double quotes, LF or CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}

/** LibreOffice opens the workbook and writes every sheet as CSV, formulas evaluated: sheet name -> rows. */
export function libreOfficeSheets(bytes: Uint8Array): Map<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), "lo-"));
  const file = join(dir, "book.xlsx");
  writeFileSync(file, bytes);
  execFileSync("soffice", ["-env:UserInstallation=file://" + join(dir, "profile"), "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", join(dir, "csv"), file], { stdio: "pipe", timeout: 120_000 });
  const out = new Map<string, string[][]>();
  for (const f of readdirSync(join(dir, "csv"))) {
    if (f.startsWith("book-") && f.endsWith(".csv")) out.set(f.slice(5, -4), parseCsv(readFileSync(join(dir, "csv", f), "utf8")));
  }
  return out;
}

/** ExcelJS's reading of one sheet (its streaming reader: the full loader needs 20 s for a file with thousands of
 * validations): "A1" -> the value as text (formulas: their cached result; date cells: their serial). */
export async function excelJsCells(bytes: Uint8Array, sheet: string): Promise<Map<string, string>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", entries: "ignore",
  });
  let out: Map<string, string> | undefined;
  for await (const ws of reader) {
    const w = ws as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
    const cells = new Map<string, string>();
    for await (const row of w) {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const text = cellText(cell.value);
        if (text !== "") cells.set(cell.address, text);
      });
    }
    if (w.name === sheet) out = cells;
  }
  if (!out) throw new Error(`ExcelJS sees no sheet ${sheet}`);
  return out;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== "object") return String(v);
  const o = v as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
  if ("formula" in o || "sharedFormula" in o) return cellText(o.result);
  if (o.richText) return o.richText.map((t) => t.text).join("");
  if (o.text !== undefined) return String(o.text);
  if (o.error !== undefined) return String(o.error);
  return JSON.stringify(v);
}
