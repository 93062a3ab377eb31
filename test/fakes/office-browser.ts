/// <reference lib="dom" />
// Served in place of office.js (https://appsforoffice.microsoft.com/lib/1/hosted/office.js) in the browser tests:
// installs the globals `Office` and `Excel` (the fake object model over window.__FAKE_WORKBOOK__, injected before
// this script runs) and `OfficeExtension`, and exposes window.__fakeOffice for the tests' assertions: the
// selection, the dialogs opened and messages sent, the associated commands, the workbook's state.
// Options come from window.__FAKE_OFFICE_OPTIONS__: { displayLanguage, apiVersion, platform }.
import { Fake, excelGlobal } from "./excel-fake";
import { FakeWorkbookJson, fakeFromJson, fakeToJson } from "./fake-json";
import { FakeError } from "./fake-model";
import { putRoster } from "../office/roster-fixture";

export interface FakeOfficeOptions {
  /** Office.context.displayLanguage (default "zh-CN"). */
  readonly displayLanguage?: string;
  /** The highest ExcelApi set supported (default "1.20"). */
  readonly apiVersion?: string;
  readonly platform?: string;
  /** Milliseconds each sync takes (a slow workbook: progress shows, cancel can be clicked). */
  readonly syncDelayMs?: number;
  /** A generated roster put into the workbook at start (test/office/roster-fixture.ts): too big to inject as JSON. */
  readonly bigRoster?: { readonly sheet: string; readonly members: number; readonly fullWidthPhones?: boolean };
}

export interface DialogRecord {
  readonly url: string;
  readonly options: unknown;
  /** Event types the caller listens to. */
  readonly listening: string[];
  closed: boolean;
  readonly childMessages: unknown[];
}

export interface InvocationRecord {
  readonly name: string;
  completed: boolean;
  completedOptions?: unknown;
  error?: string;
}

type Handler = (arg: unknown) => unknown;

declare global {
  interface Window {
    __FAKE_WORKBOOK__?: FakeWorkbookJson;
    __FAKE_OFFICE_OPTIONS__?: FakeOfficeOptions;
    __fakeOffice?: FakeOffice;
  }
}

const opts: FakeOfficeOptions = window.__FAKE_OFFICE_OPTIONS__ ?? {};
const fake: Fake = window.__FAKE_WORKBOOK__ ? fakeFromJson(window.__FAKE_WORKBOOK__, { apiVersion: opts.apiVersion, syncDelayMs: opts.syncDelayMs }) : new Fake({ apiVersion: opts.apiVersion, syncDelayMs: opts.syncDelayMs });
if (opts.bigRoster) {
  putRoster(fake, opts.bigRoster.sheet, opts.bigRoster.members, { fullWidthPhones: opts.bigRoster.fullWidthPhones, formulaEvery: 1e9 });
  if (fake.model.sheet("Sheet1") && opts.bigRoster.sheet !== "Sheet1") fake.model.deleteSheet(fake.sheet("Sheet1"));
}
const platform = opts.platform ?? "PC";
const info = { host: "Excel", platform };

/** What the tests read and drive through page.evaluate. */
class FakeOffice {
  readonly fake = fake;
  readonly dialogs: DialogRecord[] = [];
  /** Office.context.ui.messageParent calls (on a dialog page). */
  readonly parentMessages: unknown[] = [];
  readonly actions: Record<string, Handler> = {};
  readonly invocations: InvocationRecord[] = [];
  readonly taskpaneShown: number[] = [];
  readonly settings = new Map<string, unknown>();
  /** Errors the page's handlers threw into office.js (an unhandled rejection in an associated action, ...). */
  readonly errors: string[] = [];
  private dialogHandlers = new Map<DialogRecord, Map<string, Handler[]>>();
  ready = false;

