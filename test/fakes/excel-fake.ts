// A recording fake of the Excel JavaScript object model for the Office.js back end's tests. Strict where office.js
// is: properties must be loaded and synced before they are read, writes happen at sync, *OrNullObject gives null
// objects, dimensions of written arrays must match, requests and responses over 5 MB fail. It records every sync
// (actions, request and response JSON bytes) and can cut the connection during the Nth sync.
// Installed as the globals `Excel` (run, a few enums) and `Office` (context.requirements.isSetSupported).
import { fingerprint, flagKey } from "../../src/plan/flag-key";
import { Rect, areaText, colLetters, parseArea, sheetPrefix } from "./fake-address";
import { FakeContext, FakeHost, HostOptions, RunRecord, SyncRecord } from "./fake-client";
import { FakeSheet, FakeWorkbookModel, Stored } from "./fake-model";
import { Application, Workbook } from "./fake-workbook";

export { WEB_PAYLOAD_LIMIT } from "./fake-client";
export type { SyncRecord, RunRecord } from "./fake-client";

/** A cell for set-up: a plain value, or a value with a number format and/or a formula ("=..."). */
export type CellInput = Stored | null | undefined | { v?: Stored; nf?: string; f?: string };

export interface RequestContextLike {
  readonly workbook: Workbook;
  readonly application: Application;
  sync(): Promise<void>;
}

class FakeRequestContext implements RequestContextLike {
  readonly workbook: Workbook;
  readonly application: Application;
  constructor(readonly inner: FakeContext) {
    inner.outer = this;
    this.workbook = new Workbook(inner);
    this.application = new Application(inner);
  }
  sync(): Promise<void> {
    return this.inner.sync();
  }
}

export interface FakeOptions extends HostOptions {
  readonly sheets?: readonly string[];
  readonly date1904?: boolean;
}

export interface SyncStats {
  readonly syncs: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly totalResponseBytes: number;
  readonly maxActions: number;
  /** Cells loaded per 2-D range property over these syncs. */
  readonly cellsLoaded: Record<string, number>;
}

export class Fake {
  readonly model: FakeWorkbookModel;
  readonly host: FakeHost;

  constructor(opts: FakeOptions = {}) {
    this.model = new FakeWorkbookModel(opts.sheets ?? ["Sheet1"]);
    this.model.date1904 = opts.date1904 ?? false;
    this.host = new FakeHost(this.model, opts);
  }

  get syncs(): readonly SyncRecord[] {
    return this.host.syncs;
  }
  get runs(): readonly RunRecord[] {
    return this.host.runs;
  }
  /** Cut the connection during sync number `sync` (counted from now on) after `afterActions` actions (default half). */
  failAtSync(sync: number, afterActions?: number): void {
    this.host.failAt = { sync: this.host.syncs.length + sync, afterActions };
  }
  clearFailure(): void {
    this.host.failAt = undefined;
  }

  /** The user starts editing a cell (typing in it): batches fail, or wait with delayForCellEdit, until endCellEdit. */
  startCellEdit(): void {
    if (this.host.cellEdit) return;
    let end!: () => void;
    const ended = new Promise<void>((r) => (end = r));
    this.host.cellEdit = { ended, end: () => {
      this.host.cellEdit = undefined;
      end();
    } };
  }
  /** The user leaves the cell (Enter, Tab, another cell). */
  endCellEdit(): void {
    this.host.cellEdit?.end();
  }

  /** Figures over the syncs since `from` (an index into `syncs`). */
  stats(from = 0): SyncStats {
    const s = this.host.syncs.slice(from);
    return {
      syncs: s.length,
      maxRequestBytes: Math.max(0, ...s.map((x) => x.requestBytes)),
      maxResponseBytes: Math.max(0, ...s.map((x) => x.responseBytes)),
      totalResponseBytes: s.reduce((n, x) => n + x.responseBytes, 0),
      maxActions: Math.max(0, ...s.map((x) => x.actions)),
      cellsLoaded: s.reduce<Record<string, number>>((acc, x) => {
        for (const [k, v] of Object.entries(x.cellsLoaded)) acc[k] = (acc[k] ?? 0) + v;
        return acc;
      }, {}),
    };
  }

