// The request machinery of the fake Excel: a context queues actions (property sets, method calls, loads); sync()
// executes them in order against the model, records the round trip (actions, request and response JSON bytes),
// and only then hands loaded values to the proxies. Reading a property that was neither loaded nor set throws
// PropertyNotLoaded, as office.js does.
import { FakeError, FakeWorkbookModel } from "./fake-model";

export interface SyncRecord {
  /** 1-based, across every Excel.run of the host. */
  readonly index: number;
  readonly run: number;
  readonly actions: number;
  readonly requestBytes: number;
  responseBytes: number;
  /** Actions that changed the workbook. */
  writes: number;
  screenUpdatingSuspended: boolean;
  /** Cells loaded per 2-D range property ("values", "numberFormat", "formulas"...). */
  readonly cellsLoaded: Record<string, number>;
  error?: string;
  /** Milliseconds the sync took in "Excel" (the fake's own work and its delay): not the add-in's time. */
  hostMs: number;
}

export interface RunRecord {
  readonly index: number;
  readonly mergeUndoGroup: boolean;
  /** Excel.run({ delayForCellEdit: true }): the batch waits while the user edits a cell instead of failing. */
  readonly delayForCellEdit?: boolean;
  /** Formula cells written so far in this run (what the undo group must hold). */
  formulasWritten?: number;
  syncs: number;
  /** Actions queued but never synced when the batch ended (office.js drops them). */
  unsynced: number;
  /** Undo steps the run left: one per writing sync, or one for the whole run with mergeUndoGroup. */
  undoSteps: number;
}

export interface HostOptions {
  /** The highest ExcelApi requirement set the host supports, e.g. "1.9" or "1.20". */
  readonly apiVersion?: string;
  /** Excel on the web refuses a request or response over 5 MB. */
  readonly requestLimit?: number;
  readonly responseLimit?: number;
  /** Milliseconds each sync takes (0 by default): a slow workbook, so a test can see progress and cancel. */
  readonly syncDelayMs?: number;
}

/**
 * Formula cells one undo group can take: office-js issue 6491 ("UndoNotSupported error when inserting large number of
 * formulas with mergeUndoGroup", https://github.com/OfficeDev/office-js/issues/6491) fails with 40 x 40 = 1,600.
 */
export const UNDO_GROUP_FORMULAS = 1600;

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** The "Excel application": the workbook model, the records of every run and sync, the injected failure. */
export class FakeHost {
  readonly syncs: SyncRecord[] = [];
  readonly runs: RunRecord[] = [];
  /** Cut the connection during the Nth sync (1-based, across runs) after `afterActions` actions (default: half). */
  failAt?: { sync: number; afterActions?: number };
  apiVersion: string;
  requestLimit: number;
  responseLimit: number;
  syncDelayMs: number;
  /**
   * The user is editing a cell (typing in it): set by Fake.startCellEdit, cleared by endCellEdit. A batch that reaches
   * Excel then fails with InvalidOperationInCellEditMode unless it was run with delayForCellEdit, which waits for the
   * edit to end (Excel.RunOptions.delayForCellEdit, https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
   */
  cellEdit?: { readonly ended: Promise<void>; end(): void };

  constructor(readonly model: FakeWorkbookModel, opts: HostOptions = {}) {
    this.syncDelayMs = opts.syncDelayMs ?? 0;
    this.apiVersion = opts.apiVersion ?? "1.20";
    this.requestLimit = opts.requestLimit ?? WEB_PAYLOAD_LIMIT;
    this.responseLimit = opts.responseLimit ?? WEB_PAYLOAD_LIMIT;
  }

  supports(set: string, version: string): boolean {
    if (set !== "ExcelApi") return false;
    const [a1, b1] = this.apiVersion.split(".").map(Number);
    const [a2, b2 = 0] = version.split(".").map(Number);
    return a1 > a2 || (a1 === a2 && b1 >= b2);
  }
}

export interface Action {
  readonly name: string;
  /** What the action sends (its share of the request JSON). */
  readonly payload: unknown;
  readonly write: boolean;
  /** false for an API Excel cannot undo: inside an undo group (mergeUndoGroup) it fails with UndoNotSupported. */
  readonly undoable?: boolean;
  /** Formula cells this action writes (counted against the undo group's limit). */
  readonly formulas?: number;
  /** Runs against the model during sync; may return a response part and a delivery run after the whole sync succeeded. */
  readonly exec: () => void | { response?: unknown; deliver?: () => void };
}