  get selection(): { sheet: string; address: string } | undefined {
    return fake.selection;
  }
  get syncs(): number {
    return fake.syncs.length;
  }
  /** Each Excel.run so far: whether it merged its writes into one undo group, its syncs, its undo steps. */
  runs(): { mergeUndoGroup: boolean; syncs: number; undoSteps: number }[] {
    return fake.runs.map((r) => ({ mergeUndoGroup: r.mergeUndoGroup, syncs: r.syncs, undoSteps: r.undoSteps }));
  }
  sheetNames(): string[] {
    return fake.sheetNames();
  }
  visibility(sheet: string): string {
    return fake.sheet(sheet).visibility;
  }
  cell(sheet: string, a1: string): { value: unknown; formula?: string; numberFormat: string } {
    return fake.cell(sheet, a1);
  }
  rows(sheet: string): unknown[][] {
    return fake.rows(sheet);
  }
  names(): Record<string, { formula: string; visible: boolean }> {
    return Object.fromEntries(fake.names());
  }
  rules(sheet: string): ReturnType<Fake["rules"]> {
    return fake.rules(sheet);
  }
  handlers(): ReturnType<Fake["handlers"]> {
    return fake.handlers();
  }
  workbook(): FakeWorkbookJson {
    return fakeToJson(fake);
  }
  /**
   * The user types into a cell (outside any add-in request), and Excel raises onChanged for it: on the sheet and on
   * the worksheet collection, as WorksheetChangedEventArgs. Resolves when the handlers have run.
   */
  async edit(sheet: string, a1: string, input: string | number | boolean, source: "Local" | "Remote" = "Local"): Promise<number> {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Error(`not a cell: ${a1}`);
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    const s = fake.sheet(sheet);
    s.typeIn(Number(m[2]) - 1, c - 1, input);
    const args = { type: "WorksheetChanged", source, triggerSource: "Unknown", changeType: "RangeEdited", worksheetId: s.id, address: a1 };
    return (await fake.fire("onChanged", sheet, args)) + (await fake.fire("onChanged", "worksheets", args));
  }
  /** Figures over the syncs from index `from`: count, largest request and response, time spent in "Excel". */
  stats(from = 0): { syncs: number; maxRequestBytes: number; maxResponseBytes: number; hostMs: number; errors: string[] } {
    const s = fake.syncs.slice(from);
    return {
      syncs: s.length, maxRequestBytes: Math.max(0, ...s.map((x) => x.requestBytes)), maxResponseBytes: Math.max(0, ...s.map((x) => x.responseBytes)),
      hostMs: s.reduce((n, x) => n + x.hostMs, 0), errors: s.filter((x) => x.error).map((x) => x.error!),
    };
  }
  /** Every cell of a sheet with its type, as JSON (to compare before and after). */
  typedRows(sheet: string): string {
    return JSON.stringify(fake.rows(sheet).map((row) => row.map((v) => (v === undefined ? null : [typeof v, v]))));
  }
  startCellEdit(): void {
    fake.startCellEdit();
  }
  endCellEdit(): void {
    fake.endCellEdit();
  }
  /** Makes every later sync take `ms` (a slow workbook). */
  slow(ms: number): void {
    fake.host.syncDelayMs = ms;
  }
  fire(event: string, source: string, args: unknown): Promise<number> {
    return fake.fire(event, source, args);
  }

  /** Invokes an associated command as Excel does: handler(event), done when event.completed() is called. */
  invoke(name: string, timeoutMs = 60_000): Promise<InvocationRecord> {
    const handler = this.actions[name];
    if (!handler) return Promise.reject(new Error(`no action associated with "${name}" (have: ${Object.keys(this.actions).join(", ") || "none"})`));
    const record: InvocationRecord = { name, completed: false };
    this.invocations.push(record);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`"${name}" did not call event.completed() within ${timeoutMs} ms`)), timeoutMs);
      const event = {
        source: { id: name },
        completed: (options?: unknown) => {
          if (record.completed) throw new Error(`event.completed() called twice for "${name}"`);
          record.completed = true;
          record.completedOptions = options;
          clearTimeout(timer);
          resolve(record);
        },
      };
      try {
        const out = handler(event);
        if (out && typeof (out as Promise<unknown>).then === "function") {
          (out as Promise<unknown>).catch((e: unknown) => {
            record.error = String(e);
            this.errors.push(`${name}: ${String(e)}`);
          });
        }
      } catch (e) {
        record.error = String(e);
        this.errors.push(`${name}: ${String(e)}`);
      }
    });
  }

  /** Delivers a dialog event to the opener's handlers: a message from the dialog, or a close (12006). */
  dialogEvent(index: number, type: string, arg: unknown): number {
    const d = this.dialogs[index];
    if (!d) throw new Error(`no dialog ${index}`);
    const hs = this.dialogHandlers.get(d)?.get(type) ?? [];
    for (const h of hs) h(arg);
    return hs.length;
  }

  openDialog(url: string, options: unknown): unknown {
    const record: DialogRecord = { url, options, listening: [], closed: false, childMessages: [] };
    this.dialogs.push(record);
    const handlers = new Map<string, Handler[]>();
    this.dialogHandlers.set(record, handlers);
    return {
      addEventHandler: (type: string, handler: Handler) => {
        record.listening.push(type);
        handlers.set(type, [...(handlers.get(type) ?? []), handler]);
      },
      close: () => {
        record.closed = true;
      },
      messageChild: (message: unknown) => {
        record.childMessages.push(message);
      },
      sendMessage: (message: unknown) => {
        record.childMessages.push(message);
      },
    };
  }
}

const state = new FakeOffice();
window.__fakeOffice = state;

