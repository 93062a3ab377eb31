// Writes examples/铁西街党员花名册.xlsx from the pure sheet grids in example-sheets.ts, with ExcelJS.
//   npx tsx scripts/make-example.ts [outPath]
// The bytes are the same on every run: seeded data, fixed document dates, and the package re-zipped with
// fixed entry times (JSZip, inside ExcelJS, stamps every entry with the current time).
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync, Zippable } from "fflate";
import { ExampleCell, ExampleSheet, exampleSheets } from "./example-sheets";
import { expectedFigures } from "./example-figures";

const FIXED_TIME = new Date(Date.UTC(2025, 11, 31, 8, 30, 0));
const FONT = "宋体";
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" },
};

export const DEFAULT_EXAMPLE_PATH = path.resolve(__dirname, "..", "examples", "铁西街党员花名册.xlsx");

function setCell(cell: ExcelJS.Cell, v: ExampleCell): void {
  if (v === null) return;
  if (typeof v === "string" || typeof v === "number") {
    cell.value = v;
  } else if ("date" in v) {
    const [y, m, d] = v.date.split("-").map(Number);
    cell.value = new Date(Date.UTC(y, m - 1, d));
    cell.numFmt = v.fmt;
  } else {
    cell.value = v.num;
    cell.numFmt = v.fmt;
  }
}

function writeSheet(wb: ExcelJS.Workbook, s: ExampleSheet): void {
  const ncols = s.widths.length;
  const ws = wb.addWorksheet(s.name, {
    views: [{ state: "frozen", xSplit: 2, ySplit: s.headerRow }],
    pageSetup: {
      paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${s.headerRow}:${s.headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "第 &P 页，共 &N 页" },
  });
  s.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const idCol = s.columns.idNumber ? s.columns.idNumber.charCodeAt(0) - 64 : 0;
  const headers = new Set([s.headerRow, ...s.repeatedHeaderRows]);
  const footers = new Set(s.footerRows);
  s.rows.forEach((cells, i) => {
    const r = i + 1;
    const row = ws.getRow(r);
    const inTable = headers.has(r) || (r >= s.firstRow && r <= s.lastRow && !s.emptyRows.includes(r)) || (s.kind === "projects" && r === s.lastRow + 1);
    for (let c = 1; c <= (inTable ? ncols : cells.length); c++) {
      const cell = row.getCell(c);
      setCell(cell, cells[c - 1] ?? null);
      if (r === 1) {
        cell.font = { name: FONT, size: 16, bold: true };
        cell.alignment = { horizontal: "center", vertical: "middle" };
      } else if (r === 2) {
        cell.font = { name: FONT, size: 10 };
        cell.alignment = { horizontal: "left", vertical: "middle" };
      } else if (headers.has(r)) {
        cell.font = { name: FONT, size: 10, bold: true };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
        cell.border = THIN;
      } else if (inTable) {
        cell.font = { name: FONT, size: 10 };
        cell.alignment = { vertical: "middle", wrapText: c > 1 && s.widths[c - 1] >= 22 };
        cell.border = THIN;
        if (c === idCol && typeof cells[c - 1] === "string") cell.numFmt = "@";
      } else if (footers.has(r)) {
        cell.font = { name: FONT, size: 10 };
      }
    }
    if (r === 1) row.height = 30;
    if (headers.has(r)) row.height = 28;
  });
  for (const m of s.merges) ws.mergeCells(m);
}

/** Re-zip with fixed entry times so the committed file only changes when its content does. */
function stableZip(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const out: Zippable = {};
  // Local-time constructor: DOS times are local, so this gives the same bytes in every time zone.
  const mtime = new Date(2025, 11, 31, 8, 30, 0);
  for (const [name, data] of Object.entries(parts)) out[name] = [data, { level: 6, mtime }];
  return zipSync(out);
}

export async function makeExample(outPath: string = DEFAULT_EXAMPLE_PATH): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "铁西街道党工委";
  wb.lastModifiedBy = "铁西街道党工委";
  wb.company = "铁西街道办事处";
  wb.title = "铁西街党员花名册";
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  wb.calcProperties = { fullCalcOnLoad: false };
  for (const s of exampleSheets()) writeSheet(wb, s);
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  const bytes = stableZip(buf);
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, bytes);
  return bytes;
}

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? DEFAULT_EXAMPLE_PATH);
  const bytes = await makeExample(out);
  console.log(`wrote ${out} (${bytes.length} bytes)`);
  // Read it back once with ExcelJS as an independent check.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  for (const ws of wb.worksheets) console.log(`  ${ws.name}: ${ws.rowCount} rows (${ws.actualRowCount} non-empty), ${ws.columnCount} columns`);
  const f = expectedFigures();
  console.log(`  members ${f.members}; byCategory ${JSON.stringify(f.byCategory)}; byBranch ${JSON.stringify(f.byBranch)}; lost contact ${f.lostContact}`);
  console.log(`  projects ${f.projects.count}, jobs ${f.projects.jobsCreated}, laid-off placed ${f.projects.laidOffPlaced}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
