// Fake Workbook, worksheets, names, functions and application: the object model above ranges.
import { MAX_COLS, MAX_ROWS, Rect, parseArea, splitSheet } from "./fake-address";
import { FakeContext, Proxy, loadList, notLoaded } from "./fake-client";
import { EventSlot } from "./fake-events";
import { FakeError, FakeName, FakeSheet, Visibility } from "./fake-model";
import { Range, RangeAreas, RangeTarget, areasOf } from "./fake-range";

const sheetReaders: Record<string, (s: FakeSheet) => unknown> = {
  name: (s) => s.name,
  id: (s) => s.id,
  visibility: (s) => s.visibility,
  position: (s) => s.wb.sheets.indexOf(s),
};

export class Worksheet extends Proxy<FakeSheet> {
  protected readonly readers = sheetReaders;

  constructor(context: FakeContext, resolver: () => FakeSheet | null, orNull = false, loaded?: Record<string, unknown>) {
    super(context, resolver, orNull);
    for (const [k, v] of Object.entries(loaded ?? {})) this.store.set(k, v);
  }
  protected override isGone(s: FakeSheet): boolean {
    return s.deleted;
  }

  get name(): string { return this.get_("name"); }
  set name(v: string) { this.set_("name", v, (s) => s.wb.renameSheet(s, v)); }
  get id(): string { return this.get_("id"); }
  get visibility(): Visibility { return this.get_("visibility"); }
  set visibility(v: Visibility) { this.set_("visibility", v, (s) => s.wb.setVisibility(s, v)); }
  get position(): number { return this.get_("position"); }
  set position(p: number) { this.set_("position", p, (s) => s.wb.setPosition(s, p)); }

  delete(): void {
    this.call("worksheet.delete", [], (s) => s.wb.deleteSheet(s));
  }
  /** Switches the view, not the workbook: no undo step (as Range.select). */
  activate(): void {
    this.context.enqueue({ name: "worksheet.activate", payload: [], write: false, exec: () => {
      const s = this.t();
      if (s.visibility !== "Visible") throw new FakeError("InvalidOperation", `Cannot activate the hidden sheet "${s.name}".`);
      s.wb.activeSheet = s;
    } });
  }

  private slot(event: string): EventSlot {
    return new EventSlot(this.context, () => this.t().id, event);
  }
  get onChanged(): EventSlot { return this.slot("onChanged"); }
  get onSelectionChanged(): EventSlot { return this.slot("onSelectionChanged"); }
  get onActivated(): EventSlot { return this.slot("onActivated"); }
  get onDeactivated(): EventSlot { return this.slot("onDeactivated"); }
  get onCalculated(): EventSlot { return this.slot("onCalculated"); }
  get onFormatChanged(): EventSlot { return this.slot("onFormatChanged"); }

  private range(name: string, payload: unknown, rect: (s: FakeSheet) => Rect | null, orNull = false): Range {
    return new Range(this.context, () => {
      const s = this.t();
      const r = rect(s);
      return r === null ? null : { sheet: s, rect: r };
    }, orNull).created(name, payload);
  }

  getRange(address?: string): Range {
    return this.range("getRange", [address], () => {
      if (address === undefined) return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      const { sheet, ref } = splitSheet(address);
      if (sheet !== undefined) throw new FakeError("InvalidArgument", `getRange("${address}") on a worksheet takes no sheet name`);
      return parseArea(ref);
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    return this.range("getRangeByIndexes", [row, col, rows, cols], () => {
      if (![row, col, rows, cols].every(Number.isInteger) || row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
        throw new FakeError("InvalidArgument", `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols})`);
      }
      return { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 };
    });
  }
  getCell(row: number, col: number): Range {
    return this.getRangeByIndexes(row, col, 1, 1);
  }
  /** An empty sheet's used range is A1 (valuesOnly counts values and formulas only). */
  getUsedRange(valuesOnly = false): Range {
    return this.range("getUsedRange", [valuesOnly], (s) => s.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.range("getUsedRangeOrNullObject", [valuesOnly], (s) => s.usedRect(valuesOnly) ?? null, true);
  }
  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.context, () => areasOf(this.t(), address)).created("getRanges", [address]);
  }

  get freezePanes(): { freezeRows(n: number): void; unfreeze(): void } {
    return {
      freezeRows: (n: number) => this.call("freezePanes.freezeRows", [n], (s) => (s.freezeRows = n)),
      unfreeze: () => this.call("freezePanes.unfreeze", [], (s) => (s.freezeRows = 0)),
    };
  }
  get autoFilter(): { apply(range: Range | string): void; remove(): void } {
    return {
      apply: (range: Range | string) => this.call("autoFilter.apply", [typeof range === "string" ? range : "range"], (s) => {
        const rect = typeof range === "string" ? parseArea(range) : range.t().rect;
        s.autoFilter = rect;
      }),
      remove: () => this.call("autoFilter.remove", [], (s) => (s.autoFilter = undefined)),
    };
  }
  /** Manual page breaks, recorded as the rows they start (pageLayout.rowBreaks, as the file's rowBreaks: row - 1). */
  get horizontalPageBreaks(): { add(range: string): void } {
    return {
      add: (range: string) => this.call("horizontalPageBreaks.add", [range], (s) => {
        const breaks = (s.pageLayout.rowBreaks as number[] | undefined) ?? [];
        s.pageLayout.rowBreaks = [...breaks, parseArea(range).r0];
      }),
    };
  }

  get pageLayout(): Record<string, unknown> {
    const set = (k: string, v: unknown) => this.call(`pageLayout.${k}`, v, (s) => (s.pageLayout[k] = v));
    const layout: Record<string, unknown> = { setPrintTitleRows: (address: string) => set("printTitleRows", address) };
    for (const k of ["orientation", "zoom", "paperSize", "centerHorizontally"]) {
      Object.defineProperty(layout, k, { set: (v: unknown) => set(k, v), get: () => { throw notLoaded(k); } });
    }
    return layout;
  }
}

export class WorksheetCollection extends Proxy<null> {
  protected readonly readers = {};
  private itemList?: Worksheet[];

