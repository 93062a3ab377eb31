// Use cases that write the user's workbook through the file back end: check (with flags, issues and summary
// sheets, and fixes on request), clear, revert. Bytes in, bytes out: the shell does the files.
import { Lang } from "../domain/vocabulary";
import { Report } from "../domain/report-schema";
import { FixKind, fixKindOf } from "../domain/fix-kinds";
import { Change } from "../domain/schema";
import { ChangeLogEntry, readChangeLog } from "../plan/change-log";
import { CheckedGrids, planCheck, planClear, planFix, planRevert } from "../plan/plan-check";
import { Compressor, applyPlan } from "../workbook/xlsx-write";
import { openXlsx } from "../workbook/xlsx";
import { buildReport } from "./build-report";
import { CheckRequest, checkRoster } from "./check-roster";
import { productSheetName } from "./product-sheets";
import { WorkbookSource } from "./workbook-source";

export interface WriteOptions {
  /** Local time of the run, for the change log ("2025-12-31 16:05:00"). */
  readonly time: string;
  /** Deflate level for rewritten parts (1 fast .. 9 small). */
  readonly deflateLevel?: number;
  /** A native compressor (the CLI passes Node's zlib). */
  readonly compressor?: Compressor;
}

async function readLog(source: WorkbookSource): Promise<ChangeLogEntry[]> {
  const name = productSheetName(source, "changelog");
  return name === undefined ? [] : readChangeLog(await source.readSheet(name), source.date1904);
}

async function check(bytes: Uint8Array, fileName: string, req: CheckRequest): Promise<{ result: CheckedGrids; report: Report }> {
  const result = await checkRoster(openXlsx(bytes, fileName), req);
  return { result, report: buildReport(result, fileName) };
}

/**
 * `roster check --out [--fix]`: with fix, the logged normalisations are written first (change log before changes,
 * in the same package), then the fixed workbook is checked again so flags and issues describe what it now holds;
 * the report lists the changes made and says they were applied.
 */
export async function checkAndWrite(input: Uint8Array, fileName: string, req: CheckRequest & { fix?: boolean | readonly FixKind[] }, opts: WriteOptions): Promise<{ report: Report; output: Uint8Array; batch?: number }> {
  let checked: { result: CheckedGrids; report: Report } | undefined = await check(input, fileName, req);
  // the kinds of fix the clerk chose (every kind where none is named)
  const kinds = Array.isArray(req.fix) ? new Set(req.fix) : undefined;
  let first: { result: CheckedGrids; report: Report } | undefined = kinds
    ? { ...checked, report: { ...checked.report, changes: checked.report.changes.filter((c) => kinds.has(fixKindOf(c))) } }
    : checked;
  checked = undefined;
  const unit = first.result.unit;
  const lang = first.result.language;
  if (!req.fix || first.report.changes.length === 0) {
    const plan = planCheck(first.result, first.report, { lang, unit });
    return { report: first.report, output: applyPlan(input, fileName, plan, { deflateLevel: opts.deflateLevel, compressor: opts.compressor }) };
  }
  const fix = await writeFixes(input, fileName, first, { lang, unit, time: opts.time }, opts);
  first = undefined; // the first check's grids are large: let them go before the second check
  const fixed = fix.fixed;
  const second = await check(fixed, fileName, { ...req, lang });
  const plan = planCheck(second.result, second.report, { lang, unit });
  const output = applyPlan(fixed, fileName, plan, { deflateLevel: opts.deflateLevel, compressor: opts.compressor });
  const report: Report = { ...second.report, changes: fix.applied, changesApplied: true };
  return { report, output, batch: fix.batch };
}

/** The fixed workbook (the change log written before the changes), and what was applied. */
async function writeFixes(
  input: Uint8Array, fileName: string, first: { result: CheckedGrids; report: Report },
  o: { lang: Lang; unit: CheckedGrids["unit"]; time: string }, opts: WriteOptions,
): Promise<{ fixed: Uint8Array; applied: Change[]; batch: number }> {
  const log = await readLog(openXlsx(input, fileName));
  const fix = planFix(first.result, first.report, log, { ...o, source: "fix" });
  const fixed = applyPlan(input, fileName, fix.plan, { deflateLevel: opts.deflateLevel, compressor: opts.compressor });
  return { fixed, applied: fix.applied, batch: fix.batch };
}

/**
 * `roster clear`: removes flags and the product's report sheets (the settings sheet stays: it is the staff's; the
 * change log stays, so revert keeps working, unless `dropLog`).
 */
export function clearWorkbook(input: Uint8Array, fileName: string, opts: Pick<WriteOptions, "deflateLevel" | "compressor"> & { dropLog?: boolean } = {}): Uint8Array {
  return applyPlan(input, fileName, planClear({ dropLog: opts.dropLog }), { deflateLevel: opts.deflateLevel, compressor: opts.compressor });
}

/** `roster revert --batch N`: puts back the old values of one logged batch, marks it reverted, refreshes the check. */
export async function revertBatch(input: Uint8Array, fileName: string, batch: number, req: CheckRequest, opts: WriteOptions): Promise<{ output: Uint8Array; report: Report }> {
  const source = openXlsx(input, fileName);
  const log = await readLog(source);
  const lang = req.lang ?? (await check(input, fileName, req)).result.language;
  const reverted = applyPlan(input, fileName, planRevert(log, batch, { lang, time: opts.time }), { deflateLevel: opts.deflateLevel, compressor: opts.compressor });
  const after = await check(reverted, fileName, { ...req, lang });
  const hadCheckSheets = productSheetName(source, "issues") !== undefined;
  const output = hadCheckSheets ? applyPlan(reverted, fileName, planCheck(after.result, after.report, { lang, unit: after.result.unit }), { deflateLevel: opts.deflateLevel, compressor: opts.compressor }) : reverted;
  return { output, report: after.report };
}