/** UTF-8 bytes of the JSON text, counted without Buffer so the fake also runs in a browser. */
function bytes(x: unknown): number {
  const s = JSON.stringify(x) ?? "";
  const B = (globalThis as { Buffer?: { byteLength(s: string, enc: string): number } }).Buffer;
  if (B) return B.byteLength(s, "utf8");
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) (n += 4), i++;
    else n += 3;
  }
  return n;
}

export class FakeContext {
  private queue: Action[] = [];
  current?: SyncRecord;
  /** The request context object handed to the batch (what EventHandlerResult.context gives back). */
  outer?: unknown;

  constructor(readonly host: FakeHost, readonly run: RunRecord) {}

  get model(): FakeWorkbookModel {
    return this.host.model;
  }

  enqueue(a: Action): void {
    this.queue.push(a);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const t0 = performance.now();
    try {
      await this.syncNow();
    } finally {
      const last = this.host.syncs[this.host.syncs.length - 1];
      if (last && last.run === this.run.index) last.hostMs += performance.now() - t0;
    }
  }

  private async syncNow(): Promise<void> {
    await (this.host.syncDelayMs > 0 ? new Promise((r) => setTimeout(r, this.host.syncDelayMs)) : Promise.resolve());
    if (this.host.cellEdit && this.queue.length > 0) {
      if (!this.run.delayForCellEdit) {
        this.queue = [];
        throw new FakeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
      }
      while (this.host.cellEdit) await this.host.cellEdit.ended;
    }
    const actions = this.queue;
    this.queue = [];
    const record: SyncRecord = {
      index: this.host.syncs.length + 1, run: this.run.index, actions: actions.length,
      requestBytes: bytes(actions.map((a) => [a.name, a.payload])), responseBytes: 0, writes: 0, screenUpdatingSuspended: false, cellsLoaded: {}, hostMs: 0,
    };
    this.host.syncs.push(record);
    this.run.syncs++;
    const fail = (e: FakeError): never => {
      record.error = e.code;
      throw e;
    };
    if (record.requestBytes > this.host.requestLimit) fail(new FakeError("RequestPayloadSizeLimitExceeded", `The request payload (${record.requestBytes} bytes) exceeds the limit.`));
    const cut = this.host.failAt?.sync === record.index ? this.host.failAt.afterActions ?? Math.floor(actions.length / 2) : -1;
    const responses: unknown[] = [];
    const deliveries: (() => void)[] = [];
    this.current = record;
    try {
      for (let i = 0; i < actions.length; i++) {
        if (i === cut) fail(new FakeError("ConnectionFailure", `The connection was cut during sync ${record.index} after ${i} of ${actions.length} actions.`));
        const a = actions[i];
        // Undo grouping: "If an API within the group doesn't offer undo support, the UndoNotSupported error is thrown"
        // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities); the article lists
        // Worksheet.delete on every platform and a sheet's name, position and visibility on Windows and Mac.
        if (this.run.mergeUndoGroup && a.undoable === false) fail(new FakeError("UndoNotSupported", `${a.name} does not support undo and cannot be part of an undo group (mergeUndoGroup).`));
        if (this.run.mergeUndoGroup && a.formulas) {
          this.run.formulasWritten = (this.run.formulasWritten ?? 0) + a.formulas;
          if (this.run.formulasWritten >= UNDO_GROUP_FORMULAS) fail(new FakeError("UndoNotSupported", `${this.run.formulasWritten} formulas in one undo group (office-js issue 6491).`));
        }
        let out;
        try {
          out = a.exec();
        } catch (e) {
          if (e instanceof FakeError) fail(e);
          throw e;
        }
        if (a.write) record.writes++;
        if (out?.response !== undefined) responses.push(out.response);
        if (out?.deliver) deliveries.push(out.deliver);
      }
    } finally {
      this.current = undefined;
      if (record.writes > 0 && !this.run.mergeUndoGroup) this.run.undoSteps++;
      else if (record.writes > 0 && this.run.undoSteps === 0) this.run.undoSteps = 1;
    }
    record.responseBytes = bytes(responses);
    if (record.responseBytes > this.host.responseLimit) fail(new FakeError("ResponsePayloadSizeLimitExceeded", `The response payload (${record.responseBytes} bytes) exceeds the limit.`));
    for (const d of deliveries) d();
  }

  /** Called by Excel.run when the batch settles. */
  finish(): void {
    this.run.unsynced += this.queue.length;
    this.queue = [];
  }
}

export function notLoaded(prop: string): FakeError {
  return new FakeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
}