  get items(): Worksheet[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }

  override load(props?: unknown): this {
    const list = (loadList(props) ?? Object.keys(sheetReaders)).map((p) => p.replace(/^items\//, ""));
    for (const p of list) if (!(p in sheetReaders)) throw new Error(`fake Excel: worksheets cannot load "${p}"`);
    this.context.enqueue({
      name: "load", payload: ["WorksheetCollection", list], write: false,
      exec: () => {
        const sheets = [...this.context.model.sheets];
        const data = sheets.map((s) => Object.fromEntries(list.map((p) => [p, sheetReaders[p](s)])));
        return { response: data, deliver: () => {
          this.itemList = sheets.map((s, i) => new Worksheet(this.context, () => s, false, data[i]));
        } };
      },
    });
    return this;
  }

  getItem(name: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheet(name) ?? null).created("worksheets.getItem", [name]);
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheet(name) ?? null, true).created("worksheets.getItemOrNullObject", [name]);
  }
  add(name: string): Worksheet {
    let made: FakeSheet | undefined;
    const ws = new Worksheet(this.context, () => made ?? null);
    this.context.enqueue({ name: "worksheets.add", payload: [name], write: true, exec: () => void (made = this.context.model.addSheet(name)) });
    return ws;
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.model.activeSheet ?? null).created("getActiveWorksheet", []);
  }
  getFirst(visibleOnly = false): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheets.find((s) => !visibleOnly || s.visibility === "Visible") ?? null).created("worksheets.getFirst", [visibleOnly]);
  }
  getCount(visibleOnly = false): FunctionResult {
    return new FunctionResult(this.context, () => ({ value: this.context.model.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length })).created("worksheets.getCount", [visibleOnly]);
  }

  get onChanged(): EventSlot { return new EventSlot(this.context, () => "worksheets", "onChanged"); }
  get onAdded(): EventSlot { return new EventSlot(this.context, () => "worksheets", "onAdded"); }
  get onDeleted(): EventSlot { return new EventSlot(this.context, () => "worksheets", "onDeleted"); }
  get onActivated(): EventSlot { return new EventSlot(this.context, () => "worksheets", "onActivated"); }
  get onSelectionChanged(): EventSlot { return new EventSlot(this.context, () => "worksheets", "onSelectionChanged"); }
}

const nameReaders: Record<string, (n: FakeName, ctx: FakeContext) => unknown> = {
  name: (n) => n.name,
  formula: (n, ctx) => ctx.model.nameFormula(n),
  visible: (n) => n.visible,
  type: (n, ctx) => ctx.model.nameType(n),
  comment: (n) => n.comment,
};

export class NamedItem extends Proxy<FakeName> {
  protected readonly readers: Record<string, (n: FakeName) => unknown>;

  constructor(context: FakeContext, resolver: () => FakeName | null, orNull = false, loaded?: Record<string, unknown>) {
    super(context, resolver, orNull);
    this.readers = Object.fromEntries(Object.entries(nameReaders).map(([k, f]) => [k, (n: FakeName) => f(n, context)]));
    for (const [k, v] of Object.entries(loaded ?? {})) this.store.set(k, v);
  }
  protected override isGone(n: FakeName): boolean {
    return !this.context.model.names.includes(n);
  }
  get name(): string { return this.get_("name"); }
  get formula(): string { return this.get_("formula"); }
  get type(): string { return this.get_("type"); }
  get comment(): string { return this.get_("comment"); }
  set formula(f: string) { this.set_("formula", f, (n) => setReference(this.context.model, n, f)); }
  get visible(): boolean { return this.get_("visible"); }
  set visible(v: boolean) { this.set_("visible", v, (n) => (n.visible = v)); }
  delete(): void {
    this.call("namedItem.delete", [], (n) => this.context.model.names.splice(this.context.model.names.indexOf(n), 1));
  }
}

