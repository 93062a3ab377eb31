/// <reference types="office-js" />
// officeSource: the workbook open in Excel as the check use case reads it (the WorkbookSource port of
// src/app/workbook-source.ts, restated here because src/workbook may not import src/app). Two syncs learn the
// sheets, names, date system and used ranges; the first peek reads the top rows of every sheet in one sync; a full
// read goes on below the peek in blocks (read-rows.ts), then reads the sheet's dropdown lists (list-validations.ts).
import { SheetGrid, SheetState } from "../../domain/grid";
import { Rect } from "./areas";
import { readListValidations } from "./list-validations";
import { TARGET_BYTES } from "./payload";
import { SheetRows, isPayloadTooLarge, queueBlock, readRows, takeBlock } from "./read-rows";

export interface OfficeSheetEntry {
  readonly name: string;
  readonly state: SheetState;
  /** office.js lists worksheets only (chart sheets are not in `worksheets`). */
  readonly kind: "worksheet";
}

export interface OfficeWorkbookSource {
  readonly date1904: boolean;
  readonly sheets: readonly OfficeSheetEntry[];
  /** Workbook-level names: name -> formula without the leading "=" (as the file reader gives them). */
  readonly definedNames: ReadonlyMap<string, string>;
  readSheet(name: string, opts?: { maxRows?: number }): Promise<SheetGrid>;
}

export interface OfficeReadOptions {
  /** Response bytes a read aims at (default 2.5 MB; Excel on the web refuses 5 MB). */
  readonly targetBytes?: number;
}

/** Assumed bytes of a peeked cell (its value and its number format) when grouping peeks into one sync. */
const PEEK_BYTES_PER_CELL = 96;

const STATE: Record<string, SheetState> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

interface Sheet {
  readonly entry: OfficeSheetEntry;
  readonly ws: Excel.Worksheet;
  /** The used range (values and formulas only); undefined for an empty sheet. */
  readonly used?: Rect;
}

/**
 * The workbook as a WorkbookSource. date1904 comes from the DATE function evaluated in the workbook (DATE(1904,1,2)
 * is 1 in the 1904 system, 1463 in the 1900 one): ExcelApi 1.9 has no property for it, and this reads no cell.
 */
export async function officeSource(context: Excel.RequestContext, opts: OfficeReadOptions = {}): Promise<OfficeWorkbookSource> {
  const target = opts.targetBytes ?? TARGET_BYTES;
  const wb = context.workbook;
  const worksheets = wb.worksheets.load("items/name,items/visibility");
  const names = wb.names.load("items/name,items/formula");
  const epoch = wb.functions.date(1904, 1, 2).load("value");
  await context.sync();
  const used = worksheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
  await context.sync();

  const date1904 = Number(epoch.value) < 1000;
  const sheets: Sheet[] = worksheets.items.map((ws, i) => {
    const u = used[i];
    const entry: OfficeSheetEntry = { name: ws.name, state: STATE[ws.visibility] ?? "visible", kind: "worksheet" };
    const bounds = u.isNullObject ? undefined : { r0: u.rowIndex, c0: u.columnIndex, r1: u.rowIndex + u.rowCount - 1, c1: u.columnIndex + u.columnCount - 1 };
    return { entry, ws, used: bounds };
  });
  const definedNames = new Map(names.items.map((n) => [n.name, n.formula.replace(/^=/, "")]));
  const peeks = new Map<number, Map<Sheet, SheetRows>>();

  const find = (name: string): Sheet => {
    const s = sheets.find((x) => x.entry.name === name) ?? sheets.find((x) => x.entry.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`the workbook has no sheet named "${name}"`);
    return s;
  };
  const grid = (s: Sheet, rows: SheetRows): SheetGrid => ({
    name: s.entry.name, state: s.entry.state, rows: rows.rows, formulaCells: rows.formulaCells,
    ...(rows.shownDecimals.size > 0 ? { shownDecimals: rows.shownDecimals } : {}),
    ...(rows.dateFormats.size > 0 ? { dateFormats: rows.dateFormats } : {}),
  });

  /** The top `maxRows` rows of every sheet not yet peeked, several sheets to a sync, every number format read. */
  const peekAll = async (maxRows: number): Promise<Map<Sheet, SheetRows>> => {
    const done = peeks.get(maxRows) ?? new Map<Sheet, SheetRows>();
    peeks.set(maxRows, done);
    const todo = sheets.filter((s) => !done.has(s));
    for (const s of todo) if (!s.used || s.used.r0 >= maxRows) done.set(s, new SheetRows());
    let group: { s: Sheet; rows: number }[] = [];
    const flush = async (): Promise<void> => {
      if (group.length === 0) return;
      const queued = group.map((g) => ({ g, state: new SheetRows(), q: queueBlock(g.s.ws, g.s.used!, g.s.used!.r0, g.rows, allColumns(g.s.used!)) }));
      try {
        await context.sync();
        for (const x of queued) {
          takeBlock(x.state, x.q);
          done.set(x.g.s, x.state);
        }
      } catch (e) {
        if (!isPayloadTooLarge(e)) throw e;
        for (const x of queued) {
          const state = new SheetRows();
          await readRows(context, x.g.s.ws, x.g.s.used!, 0, maxRows - 1, state, target);
          done.set(x.g.s, state);
        }
      }
      group = [];
    };
    let cost = 0;
    for (const s of todo) {
      if (done.has(s)) continue;
      const u = s.used!;
      const rows = Math.min(u.r1, maxRows - 1) - u.r0 + 1;
      const each = rows * (u.c1 - u.c0 + 1) * PEEK_BYTES_PER_CELL;
      if (each > target) {
        // Too wide to peek along with others: read alone, in blocks.
        const alone = new SheetRows();
        await readRows(context, s.ws, u, 0, maxRows - 1, alone, target);
        done.set(s, alone);
        continue;
      }
      if (cost + each > target) {
        await flush();
        cost = 0;
      }
      group.push({ s, rows });
      cost += each;
    }
    await flush();
    return done;
  };

  return {
    date1904,
    sheets: sheets.map((s) => s.entry),
    definedNames,
    async readSheet(name, o = {}) {
      const s = find(name);
      if (o.maxRows !== undefined) {
        if (o.maxRows <= 0) return grid(s, new SheetRows());
        const peeked = peeks.get(o.maxRows)?.get(s) ?? (await peekAll(o.maxRows)).get(s)!;
        return grid(s, peeked);
      }
      if (!s.used) return grid(s, new SheetRows());
      // Go on below the deepest peek of this sheet: its rows were read with every format.
      let from = 0;
      let state = new SheetRows();
      for (const [m, done] of peeks) {
        const p = done.get(s);
        if (p && m > from) {
          from = m;
          state = p.fork();
        }
      }
      await readRows(context, s.ws, s.used, from, s.used.r1, state, target);
      const lists = await readListValidations(context, s.ws, s.used, {
        name: s.entry.name,
        definedNames,
        worksheet: (n) => sheets.find((x) => x.entry.name === n)?.ws ?? sheets.find((x) => x.entry.name.toLowerCase() === n.toLowerCase())?.ws,
      });
      return lists.length ? { ...grid(s, state), lists } : grid(s, state);
    },
  };
}

function allColumns(r: Rect): number[] {
  const out: number[] = [];
  for (let c = r.c0; c <= r.c1; c++) out.push(c);
  return out;
}