/** Property names a load asks for: "a, b", ["a", "b"], "items/a" (collections), { select: "a,b" }. */
export function loadList(props: unknown): string[] | undefined {
  if (props === undefined) return undefined;
  const raw = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props.flatMap((p) => String(p).split(",")) :
    typeof props === "object" && props !== null && "select" in props ? String((props as { select: unknown }).select).split(",") : [];
  return raw.map((p) => p.trim()).filter(Boolean);
}

/**
 * A proxy: resolves its target lazily (during the sync that first needs it), keeps values loaded or set. `readers`
 * names the scalar properties a load can fetch.
 */
export abstract class Proxy<T> {
  private target?: T | null;
  private resolved = false;
  private nullKnown = false;
  protected readonly store = new Map<string, unknown>();
  protected abstract readonly readers: Record<string, (t: T) => unknown>;

  constructor(readonly context: FakeContext, private readonly resolver: () => T | null, protected readonly orNull = false) {}

  /** The target, resolving it now; a null object or a deleted sheet's object throws as Excel does. */
  t(): T {
    const t = this.peekTarget();
    if (t === null) throw new FakeError("ItemNotFound", `${this.constructor.name}: the requested resource doesn't exist (a null object).`);
    if (this.isGone(t)) throw new FakeError("InvalidObjectPath", `${this.constructor.name}: the object no longer exists (its sheet was deleted).`);
    return t;
  }

  protected peekTarget(): T | null {
    if (!this.resolved) {
      const t = this.resolver();
      if (t === null && !this.orNull) throw new FakeError("ItemNotFound", `${this.constructor.name}: the requested resource doesn't exist.`);
      this.target = t;
      this.resolved = true;
    }
    return this.target!;
  }

  protected isGone(_t: T): boolean {
    return false;
  }

  /** Queues the action that creates this object (method calls are actions; navigation properties are not). */
  created(name: string, payload: unknown): this {
    this.context.enqueue({
      name, payload, write: false,
      exec: () => {
        const t = this.peekTarget();
        if (t !== null && this.isGone(t)) throw new FakeError("InvalidObjectPath", `${name}: the object's sheet was deleted.`);
        return { deliver: () => (this.nullKnown = true) };
      },
    });
    return this;
  }

  get isNullObject(): boolean {
    if (!this.nullKnown) throw notLoaded("isNullObject");
    return this.target === null;
  }

  load(props?: unknown): this {
    const list = loadList(props) ?? Object.keys(this.readers);
    for (const p of list) if (p.includes("/") || !(p in this.readers)) throw new Error(`fake Excel: ${this.constructor.name} cannot load "${p}"`);
    this.context.enqueue({
      name: "load", payload: [this.constructor.name, list], write: false,
      exec: () => {
        const t = this.peekTarget();
        if (t === null) return { deliver: () => (this.nullKnown = true) };
        const live = this.t();
        const got: Record<string, unknown> = {};
        for (const p of list) {
          const v = structuredClone(this.readers[p](live));
          got[p] = v;
          if (Array.isArray(v) && Array.isArray(v[0])) {
            const loaded = this.context.current!.cellsLoaded;
            loaded[p] = (loaded[p] ?? 0) + v.length * v[0].length;
          }
        }
        return { response: got, deliver: () => {
          this.nullKnown = true;
          for (const p of list) this.store.set(p, got[p]);
        } };
      },
    });
    return this;
  }

  protected get_<V>(prop: string): V {
    if (!this.store.has(prop)) throw notLoaded(prop);
    return this.store.get(prop) as V;
  }

  /** Sets a property: the proxy shows the new value at once, the workbook changes at the next sync. */
  protected set_(prop: string, value: unknown, apply: (t: T) => void, extra: Pick<Action, "undoable" | "formulas"> = {}): void {
    this.store.set(prop, value);
    const name = `set ${prop}`;
    this.context.enqueue({ name, payload: value, write: true, ...extra, exec: () => {
      const t = this.t();
      this.guard(t, name);
      apply(t);
    } });
  }

  /** Refuses a change protection forbids (a protected sheet or workbook structure); nothing by default. */
  protected guard(_t: T, _action: string): void {
    return;
  }

  /** Queues a method with effects. */
  protected call(name: string, payload: unknown, apply: (t: T) => void, extra: Pick<Action, "undoable"> = {}): void {
    this.context.enqueue({ name, payload, write: true, ...extra, exec: () => {
      const t = this.t();
      this.guard(t, name);
      apply(t);
    } });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.store);
  }
}