export class NamedItemCollection extends Proxy<null> {
  protected readonly readers = {};
  private itemList?: NamedItem[];

  get items(): NamedItem[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }

  override load(props?: unknown): this {
    const list = (loadList(props) ?? Object.keys(nameReaders)).map((p) => p.replace(/^items\//, ""));
    for (const p of list) if (!(p in nameReaders)) throw new Error(`fake Excel: names cannot load "${p}"`);
    this.context.enqueue({
      name: "load", payload: ["NamedItemCollection", list], write: false,
      exec: () => {
        const names = [...this.context.model.names];
        const data = names.map((n) => Object.fromEntries(list.map((p) => [p, nameReaders[p](n, this.context)])));
        return { response: data, deliver: () => {
          this.itemList = names.map((n, i) => new NamedItem(this.context, () => n, false, data[i]));
        } };
      },
    });
    return this;
  }

  getItem(name: string): NamedItem {
    return new NamedItem(this.context, () => this.context.model.name(name) ?? null).created("names.getItem", [name]);
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.context, () => this.context.model.name(name) ?? null, true).created("names.getItemOrNullObject", [name]);
  }

  /** reference: "=Sheet!$A$1" (a reference or another formula) or a Range. */
  add(name: string, reference: string | Range, comment = ""): NamedItem {
    let made: FakeName | undefined;
    const item = new NamedItem(this.context, () => made ?? null);
    this.context.enqueue({
      name: "names.add", payload: [name, typeof reference === "string" ? reference : "range", comment], write: true,
      exec: () => {
        const model = this.context.model;
        if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new FakeError("InvalidArgument", `"${name}" is not a valid name.`);
        if (model.name(name)) throw new FakeError("ItemAlreadyExists", `The name "${name}" already exists.`);
        const n: FakeName = { name, visible: true, comment };
        if (typeof reference !== "string") {
          const t: RangeTarget = reference.t();
          n.ref = { sheet: t.sheet, rect: t.rect };
        } else setReference(model, n, reference);
        model.names.push(n);
        made = n;
      },
    });
    return item;
  }
}

/** A name's formula: a reference to one sheet's cells (kept by sheet identity, so renames follow) or a constant. */
export function setReference(model: FakeContext["model"], n: FakeName, reference: string): void {
  const m = /^=?((?:'(?:[^']|'')+'|[^!'"]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i.exec(reference.trim());
  const target = m ? model.sheet(splitSheet(`${m[1]}!A1`).sheet!) : undefined;
  if (m && !target) throw new FakeError("InvalidArgument", `${reference} refers to no sheet`);
  n.ref = m && target ? { sheet: target, rect: parseArea(m[2]) } : undefined;
  n.constant = n.ref ? undefined : reference.startsWith("=") ? reference : `=${reference}`;
}

class FunctionResult extends Proxy<{ value: unknown }> {
  protected readonly readers = { value: (t: { value: unknown }) => t.value, error: () => null };
  get value(): unknown { return this.get_("value"); }
}

/** The DATE function evaluated in the workbook's date system: what tells 1900 from 1904 without writing a cell. */
export class Functions {
  constructor(private readonly context: FakeContext) {}
  date(y: number, m: number, d: number): FunctionResult {
    return new FunctionResult(this.context, () => {
      const serial = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
      return { value: this.context.model.date1904 ? serial - 1462 : serial };
    }).created("functions.date", [y, m, d]);
  }
}

export class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  readonly functions: Functions;
  constructor(readonly context: FakeContext) {
    this.worksheets = new WorksheetCollection(context, () => null, true);
    this.names = new NamedItemCollection(context, () => null, true);
    this.functions = new Functions(context);
  }

  /** The selection on the active sheet (A1 where nothing was selected there). */
  getSelectedRange(): Range {
    return new Range(this.context, () => {
      const s = this.context.model.activeSheet;
      return s ? { sheet: s, rect: s.selected } : null;
    }).created("getSelectedRange", []);
  }
  /** The top-left cell of the selection. */
  getActiveCell(): Range {
    return new Range(this.context, () => {
      const s = this.context.model.activeSheet;
      return s ? { sheet: s, rect: { r0: s.selected.r0, c0: s.selected.c0, r1: s.selected.r0, c1: s.selected.c0 } } : null;
    }).created("getActiveCell", []);
  }

  get onSelectionChanged(): EventSlot { return new EventSlot(this.context, () => "workbook", "onSelectionChanged"); }
  get onActivated(): EventSlot { return new EventSlot(this.context, () => "workbook", "onActivated"); }
}

export class Application {
  constructor(private readonly context: FakeContext) {}
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue({ name: "suspendScreenUpdatingUntilNextSync", payload: [], write: false, exec: () => void (this.context.current!.screenUpdatingSuspended = true) });
  }
}
