/// <reference types="office-js" />
// applyPlanOffice: the WritePlan the file back end applies, applied to the workbook open in Excel. Excel has no
// transaction across syncs, so: everything is read and checked before anything is written (a conflicting cell
// write refuses the whole plan); new sheets are built hidden under temporary names; one last sync swaps them in
// (old sheet deleted, the role's name pointed at the new sheet, the new sheet renamed and shown), so a cut-off
// leaves at most a temporary sheet, never a half-written one under a product name; cell writes come after the
// change log is in place. A temporary sheet no name points at is deleted by the next run.
import { PRODUCT_ROLES, type ProductRole, type ProductSheet, type WritePlan } from "../../plan/write-plan";
import { checkPlan } from "../xlsx-write/apply-plan";
import { isTaken, isVariantOf, sanitizeSheetName, uniqueSheetName } from "../xlsx-write/sheet-names";
import { PlanConflictError } from "../xlsx-write/errors";
import { sheetOfReference } from "../../domain/sheet-reference";
import { sheetRef } from "./areas";
import { ResolvedWrites, WORKBOOK_LABEL, WriteControl, resolveCellWrites, writeCellValues } from "./cell-writes";
import { FLAG_GRID_PREFIX, FLAG_KEYS_PREFIX, FLAG_MARK, FLAG_SHEET_NAME, PREFIX, PlacedBlock, addRules, placeBlocks, tableName, tableReference, writeFlagTables } from "./flags";
import { TARGET_BYTES } from "./payload";
import { deleteWorksheet } from "./delete-sheet";
import { writeProductSheet } from "./product-sheet";
import { assertUnprotected } from "./protection";
import { deleteRowsOffice } from "./row-delete";
import { insertRowsOffice } from "./row-insert";
import { runExcel } from "./run";
import { SyncBudget } from "./sync-budget";

/** Sheets under construction are named so; one no product name points at is a leftover of a cut-off run. */
export const TEMP_PREFIX = "~ra-tmp-";
const A1 = { r0: 0, c0: 0, r1: 0, c1: 0 };

export interface ApplyOfficeOptions extends Omit<WriteControl, "targetBytes"> {
  /** Request bytes a write sync aims at (default 2.5 MB; Excel on the web refuses 5 MB). */
  readonly targetBytes?: number;
}

type Slot = ProductRole | "flags";

interface SheetInfo {
  readonly ws: Excel.Worksheet;
  readonly name: string;
  readonly position: number;
  readonly visibility: string;
}

