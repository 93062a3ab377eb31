// Use cases that write the user's workbook through the file back end: check (with flags, issues and summary
// sheets, and fixes on request), clear, revert. Bytes in, bytes out: the shell does the files.
import { Report } from "../domain/report-schema";
import { FixKind, fixKindOf } from "../domain/fix-kinds";
import { SheetGrid, columnLetter } from "../domain/grid";
import { Recheck } from "../domain/recheck";
import { ChangeLogEntry, readChangeLog } from "../plan/change-log";
import { CellConflict } from "../plan/cell-write-rule";
import { FixedGrids, gridsAfterWrites, sheetNamingWrites } from "../plan/fixed-grids";
import { CheckedGrids, FixOptions, FixWrites, fixWrites, memberKey, planCheck, planClear, planRevert, withFix } from "../plan/plan-check";
import { followMembers } from "../plan/revert-follow";
import { CellWrite, WritePlan } from "../plan/write-plan";
import { Compressor, PlanConflictError, type ZipSink, applyPlan } from "../workbook/xlsx-write";
import { openXlsx, type OpenedWorkbook } from "../workbook/xlsx";
import { buildReport } from "./build-report";
import { CheckRequest, checkRoster, checkSnapshot } from "./check-roster";
import { productSheetName } from "./product-sheets";
import { WorkbookSource } from "./workbook-source";

export interface WriteOptions {
  /** Local time of the run, for the change log ("2025-12-31 16:05:00"). */
  readonly time: string;
  /** Deflate level for rewritten parts (1 fast .. 9 small). */
  readonly deflateLevel?: number;
  /** A native compressor (the CLI passes Node's zlib). */
  readonly compressor?: Compressor;
  /** Called where a fix has let go of what it no longer needs: the first check's before the second, both before the
   * writer (the CLI: a full collection, so what comes next takes the dead heap instead of growing beside it). */
  readonly settle?: () => void;
  /** checkAndWrite's output written here as it is made (the CLI: a temporary file beside the output), not held and
   * returned: `output` is then empty. */
  readonly sink?: ZipSink;
}

async function readLog(source: WorkbookSource): Promise<ChangeLogEntry[]> {
  const name = productSheetName(source, "changelog");
  return name === undefined ? [] : readChangeLog(await source.readSheet(name), source.date1904);
}

async function check(bytes: Uint8Array, fileName: string, req: CheckRequest): Promise<{ result: CheckedGrids; report: Report }> {
  const result = await checkRoster(openXlsx(bytes, fileName), req);
  return { result, report: buildReport(result, fileName) };
}

/** The opened input, keeping each sheet it reads in full (a second read of a sheet is the first's grid); `release`
 * lets the sheets and the opened input (its shared strings) go once nothing more is read. `partEnds` is what the
 * reader noted of each worksheet it inflated: the writer keeps the compressed start of a sheet it only adds rules to. */
function readOnce(bytes: Uint8Array, fileName: string, compressor?: Compressor): { source: WorkbookSource; release: () => void; partEnds: OpenedWorkbook["partEnds"] } {
  let wb: ReturnType<typeof openXlsx> | undefined = openXlsx(bytes, fileName, { crc32: compressor?.crc32 });
  const partEnds = wb.partEnds;
  const full = new Map<string, SheetGrid>();
  const opened = (): ReturnType<typeof openXlsx> => {
    if (wb === undefined) throw new Error(`${fileName}: read after release`);
    return wb;
  };
  const source: WorkbookSource = {
    date1904: wb.date1904,
    sheets: wb.sheets,
    definedNames: wb.definedNames,
    readSheet: (name, o) => {
      if (o?.maxRows !== undefined) return opened().readSheet(name, o);
      const had = full.get(name);
      if (had !== undefined) return had;
      const grid = opened().readSheet(name);
      full.set(name, grid);
      return grid;
    },
  };
  return { source, release: () => { wb = undefined; full.clear(); }, partEnds };
}

