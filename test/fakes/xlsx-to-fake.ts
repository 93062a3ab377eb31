// Node only: an .xlsx described as FakeWorkbookJson, to load into the fake (in Node, or injected into a browser page).
// Values, sheet states, the date system and defined names come from our reader (openXlsx); the number formats
// and formula texts, which it does not keep, from ExcelJS reading the same bytes.
import ExcelJS from "exceljs";
import { isDateCell } from "../../src/domain/grid";
import { openXlsx } from "../../src/workbook/xlsx";
import type { CellInput } from "./excel-fake";
import type { FakeWorkbookJson } from "./fake-json";
import type { Visibility } from "./fake-model";

const VISIBILITY: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/** Number formats (non-General) and formulas ("=..."), per sheet, keyed "row:col" 0-based. */
async function formatsAndFormulas(bytes: Uint8Array): Promise<Map<string, Map<string, { nf?: string; f?: string }>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
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

export async function xlsxToFakeJson(bytes: Uint8Array, fileName: string): Promise<FakeWorkbookJson> {
  const wb = openXlsx(bytes, fileName);
  const extra = await formatsAndFormulas(bytes);
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
    return { name: info.name, visibility: VISIBILITY[info.state] ?? "Visible", rows };
  });
  // openXlsx keeps no hidden flag: the product's own names are hidden ones, a user's are taken as visible.
  const names = [...wb.definedNames].map(([name, formula]) => ({ name, formula: formula.startsWith("=") ? formula : `=${formula}`, visible: !name.startsWith("_RosterAssistant_") }));
  return { fileName, date1904: wb.date1904, sheets, names };
}
