// The state behind the fake Excel object model: sheets of cells (value, formula, number format), names, conditional
// formats kept as data, format layers, panes, filters, page layout. Proxies (fake-objects.ts) read and change it only
// while a sync executes their queued actions.
import { MAX_COLS, MAX_ROWS, Rect, absAreaText, contains, intersects, sheetPrefix } from "./fake-address";

export type Stored = string | number | boolean;
export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export class FakeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Row {
  v: (Stored | undefined)[];
  f?: (string | undefined)[];
  nf?: (string | undefined)[];
}

export interface FakeCF {
  readonly id: string;
  readonly rects: Rect[];
  readonly type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue?: boolean;
}

export interface FakeName {
  name: string;
  visible: boolean;
  comment: string;
  /** A reference to a sheet's cells, kept by sheet identity so renames follow (as in Excel), or a constant formula. */
  ref?: { sheet: FakeSheet; rect: Rect };
  constant?: string;
}

export interface FakeHandler {
  readonly id: string;
  /** "workbook", "worksheets" or the sheet's id. */
  readonly source: string;
  /** "onChanged", "onSelectionChanged", ... */
  readonly event: string;
  readonly handler: (args: unknown) => unknown;
  removed: boolean;
}

/**
 * A list data validation (a dropdown) as office.js reads it back: `source` is the list itself, comma-separated, where
 * it was typed in ("yes,no,maybe": office-js-docs#1314), else the reference formula with its "=" ("=Sheet2!$A$1:$A$9",
 * "=民族列表"). https://learn.microsoft.com/javascript/api/excel/excel.listdatavalidation
 */
export interface FakeValidation {
  readonly rects: Rect[];
  readonly source: string;
}

export interface FormatLayer {
  readonly rects: Rect[];
  readonly prop: string;
  readonly value: unknown;
}

/** A date typed into a General cell gets this format, as Excel's en-US "m/d/yyyy" would. */
const TYPED_DATE_FORMAT = "m/d/yyyy";
const EPOCH_1900 = Date.UTC(1899, 11, 30);

export class FakeSheet {
  readonly rows: (Row | undefined)[] = [];
  readonly cfs: FakeCF[] = [];
  readonly merges: Rect[] = [];
  readonly formats: FormatLayer[] = [];
  readonly columnWidths = new Map<number, number>();
  /** List data validations, in the order set (Excel keeps one rule per cell: a later one replaces an earlier's cells). */
  readonly validations: FakeValidation[] = [];
  freezeRows = 0;
  autoFilter?: Rect;
  readonly pageLayout: Record<string, unknown> = {};
  deleted = false;
  /** Protect Sheet: cells, formats and rules cannot be changed (WorksheetProtection.protected). */
  protected = false;
  /** The cells selected on this sheet (Excel keeps a selection per sheet; A1 until something is selected). */
  selected: Rect = { r0: 0, c0: 0, r1: 0, c1: 0 };

  constructor(readonly wb: FakeWorkbookModel, readonly id: string, public name: string, public visibility: Visibility = "Visible") {}

  private row(r: number, create: boolean): Row | undefined {
    let row = this.rows[r];
    if (!row && create) row = this.rows[r] = { v: [] };
    return row;
  }

  value(r: number, c: number): Stored | undefined {
    return this.rows[r]?.v[c];
  }
  formula(r: number, c: number): string | undefined {
    return this.rows[r]?.f?.[c];
  }
  numberFormat(r: number, c: number): string {
    return this.rows[r]?.nf?.[c] ?? "General";
  }

