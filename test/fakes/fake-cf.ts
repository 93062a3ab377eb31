// Fake conditional formats, kept as data: the areas a rule covers, its formula, its fill and font colours, its
// priority (its place in the sheet's list, 0 first).
import { FakeContext, Proxy, loadList, notLoaded } from "./fake-client";
import { FakeCF, FakeError, FakeSheet, assertSheetEditable } from "./fake-model";
import type { RangeTarget } from "./fake-range";

interface CfTarget {
  readonly sheet: FakeSheet;
  readonly cf: FakeCF;
}

export class ConditionalFormatCollection extends Proxy<RangeTarget> {
  protected override guard(t: RangeTarget): void {
    assertSheetEditable(t.sheet);
  }
  protected readonly readers: Record<string, (t: RangeTarget) => unknown> = { count: (t) => t.sheet.cfsOver(t.rect).length };
  private itemList?: ConditionalFormat[];

  constructor(context: FakeContext, resolver: () => RangeTarget) {
    super(context, resolver);
  }
  protected override isGone(t: RangeTarget): boolean {
    return t.sheet.deleted;
  }

  get items(): ConditionalFormat[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }

  /** load("items/type,items/id"), load("type") or load(): every rule over the range, with those properties. */
  override load(props?: unknown): this {
    const list = (loadList(props) ?? ["type", "id", "priority", "stopIfTrue"]).map((p) => p.replace(/^items\//, ""));
    for (const p of list) if (!["type", "id", "priority", "stopIfTrue"].includes(p)) throw new Error(`fake Excel: ConditionalFormatCollection cannot load "${p}"`);
    this.context.enqueue({
      name: "load", payload: ["ConditionalFormatCollection", list], write: false,
      exec: () => {
        const t = this.t();
        const cfs = t.sheet.cfsOver(t.rect);
        const data = cfs.map((cf) => Object.fromEntries(list.map((p) => [p, cfReaders[p]({ sheet: t.sheet, cf })])));
        return { response: data, deliver: () => {
          this.itemList = cfs.map((cf, i) => new ConditionalFormat(this.context, () => ({ sheet: t.sheet, cf }), data[i]));
        } };
      },
    });
    return this;
  }

  add(type: string): ConditionalFormat {
    if (type !== "Custom") throw new Error(`fake Excel: conditional format type "${type}" is not modelled`);
    let made: CfTarget | undefined;
    const cf = new ConditionalFormat(this.context, () => made ?? null);
    this.context.enqueue({
      name: "conditionalFormats.add", payload: [type], write: true,
      exec: () => {
        const t = this.t();
        assertSheetEditable(t.sheet);
        const f: FakeCF = { id: t.sheet.wb.newId("cf"), rects: [t.rect], type };
        t.sheet.cfs.push(f); // a new rule comes last (lowest priority)
        made = { sheet: t.sheet, cf: f };
      },
    });
    return cf;
  }

  clearAll(): void {
    this.call("conditionalFormats.clearAll", [], (t) => {
      for (const cf of t.sheet.cfsOver(t.rect)) t.sheet.cfs.splice(t.sheet.cfs.indexOf(cf), 1);
    });
  }
}

const cfReaders: Record<string, (t: CfTarget) => unknown> = {
  type: (t) => t.cf.type,
  id: (t) => t.cf.id,
  priority: (t) => t.sheet.cfs.indexOf(t.cf),
  stopIfTrue: (t) => t.cf.stopIfTrue ?? false,
};

export class ConditionalFormat extends Proxy<CfTarget> {
  protected override guard(t: CfTarget): void {
    assertSheetEditable(t.sheet);
  }
  protected readonly readers = cfReaders;

  constructor(context: FakeContext, resolver: () => CfTarget | null, loaded?: Record<string, unknown>) {
    super(context, resolver);
    for (const [k, v] of Object.entries(loaded ?? {})) this.store.set(k, v);
  }
  protected override isGone(t: CfTarget): boolean {
    return t.sheet.deleted || !t.sheet.cfs.includes(t.cf);
  }

  get type(): string { return this.get_("type"); }
  get id(): string { return this.get_("id"); }
  get priority(): number { return this.get_("priority"); }
  set priority(p: number) {
    this.set_("priority", p, (t) => {
      const list = t.sheet.cfs;
      list.splice(list.indexOf(t.cf), 1);
      list.splice(Math.max(0, Math.min(p, list.length)), 0, t.cf);
    });
  }
  get stopIfTrue(): boolean { return this.get_("stopIfTrue"); }
  set stopIfTrue(v: boolean) { this.set_("stopIfTrue", v, (t) => (t.cf.stopIfTrue = v)); }

  /** The custom rule's parts; office.js throws when the rule is of another type, and so does this at sync. */
  get custom(): { rule: CfPart; format: { fill: CfPart; font: CfPart } } {
    const target = (): CfTarget => {
      const t = this.t();
      if (t.cf.type !== "Custom") throw new FakeError("InvalidArgument", `conditional format ${t.cf.id} is not a custom one`);
      return t;
    };
    return {
      rule: new CfPart(this.context, target, { formula: (cf) => cf.formula ?? "" }, { formula: (cf, v) => (cf.formula = String(v)) }),
      format: {
        fill: new CfPart(this.context, target, { color: (cf) => cf.fill ?? null }, { color: (cf, v) => (cf.fill = String(v)) }),
        font: new CfPart(this.context, target, { color: (cf) => cf.fontColor ?? null }, { color: (cf, v) => (cf.fontColor = String(v)) }),
      },
    };
  }

  delete(): void {
    this.call("conditionalFormat.delete", [], (t) => t.sheet.cfs.splice(t.sheet.cfs.indexOf(t.cf), 1));
  }
}

/** rule (formula), format.fill (color), format.font (color) of a custom conditional format. */
export class CfPart extends Proxy<CfTarget> {
  protected override guard(t: CfTarget): void {
    assertSheetEditable(t.sheet);
  }
  protected readonly readers: Record<string, (t: CfTarget) => unknown>;
  constructor(context: FakeContext, resolver: () => CfTarget, get: Record<string, (cf: FakeCF) => unknown>, set: Record<string, (cf: FakeCF, v: unknown) => void>) {
    super(context, resolver);
    this.readers = Object.fromEntries(Object.entries(get).map(([k, f]) => [k, (t: CfTarget) => f(t.cf)]));
    for (const k of Object.keys(get)) {
      Object.defineProperty(this, k, {
        get: () => this.get_(k),
        set: (v: unknown) => this.set_(k, v, (t) => set[k](t.cf, v)),
      });
    }
  }
}