/** A plan refused at a cell, as the file back end refuses it. */
function refusals(fileName: string) {
  return {
    conflict: (sheet: string, cell: string, why: CellConflict) => new PlanConflictError(fileName, sheet, cell, why.code, "params" in why ? why.params : {}),
    noSheet: (sheet: string, w: CellWrite) => new PlanConflictError(fileName, sheet, `${columnLetter(w.col - 1)}${w.row}`, "planNoSheet"),
  };
}

/**
 * `roster check --out [--fix]`: the workbook is read and checked once. With fix, the logged normalisations are
 * applied to the sheets as read (as the writer writes them and the reader would read them back) and the engine
 * checks those, so flags and issues describe what the workbook now holds; then one package is written: the change
 * log, the changes, the issues, summary and flags (the change-log sheet before the cells, both or neither). The
 * report lists the changes made and says they were applied.
 */
export async function checkAndWrite(input: Uint8Array, fileName: string, req: CheckRequest & { fix?: boolean | readonly FixKind[] }, opts: WriteOptions): Promise<{ report: Report; output: Uint8Array; batch?: number }> {
  const { source, release, partEnds } = readOnce(input, fileName, opts.compressor);
  const apply = { deflateLevel: opts.deflateLevel, compressor: opts.compressor, partEnds, sink: opts.sink };
  // with fix, the first check records each row's results and the check of the fixed grids reuses the rows not written
  let recheck = req.fix ? Recheck.record() : undefined;
  let first: { result: CheckedGrids; report: Report } | undefined = await firstCheck(source, fileName, { ...req, recheck });
  const { unit, language: lang } = first.result;
  if (!req.fix || first.report.changes.length === 0) {
    recheck = undefined;
    const plan = planCheck(first.result, first.report, { lang, unit });
    return { report: first.report, output: applyPlan(input, fileName, plan, apply) };
  }
  const { fix, grids, changed } = applyFix(first.result, first.report, await readLog(source), { lang, unit, time: opts.time }, source.date1904, fileName);
  const again = recheck?.again(changed);
  first = recheck = undefined; // the first check's members and issues are large: let them go before the second check (again holds what it reuses until taken)
  release(); // the sheets as read and the input's shared strings: the writes are resolved, the fixed grids hold what is left
  opts.settle?.();
  const { report, plan } = checkFixed(grids, source, { ...req, lang, recheck: again }, fileName, (second, r) => withFix(planCheck(second, r, { lang, unit }), fix));
  // each sheet's writes handed over once, not held here while the writer writes (300,000 writes: a map of ~15 MB)
  opts.settle?.();
  const output = applyPlan(input, fileName, plan, { ...apply, resolvedWrites: (name) => takeFrom(changed, name) });
  return { report: { ...report, changes: fix.applied, changesApplied: true }, output, batch: fix.batch };
}

/** A map's value, taken out of it. */
function takeFrom<K, V>(map: Map<K, V>, key: K): V | undefined {
  const v = map.get(key);
  map.delete(key);
  return v;
}

/** The report's changes applied to the grids as read (gridsAfterWrites) and logged: the change log, the writes as
 * resolved, by sheet, and the fixed grids. The writes as planned (one a change) go here: the writer takes them as
 * resolved, and the plan names each sheet by one of them (sheetNamingWrites). */
function applyFix(result: CheckedGrids, report: Report, log: readonly ChangeLogEntry[], opts: Omit<FixOptions, "source">, date1904: boolean, fileName: string): FixedGrids & { fix: FixWrites } {
  const { cellWrites, ...fix } = fixWrites(result, report, log, { ...opts, source: "fix", date1904 });
  // in place: the grids as read go with the first check (their rows are the fixed grids' now)
  const { grids, changed } = gridsAfterWrites(result.grids, cellWrites, date1904, refusals(fileName), { inPlace: true });
  return { fix: { ...fix, cellWrites: sheetNamingWrites(changed) }, grids, changed };
}

/** The check of the fixed grids and the plan made of it; the checked grids (the sheets as fixed) go once planned, before
 * the writer inflates the roster sheet (at 1,048,575 rows they are hundreds of MB). */