  /** Sets a cell directly (test set-up, or an executed write): undefined value clears it. */
  put(r: number, c: number, cell: { v?: Stored; f?: string; nf?: string }): void {
    if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) throw new FakeError("InvalidArgument", `cell ${r},${c} is off the sheet`);
    const row = this.row(r, true)!;
    row.v[c] = cell.v;
    if (cell.f !== undefined || row.f) (row.f ??= [])[c] = cell.f;
    if (cell.nf !== undefined) (row.nf ??= [])[c] = cell.nf === "General" ? undefined : cell.nf;
  }

  setNumberFormat(r: number, c: number, nf: string): void {
    const row = this.row(r, true)!;
    (row.nf ??= [])[c] = nf === "General" || nf === "" ? undefined : nf;
  }

  /** A string written through values/formulas, interpreted as if typed into the cell (Excel's own parsing). */
  typeIn(r: number, c: number, input: Stored): void {
    const nf = this.numberFormat(r, c);
    if (this.formula(r, c) !== undefined) this.wb.noteFormulaOverwrite(this, r, c);
    // A number written into a Text-formatted cell ("@") is kept as text, as a number typed there is ("Format numbers
    // as text", below): a date goes in as a date only where its cell's date format is set first.
    if (typeof input === "number" && nf === "@") return this.put(r, c, { v: String(input), f: undefined });
    if (typeof input !== "string") return this.put(r, c, { v: input, f: undefined });
    if (input === "") return this.put(r, c, { v: undefined, f: undefined });
    // A Text-formatted cell ("@") takes what is typed as it is: a leading apostrophe stays part of the value (it only
    // escapes parsing in a cell that would parse). "Format numbers as text": https://support.microsoft.com/office/
    // format-numbers-as-text-583160db-35e7-4cb8-99e5-a7c3b8e5e9e8 (issue 9, item 6: a fix wrote '2207... into a
    // Text column and the cell kept the apostrophe).
    if (nf === "@") return this.put(r, c, { v: input, f: undefined });
    if (input.startsWith("'")) return this.put(r, c, { v: input.slice(1), f: undefined });
    if (input.startsWith("=") && input.length > 1) return this.put(r, c, { v: undefined, f: input });
    const t = input.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return this.put(r, c, { v: Number(Number(t).toPrecision(15)), f: undefined });
    if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return this.put(r, c, { v: Number(t.slice(0, -1)) / 100, f: undefined, nf: nf === "General" ? "0%" : undefined });
    if (/^(true|false)$/i.test(t)) return this.put(r, c, { v: t.toLowerCase() === "true", f: undefined });
    const d = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
    if (d) {
      const [y, m, day] = [+d[1], +d[2], +d[3]];
      const ms = Date.UTC(y, m - 1, day);
      const dt = new Date(ms);
      if (dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === day && y >= 1900) {
        const serial = (ms - EPOCH_1900) / 86_400_000 - (this.wb.date1904 ? 1462 : 0);
        return this.put(r, c, { v: serial, f: undefined, nf: nf === "General" ? TYPED_DATE_FORMAT : undefined });
      }
    }
    this.put(r, c, { v: input, f: undefined });
  }

  /** The bounding rectangle of cells holding a value or formula (and, unless valuesOnly, a number format). */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      const scan = (arr: unknown[] | undefined) => arr?.forEach((x, c) => {
        if (x === undefined) return;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      });
      scan(row.v);
      scan(row.f);
      if (!valuesOnly) scan(row.nf);
    });
    return r1 < 0 ? undefined : { r0, c0, r1, c1 };
  }

  /** Rectangles covering the formula cells inside `within`: runs along rows, merged downwards where equal. */
  formulaAreas(within: Rect): Rect[] {
    const done: Rect[] = [];
    let open: Rect[] = [];
    for (let r = within.r0; r <= within.r1; r++) {
      const runs: [number, number][] = [];
      const f = this.rows[r]?.f;
      if (f) {
        let start = -1;
        for (let c = within.c0; c <= within.c1 + 1; c++) {
          const has = c <= within.c1 && f[c] !== undefined;
          if (has && start < 0) start = c;
          if (!has && start >= 0) {
            runs.push([start, c - 1]);
            start = -1;
          }
        }
      }
      const next: Rect[] = [];
      for (const [a, b] of runs) {
        const i = open.findIndex((o) => o.c0 === a && o.c1 === b && o.r1 === r - 1);
        if (i >= 0) {
          next.push({ ...open[i], r1: r });
          open.splice(i, 1);
        } else next.push({ r0: r, c0: a, r1: r, c1: b });
      }
      done.push(...open);
      open = next;
    }
    done.push(...open);
    return done.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  }

  /** Adds a list validation (test set-up); Excel keeps one rule per cell, so an overlap is refused here. */
  addValidation(v: FakeValidation): void {
    if (this.validations.some((o) => o.rects.some((a) => v.rects.some((b) => intersects(a, b))))) {
      throw new Error(`fake Excel: overlapping data validations on ${this.name}`);
    }
    this.validations.push(v);
  }

  /**
   * The parts of `within` under a data validation (getSpecialCells("DataValidations")), top to bottom. Excel answers
   * with cells that have some rule, not one area per rule: areas of different rules that touch are given as one
   * (vertically, same columns), so a caller cannot take an area for one rule.
   */
  validationAreas(within: Rect): Rect[] {
    const parts: Rect[] = [];
    for (const v of this.validations) {
      for (const x of v.rects) {
        if (!intersects(x, within)) continue;
        parts.push({ r0: Math.max(x.r0, within.r0), c0: Math.max(x.c0, within.c0), r1: Math.min(x.r1, within.r1), c1: Math.min(x.c1, within.c1) });
      }
    }
    parts.sort((a, b) => a.c0 - b.c0 || a.r0 - b.r0);
    const out: Rect[] = [];
    for (const p of parts) {
      const last = out[out.length - 1];
      if (last && last.c0 === p.c0 && last.c1 === p.c1 && last.r1 + 1 === p.r0) out[out.length - 1] = { ...last, r1: p.r1 };
      else out.push(p);
    }
    return out.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  }

  /**
   * What range.dataValidation reads over `rect`: "None" where no cell has a rule, the rule where every cell has the
   * same one, "Inconsistent" otherwise (DataValidationType: https://learn.microsoft.com/javascript/api/excel/
   * excel.datavalidationtype, office-js-docs#1309).
   */
  validationOver(rect: Rect): { type: "None" | "List" | "Inconsistent"; source?: string } {
    const cells = (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
    const touching = this.validations.filter((v) => v.rects.some((x) => intersects(x, rect)));
    if (touching.length === 0) return { type: "None" };
    if (touching.length > 1) return { type: "Inconsistent" };
    let covered = 0;
    for (const x of touching[0].rects) {
      if (!intersects(x, rect)) continue;
      covered += (Math.min(x.r1, rect.r1) - Math.max(x.r0, rect.r0) + 1) * (Math.min(x.c1, rect.c1) - Math.max(x.c0, rect.c0) + 1);
    }
    return covered === cells ? { type: "List", source: touching[0].source } : { type: "Inconsistent" };
  }

  /** The last value a format property was given over a cell (format layers, later ones win). */
  formatAt(r: number, c: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const l of this.formats) if (l.rects.some((x) => contains(x, r, c))) out[l.prop] = l.value;
    return out;
  }

  cfsOver(rect: Rect): FakeCF[] {
    return this.cfs.filter((cf) => cf.rects.some((x) => intersects(x, rect)));
  }
}