  /**
   * Excel.run: a new request context per batch; mergeUndoGroup is recorded (the run's writes count as one undo step).
   * Given a request context (`Excel.run(handlerResult.context, batch)`), the batch runs in that context.
   */
  async run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as (ctx: RequestContextLike) => Promise<T>;
    if (a instanceof FakeRequestContext) {
      try {
        return await batch(a);
      } finally {
        a.inner.finish();
      }
    }
    const options = (typeof a === "function" ? {} : a) as { mergeUndoGroup?: boolean; delayForCellEdit?: boolean };
    // mergeUndoGroup is ExcelApi 1.20: an older host runs the batch without grouping.
    const group = options.mergeUndoGroup === true && this.host.supports("ExcelApi", "1.20");
    const run: RunRecord = { index: this.host.runs.length + 1, mergeUndoGroup: group, delayForCellEdit: options.delayForCellEdit === true, syncs: 0, unsynced: 0, undoSteps: 0 };
    this.host.runs.push(run);
    const inner = new FakeContext(this.host, run);
    try {
      return await batch(new FakeRequestContext(inner));
    } finally {
      inner.finish();
    }
  }

  /** A request context outside Excel.run (as a task pane holding one would). */
  context(): RequestContextLike {
    const run: RunRecord = { index: this.host.runs.length + 1, mergeUndoGroup: false, syncs: 0, unsynced: 0, undoSteps: 0 };
    this.host.runs.push(run);
    return new FakeRequestContext(new FakeContext(this.host, run));
  }

  // ---- set-up and inspection, straight on the model (no syncs) ----

  sheet(name: string): FakeSheet {
    const s = this.model.sheet(name);
    if (!s) throw new Error(`fake: no sheet "${name}" (have ${this.sheetNames().join(", ")})`);
    return s;
  }
  addSheet(name: string): FakeSheet {
    return this.model.addSheet(name);
  }
  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** Puts rows of cells from (firstRow, firstCol), 1-based. */
  putRows(sheet: string, firstRow: number, rows: readonly (readonly CellInput[])[], firstCol = 1): void {
    const s = this.sheet(sheet);
    rows.forEach((row, i) => row.forEach((cell, j) => {
      if (cell === null || cell === undefined) return;
      const c = typeof cell === "object" ? cell : { v: cell };
      s.put(firstRow - 1 + i, firstCol - 1 + j, { v: c.v, f: c.f, nf: c.nf });
    }));
  }

  put(sheet: string, a1: string, cell: CellInput): void {
    const r = parseArea(a1);
    this.putRows(sheet, r.r0 + 1, [[cell]], r.c0 + 1);
  }

  cell(sheet: string, a1: string): { value: Stored | undefined; formula: string | undefined; numberFormat: string } {
    const s = this.sheet(sheet);
    const r = parseArea(a1);
    return { value: s.value(r.r0, r.c0), formula: s.formula(r.r0, r.c0), numberFormat: s.numberFormat(r.r0, r.c0) };
  }

  /** A sheet's cell values as rows (undefined for empty), from A1 to the used range's end. */
  rows(sheet: string): (Stored | undefined)[][] {
    const s = this.sheet(sheet);
    const used = s.usedRect(true);
    if (!used) return [];
    const out: (Stored | undefined)[][] = [];
    for (let r = 0; r <= used.r1; r++) {
      const row: (Stored | undefined)[] = [];
      for (let c = 0; c <= used.c1; c++) row.push(s.value(r, c) ?? (s.formula(r, c) !== undefined ? s.formula(r, c) : undefined));
      out.push(row);
    }
    return out;
  }

  /** Workbook-level names: name -> { formula, visible }. */
  names(): Map<string, { formula: string; visible: boolean }> {
    return new Map(this.model.names.map((n) => [n.name, { formula: this.model.nameFormula(n), visible: n.visible }]));
  }

  /** Conditional formats of a sheet in priority order, as data. */
  rules(sheet: string): { address: string; formula?: string; fill?: string; fontColor?: string }[] {
    return this.sheet(sheet).cfs.map((cf) => ({ address: cf.rects.map(areaText).join(","), formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor }));
  }

  /**
   * The fill a cell shows from the conditional formats: evaluates the product's flag rules (plan/flag-key.ts) as
   * their formula does: the row's fingerprint and the cell's key, looked up in the table the rule's name covers.
   */
  displayedFill(sheet: string, a1: string): string | undefined {
    const s = this.sheet(sheet);
    const at = parseArea(a1);
    for (const cf of s.cfs) {
      if (!cf.rects.some((x) => at.r0 >= x.r0 && at.r0 <= x.r1 && at.c0 >= x.c0 && at.c0 <= x.c1)) continue;
      const f = cf.formula ?? "";
      const table = /INDEX\((_RosterAssistant_flagKeys\d+),0,1\)/.exec(f)?.[1];
      const who = /MATCH\(SUMPRODUCT\(UNICODE\(MID\((?:T\(\$([A-Z]+)\d+\)&)?"\|"&T\(\$([A-Z]+)\d+\)&REPT/.exec(f);
      const code = /&"\|(\d)"\)\)>0$/.exec(f)?.[1];
      if (!table || !who || !code) throw new Error(`fake: cannot evaluate the rule formula ${f}`);
      const name = this.model.name(table);
      if (!name?.ref || name.ref.sheet.deleted) continue; // #NAME? or #REF!: the rule is false
      const cell = (col: string | undefined) => (col === undefined ? undefined : s.value(at.r0, parseArea(`${col}1`).c0));
      const id = cell(who[1]);
      const person = cell(who[2]);
      const fp = fingerprint(id, person);
      const key = flagKey(id, person, at.c0 + 1, s.value(at.r0, at.c0), Number(code)).toLowerCase();
      const rect: Rect = name.ref.rect;
      for (let r = rect.r0; r <= rect.r1; r++) {
        const v = name.ref.sheet.value(r, rect.c1);
        if (name.ref.sheet.value(r, rect.c0) === fp && typeof v === "string" && v.toLowerCase() === key) return cf.fill;
      }
    }
    return undefined;
  }

  /** The format properties last set over a cell ("font.bold", "fill.color", "border.EdgeTop.style", ...). */
  formatAt(sheet: string, a1: string): Record<string, unknown> {
    const r = parseArea(a1);
    return this.sheet(sheet).formatAt(r.r0, r.c0);
  }

  /** The active sheet and the cells selected on it ("F7", "A1:C3"), as Range.select left them. */
  get selection(): { sheet: string; address: string } | undefined {
    const s = this.model.activeSheet;
    return s && { sheet: s.name, address: areaText(s.selected) };
  }

  /** Event handlers registered and not removed: what they belong to ("workbook", "worksheets", a sheet's name). */
  handlers(): { source: string; event: string }[] {
    return this.model.handlers.filter((h) => !h.removed).map((h) => ({ source: this.model.sheets.find((s) => s.id === h.source)?.name ?? h.source, event: h.event }));
  }

  /** Calls the handlers registered for `event` on `source` ("workbook", "worksheets" or a sheet's name) with `args`. */
  async fire(event: string, source: string, args: unknown): Promise<number> {
    const id = this.model.sheet(source)?.id ?? source;
    const hs = this.model.handlers.filter((h) => !h.removed && h.event === event && h.source === id);
    for (const h of hs) await h.handler(args);
    return hs.length;
  }

  /** "Sheet1!A1" style address of a 0-based cell (for messages). */
  static address(sheet: string, r0: number, c0: number): string {
    return `${sheetPrefix(sheet)}${colLetters(c0)}${r0 + 1}`;
  }
}

type Globals = { Excel?: unknown; Office?: unknown };

/** The global `Excel` over `fake`: run, RequestContext and the enums office.js code names. */
export function excelGlobal(fake: Fake): Record<string, unknown> {
  return {
    run: (a: unknown, b?: unknown) => fake.run(a, b),
    RequestContext: function RequestContext() {
      return fake.context();
    },
    SpecialCellType: { formulas: "Formulas", constants: "Constants", blanks: "Blanks", visible: "Visible", dataValidations: "DataValidations" },
    InsertShiftDirection: { down: "Down", right: "Right" },
    DeleteShiftDirection: { up: "Up", left: "Left" },
    ConditionalFormatType: { custom: "Custom" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    EventSource: { local: "Local", remote: "Remote" },
    EventType: { worksheetChanged: "WorksheetChanged", worksheetSelectionChanged: "WorksheetSelectionChanged", worksheetActivated: "WorksheetActivated" },
    DataChangeType: { unknown: "Unknown", rangeEdited: "RangeEdited", rowInserted: "RowInserted", rowDeleted: "RowDeleted", columnInserted: "ColumnInserted", columnDeleted: "ColumnDeleted", cellInserted: "CellInserted", cellDeleted: "CellDeleted" },
    RangeValueType: { unknown: "Unknown", empty: "Empty", string: "String", integer: "Integer", double: "Double", boolean: "Boolean", error: "Error", richValue: "RichValue" },
    ErrorCodes: { itemNotFound: "ItemNotFound", invalidArgument: "InvalidArgument", invalidOperation: "InvalidOperation", propertyNotLoaded: "PropertyNotLoaded", requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded", responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded", itemAlreadyExists: "ItemAlreadyExists", generalException: "GeneralException" },
    HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
    VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
    BorderIndex: { edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight", insideVertical: "InsideVertical", insideHorizontal: "InsideHorizontal" },
    BorderLineStyle: { none: "None", continuous: "Continuous" },
  };
}

/** Installs `fake` as the globals Excel and Office; returns the uninstaller. */
export function installExcelFake(fake: Fake): () => void {
  const g = globalThis as Globals;
  const before = { Excel: g.Excel, Office: g.Office };
  g.Excel = excelGlobal(fake);
  g.Office = { context: { requirements: { isSetSupported: (set: string, version = "1.1") => fake.host.supports(set, version) } } };
  return () => {
    g.Excel = before.Excel;
    g.Office = before.Office;
  };
}