function checkFixed(grids: Map<string, SheetGrid>, source: WorkbookSource, req: CheckRequest, fileName: string, planOf: (checked: CheckedGrids, report: Report) => WritePlan): { report: Report; plan: WritePlan } {
  const sheets = [...grids.values()];
  grids.clear();
  const checked = checkSnapshot({ date1904: source.date1904, sheets, definedNames: source.definedNames }, req);
  sheets.length = 0;
  const report = buildReport(checked, fileName);
  return { report, plan: planOf(checked, report) };
}

/** The check of the input, its report's changes narrowed to the kinds of fix the clerk chose (every kind where none
 * is named). */
async function firstCheck(source: WorkbookSource, fileName: string, req: CheckRequest & { fix?: boolean | readonly FixKind[] }): Promise<{ result: CheckedGrids; report: Report }> {
  const result = await checkRoster(source, req);
  const report = buildReport(result, fileName);
  const kinds = Array.isArray(req.fix) ? new Set(req.fix) : undefined;
  return { result, report: kinds ? { ...report, changes: report.changes.filter((c) => kinds.has(fixKindOf(c))) } : report };
}

/**
 * `roster clear`: removes flags and the product's report sheets (the settings sheet stays: it is the staff's; the
 * change log stays, so revert keeps working, unless `dropLog`).
 */
export function clearWorkbook(input: Uint8Array, fileName: string, opts: Pick<WriteOptions, "deflateLevel" | "compressor"> & { dropLog?: boolean } = {}): Uint8Array {
  return applyPlan(input, fileName, planClear({ dropLog: opts.dropLog }), { deflateLevel: opts.deflateLevel, compressor: opts.compressor });
}

/**
 * `roster revert --batch N`: puts back the old values of one logged batch, marks it reverted, refreshes the check.
 * Where every value put back is text, the workbook is read and checked once and written once, as `check --fix` is;
 * a number put back reads as a number or a date by its cell's style, which the grids do not hold, and rows a sync
 * inserted are deleted (the rows below move up), so there the reverted workbook is written, read and checked again.
 */
export async function revertBatch(input: Uint8Array, fileName: string, batch: number, req: CheckRequest, opts: WriteOptions): Promise<{ output: Uint8Array; report: Report; source: string }> {
  const apply = { deflateLevel: opts.deflateLevel, compressor: opts.compressor };
  const { source, release } = readOnce(input, fileName, opts.compressor);
  const log = await readLog(source);
  const hadCheckSheets = productSheetName(source, "issues") !== undefined;
  // the check of the workbook as it is now: its language, and where each logged member's row is now (rows sorted since)
  let before: CheckedGrids | undefined = await checkRoster(source, req);
  const lang = req.lang ?? before.language;
  const cellOf = followMembers(log, batch, before.members, memberKey, before.grids, source.date1904);
  const revert = planRevert(log, batch, { lang, time: opts.time, cellOf });
  /** What the batch was: "fix", or "sync:<incoming file>" (planRevert has refused a batch not in the log). */
  const batchSource = log.find((e) => e.batch === batch)!.source;
  if (revert.rowDeletes === undefined && revert.cellWrites.every((w) => typeof w.value === "string")) {
    const { grids, changed } = gridsAfterWrites(before.grids, revert.cellWrites, source.date1904, refusals(fileName));
    before = undefined;
    release();
    const { report, plan } = checkFixed(grids, source, { ...req, lang }, fileName, (after, r) =>
      hadCheckSheets ? withFix(planCheck(after, r, { lang, unit: after.unit }), { changeLog: revert.sheets[0], cellWrites: revert.cellWrites }) : revert);
    return { output: applyPlan(input, fileName, plan, { ...apply, resolvedWrites: (name) => changed.get(name) }), report, source: batchSource };
  }
  before = undefined;
  const reverted = applyPlan(input, fileName, revert, apply);
  const after = await check(reverted, fileName, { ...req, lang });
  const output = hadCheckSheets ? applyPlan(reverted, fileName, planCheck(after.result, after.report, { lang, unit: after.result.unit }), apply) : reverted;
  return { output, report: after.report, source: batchSource };
}