/**
 * Protection, as Excel enforces it: a protected sheet refuses changes to its cells, formats and rules; a workbook with
 * its structure protected refuses adding, deleting, renaming, moving, hiding and showing sheets. Excel answers
 * AccessDenied ("You cannot perform the requested operation", as office-js issue 6784 quotes it). Worksheet
 * protection: https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection; workbook protection:
 * https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection.
 */
export function assertSheetEditable(s: FakeSheet): void {
  if (s.protected) throw new FakeError("AccessDenied", `You cannot perform the requested operation: the sheet "${s.name}" is protected.`);
}
export function assertStructureEditable(wb: FakeWorkbookModel): void {
  if (wb.protected) throw new FakeError("AccessDenied", "You cannot perform the requested operation: the workbook's structure is protected.");
}

export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  /** Protect Workbook (structure). */
  protected = false;
  readonly names: FakeName[] = [];
  activeSheet?: FakeSheet;
  date1904 = false;
  /** Event handlers registered through the object model (onChanged and the like): recorded, fired only on request. */
  readonly handlers: FakeHandler[] = [];
  /** Every write through the API that replaced a formula, as "Sheet!B5": the back end must never make one on a roster. */
  readonly formulaOverwrites: string[] = [];
  private nextId = 1;

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    for (const n of sheetNames) this.addSheet(n);
    this.activeSheet = this.sheets[0];
  }

  noteFormulaOverwrite(sheet: FakeSheet, r: number, c: number): void {
    this.formulaOverwrites.push(`${sheetPrefix(sheet.name)}${absAreaText({ r0: r, c0: c, r1: r, c1: c }).replace(/\$/g, "")}`);
  }

  /** Range.select: the sheet becomes the active one and the range its selection; a hidden sheet cannot be. */
  select(s: FakeSheet, rect: Rect): void {
    if (s.visibility !== "Visible") throw new FakeError("InvalidOperation", `Cannot select a range on the hidden sheet "${s.name}".`);
    this.activeSheet = s;
    s.selected = rect;
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  sheet(name: string): FakeSheet | undefined {
    const k = name.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === k);
  }

  addSheet(name: string): FakeSheet {
    validateSheetName(name);
    if (this.sheet(name)) throw new FakeError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
    const s = new FakeSheet(this, this.newId("sheet"), name);
    this.sheets.push(s);
    return s;
  }

  renameSheet(s: FakeSheet, name: string): void {
    validateSheetName(name);
    const other = this.sheet(name);
    if (other && other !== s) throw new FakeError("InvalidArgument", `Cannot rename a sheet to "${name}": the name is taken.`);
    s.name = name;
  }

  deleteSheet(s: FakeSheet): void {
    // Excel refuses to delete a very hidden sheet: "if the worksheet's visibility is set to "VeryHidden", the delete
    // operation will fail with an InvalidOperation exception" (Worksheet.delete in @types/office-js, and
    // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)).
    if (s.visibility === "VeryHidden") throw new FakeError("InvalidOperation", `Cannot delete the very hidden sheet "${s.name}": make it hidden or visible first.`);
    const visible = this.sheets.filter((x) => x.visibility === "Visible");
    if (visible.length === 1 && visible[0] === s) throw new FakeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    const i = this.sheets.indexOf(s);
    this.sheets.splice(i, 1);
    s.deleted = true;
    if (this.activeSheet === s) this.activeSheet = this.sheets.find((x) => x.visibility === "Visible");
  }

  setVisibility(s: FakeSheet, v: Visibility): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw new FakeError("InvalidArgument", `visibility "${v}"`);
    if (v !== "Visible") {
      const visible = this.sheets.filter((x) => x.visibility === "Visible");
      if (visible.length === 1 && visible[0] === s) throw new FakeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      if (this.activeSheet === s) this.activeSheet = this.sheets.find((x) => x !== s && x.visibility === "Visible");
    }
    s.visibility = v;
  }

  setPosition(s: FakeSheet, p: number): void {
    if (!Number.isInteger(p) || p < 0 || p >= this.sheets.length) throw new FakeError("InvalidArgument", `position ${p}`);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.sheets.splice(p, 0, s);
  }

  name(n: string): FakeName | undefined {
    const k = n.toUpperCase();
    return this.names.find((x) => x.name.toUpperCase() === k);
  }

  nameFormula(n: FakeName): string {
    if (n.ref) return n.ref.sheet.deleted ? `=#REF!${absAreaText(n.ref.rect)}` : `=${sheetPrefix(n.ref.sheet.name)}${absAreaText(n.ref.rect)}`;
    return n.constant ?? "";
  }

  nameType(n: FakeName): string {
    if (n.ref) return n.ref.sheet.deleted ? "Error" : "Range";
    return /^="/.test(n.constant ?? "") ? "String" : "Double";
  }
}

/** Excel's rules for a sheet name: 1..31 characters, none of []:*?/\, not starting or ending with an apostrophe. */
export function validateSheetName(name: string): void {
  if (typeof name !== "string" || name.length === 0 || [...name].length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === "history") {
    throw new FakeError("InvalidArgument", `The sheet name "${name}" is not valid.`);
  }
}