interface AsyncResult {
  status: string;
  value?: unknown;
  error?: { code: number; message: string; name: string };
  asyncContext?: unknown;
}

const later = (f: () => void): void => void setTimeout(f, 0);
const succeeded = (value: unknown, options?: unknown): AsyncResult => ({
  status: "succeeded", value, asyncContext: (options as { asyncContext?: unknown } | undefined)?.asyncContext,
});

/** office.js's (options?, callback?) argument pattern. */
function optsAndCallback(a: unknown, b: unknown): [unknown, ((r: AsyncResult) => void) | undefined] {
  return typeof a === "function" ? [undefined, a as (r: AsyncResult) => void] : [a, b as ((r: AsyncResult) => void) | undefined];
}

let resolveReady: (v: typeof info) => void = () => undefined;
const readyPromise = new Promise<typeof info>((r) => (resolveReady = r));

const Office = {
  initialize: undefined as undefined | ((reason: string) => void),
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    return readyPromise.then((i) => {
      callback?.(i);
      return i;
    });
  },
  context: {
    host: "Excel",
    platform,
    displayLanguage: opts.displayLanguage ?? "zh-CN",
    contentLanguage: opts.displayLanguage ?? "zh-CN",
    diagnostics: { host: "Excel", platform, version: "16.0.18000.10000" },
    requirements: { isSetSupported: (set: string, version = "1.1") => fake.host.supports(set, String(version)) },
    officeTheme: {
      bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF",
      controlForegroundColor: "#000000", isDarkTheme: false, themeId: 0,
    },
    document: {
      url: window.__FAKE_WORKBOOK__?.fileName ?? "Book1.xlsx",
      mode: "readWrite",
      settings: {
        get: (k: string) => (state.settings.has(k) ? state.settings.get(k) : null),
        set: (k: string, v: unknown) => void state.settings.set(k, v),
        remove: (k: string) => void state.settings.delete(k),
        saveAsync: (a?: unknown, b?: unknown) => {
          const [o, cb] = optsAndCallback(a, b);
          later(() => cb?.(succeeded(undefined, o)));
        },
        refreshAsync: (cb?: (r: AsyncResult) => void) => later(() => cb?.(succeeded(undefined))),
        addHandlerAsync: (_t: string, _h: Handler, a?: unknown, b?: unknown) => {
          const [o, cb] = optsAndCallback(a, b);
          later(() => cb?.(succeeded(undefined, o)));
        },
      },
    },
    ui: {
      displayDialogAsync(url: string, a?: unknown, b?: unknown): void {
        const [o, cb] = optsAndCallback(a, b);
        const dialog = state.openDialog(url, o);
        later(() => cb?.(succeeded(dialog, o)));
      },
      messageParent(message: unknown, _options?: unknown): void {
        state.parentMessages.push(message);
      },
      addHandlerAsync(_type: string, _handler: Handler, a?: unknown, b?: unknown): void {
        const [o, cb] = optsAndCallback(a, b);
        later(() => cb?.(succeeded(undefined, o)));
      },
      closeContainer(): void {
        state.parentMessages.push({ closeContainer: true });
      },
    },
  },
  actions: {
    associate(name: string, handler: Handler): void {
      state.actions[name] = handler;
    },
  },
  addin: {
    showAsTaskpane: () => {
      state.taskpaneShown.push(Date.now());
      return Promise.resolve();
    },
    hide: () => Promise.resolve(),
    getStartupBehavior: () => Promise.resolve("None"),
    setStartupBehavior: () => Promise.resolve(),
    onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
  },
  EventType: {
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
    DialogParentMessageReceived: "dialogParentMessageReceived",
    DocumentSelectionChanged: "documentSelectionChanged",
    SettingsChanged: "settingsChanged",
    ActiveViewChanged: "activeViewChanged",
  },
  HostType: { Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  CoercionType: { Text: "text", Matrix: "matrix", Table: "table" },
  DialogType: { WebView: "WebView", Browser: "Browser" },
};

const globals = globalThis as unknown as Record<string, unknown>;
globals.Office = Office;
globals.Excel = excelGlobal(fake);
globals.OfficeExtension = {
  Error: FakeError,
  ErrorCodes: { generalException: "GeneralException", invalidArgument: "InvalidArgument", itemNotFound: "ItemNotFound", propertyNotLoaded: "PropertyNotLoaded" },
  ClientRequestContext: Object,
  config: { extendedErrorLogging: false },
};

// office.js initialises after the page's scripts had a chance to set Office.initialize or call Office.onReady.
const start = (): void => {
  later(() => {
    state.ready = true;
    try {
      Office.initialize?.("");
    } finally {
      resolveReady(info);
    }
  });
};
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
