// Fake Range, RangeAreas and range formats: 2-D values / numberFormat / formulas as office.js reads and writes them
// (empty cells read "", null entries in a written array leave the cell alone, dimensions must match exactly).
import { MAX_COLS, Rect, areaText, parseAreas, sheetPrefix } from "./fake-address";
import { deleteRows } from "./fake-delete";
import { insertRows } from "./fake-insert";
import { FakeContext, Proxy } from "./fake-client";
import { ConditionalFormatCollection } from "./fake-cf";
import { FakeError, FakeSheet, Stored, assertSheetEditable } from "./fake-model";

export interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}
export interface AreasTarget {
  readonly sheet: FakeSheet;
  readonly rects: Rect[];
}

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

function grid<V>(t: RangeTarget, cell: (s: FakeSheet, r: number, c: number) => V): V[][] {
  const { r0, c0, r1, c1 } = t.rect;
  const out: V[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row: V[] = new Array(c1 - c0 + 1);
    for (let c = c0; c <= c1; c++) row[c - c0] = cell(t.sheet, r, c);
    out.push(row);
  }
  return out;
}

const shown = (s: FakeSheet, r: number, c: number): Stored => s.value(r, c) ?? "";

function valueType(s: FakeSheet, r: number, c: number): string {
  const v = s.value(r, c);
  if (v === undefined) return s.formula(r, c) === undefined ? "Empty" : "String";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
  return ERROR_TEXT.test(v) ? "Error" : "String";
}

