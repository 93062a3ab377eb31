// A workbook for the fake as plain JSON: what a browser page gets injected (window.__FAKE_WORKBOOK__) and what a
// Node test builds from an .xlsx (test/fakes/xlsx-to-fake.ts). No Node APIs here: the browser bundle imports it.
import type { CellInput } from "./excel-fake";
import { Fake, FakeOptions } from "./excel-fake";
import type { Visibility } from "./fake-model";
import { setReference } from "./fake-workbook";
import { parseAreas } from "./fake-address";

export interface FakeSheetJson {
  readonly name: string;
  readonly visibility?: Visibility;
  /** rows[r][c] is the cell at row r+1, column c+1: a value, or { v, nf, f } (f with its "="); null for none. */
  readonly rows: ReadonlyArray<ReadonlyArray<CellInput> | null>;
  /** List data validations: cells ("B3:B200 D3:D200") and the source as office.js reads it ("男,女", "=Sheet2!$A$1:$A$9"). */
  readonly validations?: ReadonlyArray<{ readonly address: string; readonly source: string }>;
}

export interface FakeWorkbookJson {
  /** For messages only: office.js gives no file name. */
  readonly fileName?: string;
  readonly date1904?: boolean;
  readonly sheets: readonly FakeSheetJson[];
  /** Workbook-level names: formula "=Sheet!$A$1" (or a constant). */
  readonly names?: ReadonlyArray<{ readonly name: string; readonly formula: string; readonly visible?: boolean }>;
  /** The sheet Excel shows at first (default: the first visible one). */
  readonly activeSheet?: string;
}

/** A fresh fake holding the workbook the JSON describes. */
export function fakeFromJson(json: FakeWorkbookJson, opts: Omit<FakeOptions, "sheets" | "date1904"> = {}): Fake {
  if (json.sheets.length === 0) throw new Error("fake workbook JSON: no sheets");
  const fake = new Fake({ ...opts, sheets: json.sheets.map((s) => s.name), date1904: json.date1904 === true });
  for (const s of json.sheets) {
    s.rows.forEach((row, r) => {
      if (row) fake.putRows(s.name, r + 1, [row]);
    });
  }
  for (const s of json.sheets) {
    for (const v of s.validations ?? []) fake.sheet(s.name).addValidation({ rects: parseAreas(v.address.trim().split(/\s+/).join(",")), source: v.source });
  }
  for (const n of json.names ?? []) {
    const item = { name: n.name, visible: n.visible !== false, comment: "" };
    setReference(fake.model, item, n.formula);
    fake.model.names.push(item);
  }
  for (const s of json.sheets) if (s.visibility && s.visibility !== "Visible") fake.sheet(s.name).visibility = s.visibility;
  const active = json.activeSheet ? fake.sheet(json.activeSheet) : fake.model.sheets.find((s) => s.visibility === "Visible");
  fake.model.activeSheet = active;
  return fake;
}

/** The fake's workbook back as JSON (values, non-General number formats, formulas, names): what a page exposes. */
export function fakeToJson(fake: Fake): FakeWorkbookJson {
  return {
    date1904: fake.model.date1904,
    sheets: fake.model.sheets.map((s) => {
      const used = s.usedRect(false);
      const rows: (CellInput[] | null)[] = [];
      for (let r = 0; used && r <= used.r1; r++) {
        const row: CellInput[] = [];
        for (let c = 0; c <= used.c1; c++) {
          const v = s.value(r, c);
          const f = s.formula(r, c);
          const nf = s.numberFormat(r, c);
          row.push(f === undefined && nf === "General" ? v ?? null : { v, f, nf: nf === "General" ? undefined : nf });
        }
        while (row.length && row[row.length - 1] === null) row.pop();
        rows.push(row.length ? row : null);
      }
      return { name: s.name, visibility: s.visibility, rows };
    }),
    names: fake.model.names.map((n) => ({ name: n.name, formula: fake.model.nameFormula(n), visible: n.visible })),
    activeSheet: fake.model.activeSheet?.name,
  };
}
