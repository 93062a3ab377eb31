// Node only: an .xlsx described as FakeWorkbookJson, to load into the fake (in Node, or injected into a browser page).
// Values, sheet states, the date system and defined names come from our reader (openXlsx); the number formats
// and formula texts, which it does not keep, from ExcelJS reading the same bytes.
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { columnLetter, isDateCell } from "../../src/domain/grid";
import { openXlsx } from "../../src/workbook/xlsx";
import { inlineValues, parseListRules } from "../../src/workbook/xlsx/data-validations";
import type { CellInput } from "./excel-fake";
import type { FakeWorkbookJson } from "./fake-json";
import type { Visibility } from "./fake-model";

const VISIBILITY: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/**
 * The package with every worksheet's data validations left out: ExcelJS expands a validation over whole columns
 * (B3:B1048576) cell by cell, two minutes for one corpus file; it is asked here only for formats and formulas.
 */
function withoutValidations(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  for (const [name, data] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    if (!xml.includes("dataValidation")) continue;
    parts[name] = strToU8(xml.replace(/<dataValidations[\s>][\s\S]*?<\/dataValidations>/g, "").replace(/<extLst>[\s\S]*?<\/extLst>/g, ""));
  }
  return zipSync(parts);
}

/** Number formats (non-General) and formulas ("=..."), per sheet, keyed "row:col" 0-based. */
async function formatsAndFormulas(bytes: Uint8Array): Promise<Map<string, Map<string, { nf?: string; f?: string }>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(withoutValidations(bytes)) as unknown as ArrayBuffer);
  const out = new Map<string, Map<string, { nf?: string; f?: string }>>();
  wb.eachSheet((ws) => {
    const cells = new Map<string, { nf?: string; f?: string }>();
    ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => {
      const nf = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
      const f = cell.formula ? `=${cell.formula}` : undefined;
      if (nf || f) cells.set(`${r - 1}:${c - 1}`, { nf, f });
    }));
    out.set(ws.name, cells);
  });
  return out;
}

/** A sheet part's list validations as office.js reads them back (FakeSheetJson.validations). */
function validationsOf(xml: string | undefined): { address: string; source: string }[] {
  if (xml === undefined) return [];
  return parseListRules(xml).map((rule) => ({
    address: rule.ranges.map((r) => `${columnLetter(r.c0)}${r.r0 + 1}:${columnLetter(r.c1)}${r.r1 + 1}`).join(" "),
    source: inlineValues(rule.formula)?.join(",") ?? `=${rule.formula.replace(/^=/, "")}`,
  }));
}

export async function xlsxToFakeJson(bytes: Uint8Array, fileName: string): Promise<FakeWorkbookJson> {
  const wb = openXlsx(bytes, fileName);
  const extra = await formatsAndFormulas(bytes);
  const parts = unzipSync(bytes);
  const sheets = wb.sheets.filter((s) => s.kind === "worksheet").map((info) => {
    const g = wb.readSheet(info.name);
    const more = extra.get(info.name) ?? new Map();
    const rows: (CellInput[] | null)[] = [];
    for (let r = 0; r < g.rows.length; r++) {
      const src = g.rows[r];
      if (!src) {
        rows.push(null);
        continue;
      }
      const row: CellInput[] = [];
      for (let c = 0; c < src.length; c++) {
        const v = src[c];
        const x = more.get(`${r}:${c}`);
        if (v === undefined || v === null) {
          row.push(x?.f ? { f: x.f, nf: x.nf } : null);
          continue;
        }
        const value = isDateCell(v) ? v.serial : v;
        const nf = x?.nf ?? (isDateCell(v) ? "yyyy-mm-dd" : undefined);
        row.push(nf || x?.f ? { v: value, nf, f: x?.f } : value);
      }
      rows.push(row);
    }
    const part = parts[info.part.replace(/^\//, "")];
    const validations = validationsOf(part === undefined ? undefined : strFromU8(part));
    return { name: info.name, visibility: VISIBILITY[info.state] ?? "Visible", rows, ...(validations.length ? { validations } : {}) };
  });
  // openXlsx keeps no hidden flag: the product's own names are hidden ones, a user's are taken as visible.
  const names = [...wb.definedNames].map(([name, formula]) => ({ name, formula: formula.startsWith("=") ? formula : `=${formula}`, visible: !name.startsWith("_RosterAssistant_") }));
  return { fileName, date1904: wb.date1904, sheets, names };
}