/** Writes a 2-D array over a range: exact dimensions, null leaves a cell as it is. */
function write2d(t: RangeTarget, prop: string, data: unknown, each: (s: FakeSheet, r: number, c: number, v: unknown) => void): void {
  const rows = t.rect.r1 - t.rect.r0 + 1;
  const cols = t.rect.c1 - t.rect.c0 + 1;
  if (!Array.isArray(data) || data.length !== rows || data.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeError("InvalidArgument", `${prop}: the number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
  }
  data.forEach((row: unknown[], i) => row.forEach((v, j) => {
    if (v !== null && v !== undefined) each(t.sheet, t.rect.r0 + i, t.rect.c0 + j, v);
  }));
}

export class Range extends Proxy<RangeTarget> {
  protected override guard(t: { sheet: FakeSheet }): void {
    assertSheetEditable(t.sheet);
  }
  protected readonly readers: Record<string, (t: RangeTarget) => unknown> = {
    address: (t) => `${sheetPrefix(t.sheet.name)}${areaText(t.rect)}`,
    rowIndex: (t) => t.rect.r0,
    columnIndex: (t) => t.rect.c0,
    rowCount: (t) => t.rect.r1 - t.rect.r0 + 1,
    columnCount: (t) => t.rect.c1 - t.rect.c0 + 1,
    cellCount: (t) => (t.rect.r1 - t.rect.r0 + 1) * (t.rect.c1 - t.rect.c0 + 1),
    values: (t) => grid(t, shown),
    numberFormat: (t) => grid(t, (s, r, c) => s.numberFormat(r, c)),
    formulas: (t) => grid(t, (s, r, c) => s.formula(r, c) ?? shown(s, r, c)),
    valueTypes: (t) => grid(t, valueType),
  };

  constructor(context: FakeContext, resolver: () => RangeTarget | null, orNull = false) {
    super(context, resolver, orNull);
  }

  protected override isGone(t: RangeTarget): boolean {
    return t.sheet.deleted;
  }

  get address(): string { return this.get_("address"); }
  get rowIndex(): number { return this.get_("rowIndex"); }
  get columnIndex(): number { return this.get_("columnIndex"); }
  get rowCount(): number { return this.get_("rowCount"); }
  get columnCount(): number { return this.get_("columnCount"); }
  get cellCount(): number { return this.get_("cellCount"); }
  get valueTypes(): string[][] { return this.get_("valueTypes"); }

  get values(): unknown[][] { return this.get_("values"); }
  set values(v: unknown[][]) {
    this.set_("values", v, (t) => write2d(t, "values", v, (s, r, c, x) => s.typeIn(r, c, x as Stored)));
  }
  get formulas(): unknown[][] { return this.get_("formulas"); }
  set formulas(v: unknown[][]) {
    const formulas = Array.isArray(v) ? v.reduce((n, row) => n + (Array.isArray(row) ? row.filter((x) => typeof x === "string" && x.startsWith("=") && x.length > 1).length : 0), 0) : 0;
    this.set_("formulas", v, (t) => write2d(t, "formulas", v, (s, r, c, x) => s.typeIn(r, c, x as Stored)), { formulas });
  }
  get numberFormat(): unknown[][] { return this.get_("numberFormat"); }
  set numberFormat(v: unknown[][]) {
    this.set_("numberFormat", v, (t) => write2d(t, "numberFormat", v, (s, r, c, x) => s.setNumberFormat(r, c, String(x))));
  }

  get format(): RangeFormat {
    return new RangeFormat(this.context, () => {
      const t = this.t();
      return { sheet: t.sheet, rects: [t.rect] };
    });
  }

  /** The range's data validation (ExcelApi 1.8): only list rules are modelled, read-only. */
  get dataValidation(): DataValidation {
    return new DataValidation(this.context, () => this.t());
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return new ConditionalFormatCollection(this.context, () => this.t());
  }

  getCell(row: number, col: number): Range {
    return new Range(this.context, () => {
      const t = this.t();
      return { sheet: t.sheet, rect: { r0: t.rect.r0 + row, c0: t.rect.c0 + col, r1: t.rect.r0 + row, c1: t.rect.c0 + col } };
    }).created("getCell", [row, col]);
  }

  getSpecialCells(type: string): RangeAreas {
    return this.special(type, false);
  }
  getSpecialCellsOrNullObject(type: string): RangeAreas {
    return this.special(type, true);
  }
  private special(type: string, orNull: boolean): RangeAreas {
    if (type !== "Formulas" && type !== "DataValidations") throw new Error(`fake Excel: getSpecialCells("${type}") is not modelled`);
    return new RangeAreas(this.context, () => {
      const t = this.t();
      const rects = type === "Formulas" ? t.sheet.formulaAreas(t.rect) : t.sheet.validationAreas(t.rect);
      if (rects.length === 0) {
        if (orNull) return null;
        throw new FakeError("ItemNotFound", "No cells were found.");
      }
      return { sheet: t.sheet, rects };
    }, orNull).created(orNull ? "getSpecialCellsOrNullObject" : "getSpecialCells", [type]);
  }

  /** Selects the range, activating its sheet (Excel refuses a hidden sheet). */
  select(): void {
    this.context.enqueue({ name: "range.select", payload: [], write: false, exec: () => {
      const t = this.t();
      t.sheet.wb.select(t.sheet, t.rect);
    } });
  }

  /** Inserts cells here, shifting the rest: whole rows down only (test/fakes/fake-insert.ts holds Excel's rules). */
  insert(shift: string): Range {
    this.call("insert", [shift], (t) => {
      if (shift !== "Down" || t.rect.c0 !== 0 || t.rect.c1 !== MAX_COLS - 1) throw new Error(`fake Excel: insert("${shift}") of ${areaText(t.rect)} is not modelled (whole rows down only)`);
      insertRows(t.sheet, t.rect.r0 + 1, t.rect.r1 - t.rect.r0 + 1);
    });
    return new Range(this.context, () => this.t()).created("insert", [shift]);
  }

  /** Deletes cells here, shifting the rest: whole rows up only (test/fakes/fake-delete.ts holds Excel's rules). */
  delete(shift: string): void {
    this.call("delete", [shift], (t) => {
      if (shift !== "Up" || t.rect.c0 !== 0 || t.rect.c1 !== MAX_COLS - 1) throw new Error(`fake Excel: delete("${shift}") of ${areaText(t.rect)} is not modelled (whole rows up only)`);
      deleteRows(t.sheet, t.rect.r0 + 1, t.rect.r1 - t.rect.r0 + 1);
    });
  }

  merge(across = false): void {
    this.call("merge", [across], (t) => {
      if (across) for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.merges.push({ ...t.rect, r0: r, r1: r });
      else t.sheet.merges.push(t.rect);
    });
  }
}

/** Range.dataValidation read back: type and rule ({ list: { inCellDropDown, source } } for a list). */
export class DataValidation extends Proxy<RangeTarget> {
  protected readonly readers: Record<string, (t: RangeTarget) => unknown> = {
    type: (t) => t.sheet.validationOver(t.rect).type,
    rule: (t) => {
      const v = t.sheet.validationOver(t.rect);
      return v.type === "List" ? { list: { inCellDropDown: true, source: v.source } } : {};
    },
  };
  protected override isGone(t: RangeTarget): boolean {
    return t.sheet.deleted;
  }
  get type(): string { return this.get_("type"); }
  get rule(): { list?: { inCellDropDown: boolean; source: string } } { return this.get_("rule"); }
}

export class RangeAreas extends Proxy<AreasTarget> {
  protected override guard(t: { sheet: FakeSheet }): void {
    assertSheetEditable(t.sheet);
  }
  protected readonly readers: Record<string, (t: AreasTarget) => unknown> = {
    address: (t) => t.rects.map((r) => `${sheetPrefix(t.sheet.name)}${areaText(r)}`).join(", "),
    areaCount: (t) => t.rects.length,
    cellCount: (t) => t.rects.reduce((n, r) => n + (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1), 0),
  };

  constructor(context: FakeContext, resolver: () => AreasTarget | null, orNull = false) {
    super(context, resolver, orNull);
  }
  protected override isGone(t: AreasTarget): boolean {
    return t.sheet.deleted;
  }
  get address(): string { return this.get_("address"); }
  get areaCount(): number { return this.get_("areaCount"); }
  get cellCount(): number { return this.get_("cellCount"); }

  get format(): RangeFormat {
    return new RangeFormat(this.context, () => this.t());
  }
}

/** Areas of a worksheet address ("A1:B2,D4"); office.js refuses huge area lists, so does this. */
export function areasOf(sheet: FakeSheet, address: string): AreasTarget {
  const rects = parseAreas(address);
  if (rects.length === 0 || rects.length > 1000) throw new FakeError("InvalidArgument", `getRanges: ${rects.length} areas`);
  return { sheet, rects };
}

/** Format properties, recorded as layers over the areas they were set on. */
export class RangeFormat extends Proxy<AreasTarget> {
  protected override guard(t: { sheet: FakeSheet }): void {
    assertSheetEditable(t.sheet);
  }
  protected readonly readers: Record<string, (t: AreasTarget) => unknown> = {
    horizontalAlignment: (t) => top(t, "horizontalAlignment") ?? "General",
    verticalAlignment: (t) => top(t, "verticalAlignment") ?? "Bottom",
    wrapText: (t) => top(t, "wrapText") ?? false,
    columnWidth: (t) => t.sheet.columnWidths.get(t.rects[0].c0) ?? 48,
  };
  protected override isGone(t: AreasTarget): boolean {
    return t.sheet.deleted;
  }
  private layer(prop: string, value: unknown): void {
    this.set_(prop, value, (t) => t.sheet.formats.push({ rects: t.rects, prop, value }));
  }
  get horizontalAlignment(): string { return this.get_("horizontalAlignment"); }
  set horizontalAlignment(v: string) { this.layer("horizontalAlignment", v); }
  get verticalAlignment(): string { return this.get_("verticalAlignment"); }
  set verticalAlignment(v: string) { this.layer("verticalAlignment", v); }
  get wrapText(): boolean { return this.get_("wrapText"); }
  set wrapText(v: boolean) { this.layer("wrapText", v); }
  get columnWidth(): number { return this.get_("columnWidth"); }
  set columnWidth(v: number) {
    this.set_("columnWidth", v, (t) => {
      for (const r of t.rects) for (let c = r.c0; c <= r.c1; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  get font(): FormatPart {
    return new FormatPart(this.context, () => this.t(), "font", ["bold", "italic", "size", "color", "underline", "name"]);
  }
  get fill(): FormatPart {
    return new FormatPart(this.context, () => this.t(), "fill", ["color"]);
  }
  /** Inside borders of an area one row high (or one column wide) are refused: an assumption on the safe side. */
  get borders(): { getItem(side: string): FormatPart } {
    return {
      getItem: (side: string) => new FormatPart(this.context, () => {
        const t = this.t();
        const flat = side === "InsideHorizontal" ? t.rects.some((r) => r.r0 === r.r1) : side === "InsideVertical" ? t.rects.some((r) => r.c0 === r.c1) : false;
        if (flat) throw new FakeError("InvalidArgument", `${side} border on an area without inside edges`);
        return t;
      }, `border.${side}`, ["style", "weight", "color"]),
    };
  }
}

function top(t: AreasTarget, prop: string): unknown {
  return t.sheet.formatAt(t.rects[0].r0, t.rects[0].c0)[prop];
}

/** font / fill / one border: each property set becomes a format layer named "<part>.<prop>". */
export class FormatPart extends Proxy<AreasTarget> {
  protected override guard(t: { sheet: FakeSheet }): void {
    assertSheetEditable(t.sheet);
  }
  protected readonly readers: Record<string, (t: AreasTarget) => unknown>;
  constructor(context: FakeContext, resolver: () => AreasTarget, private readonly part: string, props: string[]) {
    super(context, resolver);
    this.readers = Object.fromEntries(props.map((p) => [p, (t: AreasTarget) => top(t, `${part}.${p}`) ?? null]));
    for (const p of props) {
      Object.defineProperty(this, p, {
        get: () => this.get_(p),
        set: (v: unknown) => this.set_(p, v, (t) => t.sheet.formats.push({ rects: t.rects, prop: `${this.part}.${p}`, value: v })),
      });
    }
  }
  protected override isGone(t: AreasTarget): boolean {
    return t.sheet.deleted;
  }
}