export async function applyPlanOffice(context: Excel.RequestContext, plan: WritePlan, opts: ApplyOfficeOptions = {}): Promise<void> {
  checkPlan(plan);
  if (plan.rowDeletes?.some((r) => r.count > 0)) {
    // a sync's revert: the rest of the plan (its cell writes empty the rows), then the rows left empty deleted
    await applyPlanOffice(context, { ...plan, rowDeletes: [] }, opts);
    await deleteRowsOffice(context, plan.rowDeletes);
    return;
  }
  const inserts = plan.rowInserts?.filter((r) => r.count > 0) ?? [];
  if (inserts.length) {
    // a sync's additions: the plan without the new rows' writes first (the change log before any cell), then the rows
    // inserted, then their cells, each part checked against the workbook as it then is
    const inNewRows = (w: { sheet: string; row: number }) => inserts.some((i) => i.sheet === w.sheet && w.row >= i.before);
    await applyPlanOffice(context, { ...plan, rowInserts: [], cellWrites: plan.cellWrites.filter((w) => !inNewRows(w)) }, opts);
    await insertRowsOffice(context, inserts);
    await applyPlanOffice(context, { sheets: [], removeRoles: [], cellWrites: plan.cellWrites.filter(inNewRows) }, opts);
    return;
  }
  const target = opts.targetBytes ?? TARGET_BYTES;
  const wb = context.workbook;

  // 1. What the workbook holds: sheets, names, the date system (for what cells show).
  const wsItems = wb.worksheets.load("items/name,items/position,items/visibility");
  const nameItems = wb.names.load("items/name,items/formula");
  const epoch = plan.cellWrites.length ? wb.functions.date(1904, 1, 2).load("value") : undefined;
  await context.sync();
  const sheets: SheetInfo[] = wsItems.items.map((ws) => ({ ws, name: ws.name, position: ws.position, visibility: ws.visibility }));
  const byName = (n: string): SheetInfo | undefined => sheets.find((s) => s.name === n) ?? sheets.find((s) => isTaken(n, [s.name]));
  const names = new Map(nameItems.items.map((n) => [n.name, n]));
  const own = new Map<Slot, SheetInfo>();
  for (const slot of [...PRODUCT_ROLES, "flags"] as Slot[]) {
    const s = byName(sheetOfReference(names.get(PREFIX + slot)?.formula ?? "") ?? "\u0000");
    if (s && ![...own.values()].includes(s)) own.set(slot, s);
  }
  const ownSheets = new Set(own.values());
  const leftovers = sheets.filter((s) => s.name.startsWith(TEMP_PREFIX) && !ownSheets.has(s));
  const rosterOf = (name: string, cell: string): SheetInfo => {
    const s = byName(name);
    if (!s) throw new PlanConflictError(WORKBOOK_LABEL, name, cell, "no such worksheet in the workbook any more");
    if (ownSheets.has(s)) throw new Error(`plan: sheet "${name}" is one of the product's own sheets, not a roster`);
    return s;
  };

  // 2. Checks before any write: the flag blocks' sheets, our old rules, every cell write's target.
  const placed: PlacedBlock[] | undefined = plan.flags === undefined ? undefined : placeBlocks(plan.flags);
  for (const p of placed ?? []) rosterOf(p.block.sheet, "");
  const scanned = placed === undefined ? [] : sheets.filter((s) => !ownSheets.has(s) && !leftovers.includes(s));
  const ruleScans = scanned.map((s) => s.ws.getRange().conditionalFormats.load("items/type"));
  if (ruleScans.length) await context.sync();
  let resolved: ResolvedWrites | undefined;
  if (plan.cellWrites.length) {
    const date1904 = Number(epoch!.value) < 1000;
    resolved = await resolveCellWrites(context, plan.cellWrites, (n) => (byName(n) ? rosterOf(n, "").name : undefined), date1904, target);
  }
  const custom = scanned.flatMap((s, i) => ruleScans[i].items.filter((cf) => cf.type === "Custom").map((cf) => ({ s, cf })));
  const ruleFormulas = custom.map((x) => x.cf.custom.rule.load("formula"));
  if (custom.length) await context.sync();
  const oldRules = custom.filter((_, i) => ruleFormulas[i].formula.includes(FLAG_MARK));

  // Protection: nothing starts that protection would stop half-way. Sheets whose content changes: the rosters that
  // get or lose rules and those with cell writes; the structure changes with any sheet added, swapped or removed.
  const touched = new Set<SheetInfo>([...oldRules.map((x) => x.s), ...(placed ?? []).map((p) => rosterOf(p.block.sheet, ""))]);
  for (const name of resolved?.bySheet.keys() ?? []) touched.add(byName(name)!);
  const structure = plan.sheets.length > 0 || leftovers.length > 0 || placed !== undefined || plan.removeRoles.some((r) => own.has(r));
  await assertUnprotected(context, structure, [...touched]);

  // 3. Build: leftovers out, each new sheet under a temporary name, hidden (a cancel here changes nothing visible).
  const budget = new SyncBudget(context, target, opts.signal);
  for (const s of leftovers) {
    await budget.room(0, 2);
    deleteWorksheet(s.ws, s.visibility);
  }
  const taken = sheets.filter((s) => !leftovers.includes(s)).map((s) => s.name);
  const temp = (slot: Slot): string => {
    const name = uniqueSheetName(TEMP_PREFIX + slot, taken);
    taken.push(name);
    return name;
  };
  const built: { ps: ProductSheet; ws: Excel.Worksheet; tempName: string }[] = [];
  for (const ps of plan.sheets) {
    await budget.room(64, 2);
    const tempName = temp(ps.role);
    const ws = wb.worksheets.add(tempName);
    ws.visibility = "Hidden";
    built.push({ ps, ws, tempName });
    await writeProductSheet(budget, ws, ps);
  }
  let flagSheet: { ws: Excel.Worksheet; tempName: string } | undefined;
  if (placed?.length) {
    await budget.room(64, 2);
    const tempName = temp("flags");
    const ws = wb.worksheets.add(tempName);
    ws.visibility = "VeryHidden";
    flagSheet = { ws, tempName };
    await writeFlagTables(budget, ws, placed);
  }
  await budget.flush();

  // 4. The swap, one sync: old out, the name pointed at the new sheet, the new sheet renamed and shown.
  context.application.suspendScreenUpdatingUntilNextSync();
  const left = sheets.filter((s) => !leftovers.includes(s));
  const gone = new Set<SheetInfo>();
  const finalNames: string[] = [];
  /** Where the old sheet of a slot stood, counted without leftovers: the new one takes its place. */
  const placeOf = (s: SheetInfo): number => s.position - leftovers.filter((x) => x.position < s.position).length;
  const pointName = (slot: Slot, sheet: string): void => {
    const formula = `=${sheetRef(sheet, A1)}`;
    const existing = names.get(PREFIX + slot);
    if (existing) existing.formula = formula;
    else wb.names.add(PREFIX + slot, formula).visible = false;
  };
  const finalName = (wanted: string, old: SheetInfo | undefined): string => {
    const others = [...left.filter((s) => !gone.has(s) && s !== old).map((s) => s.name), ...finalNames];
    const base = sanitizeSheetName(wanted);
    const keep = old !== undefined && (old.name === base || (isTaken(base, others) && isVariantOf(old.name, wanted) && !isTaken(old.name, others) && !old.name.startsWith(TEMP_PREFIX)));
    const name = keep ? old.name : uniqueSheetName(wanted, others);
    finalNames.push(name);
    return name;
  };
  if (placed !== undefined) {
    for (const { cf } of oldRules) cf.delete();
    for (const [n, item] of names) if (n.startsWith(FLAG_GRID_PREFIX) || n.startsWith(FLAG_KEYS_PREFIX)) item.delete();
  }
  // Replacements in the order their old sheets stand, so each new sheet can take its old one's place.
  const swaps: { slot: Slot; wanted: string; ws: Excel.Worksheet; tempName: string }[] = built.map((b) => ({ slot: b.ps.role, wanted: b.ps.name, ws: b.ws, tempName: b.tempName }));
  if (flagSheet) swaps.push({ slot: "flags", wanted: FLAG_SHEET_NAME, ...flagSheet });
  swaps.sort((a, b) => (own.get(a.slot)?.position ?? Infinity) - (own.get(b.slot)?.position ?? Infinity));
  for (const x of swaps) {
    const old = own.get(x.slot);
    const name = finalName(x.wanted, old);
    if (old) {
      deleteWorksheet(old.ws, old.visibility);
      gone.add(old);
    }
    pointName(x.slot, x.tempName);
    if (x.slot !== "flags") x.ws.visibility = "Visible";
    if (old) x.ws.position = placeOf(old);
    x.ws.name = name;
    if (x.slot === "flags") {
      for (const p of placed!) {
        wb.names.add(tableName(p.k), tableReference(name, p)).visible = false;
        addRules(rosterOf(p.block.sheet, "").ws, p);
      }
    }
  }
  // Removals: cleared roles, and the flag sheet when the flags become none. The sheet goes first, then its name.
  const removals: Slot[] = [...plan.removeRoles];
  if (placed !== undefined && !flagSheet) removals.push("flags");
  for (const slot of removals) {
    const old = own.get(slot);
    if (old) {
      deleteWorksheet(old.ws, old.visibility);
      gone.add(old);
    }
    names.get(PREFIX + slot)?.delete();
  }
  if (plan.activate) {
    const b = built.find((x) => x.ps.role === plan.activate);
    const existing = own.get(plan.activate);
    if (b) b.ws.activate();
    else if (existing && !gone.has(existing)) existing.ws.activate();
  }
  await context.sync();

  // 5. Cell writes, now that the change log that records them is in place: an Excel.run of their own, one undo group
  // where the host has them (values only, which Excel can undo; the swaps above cannot be in a group).
  if (resolved?.bySheet.size) {
    const cells = resolved;
    await runExcel((ctx) => writeCellValues(ctx, cells, { ...opts, targetBytes: target }), { undoGroup: true });
  }
}

/** Applies a plan in its own Excel.run (its cell writes, if any, in an undo group of their own). */
export function applyPlanInExcel(plan: WritePlan, opts: ApplyOfficeOptions = {}): Promise<void> {
  return runExcel((ctx) => applyPlanOffice(ctx, plan, opts));
}
