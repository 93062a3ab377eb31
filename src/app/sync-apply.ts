// Use case: apply a sync to the master through the file back end (bytes in, bytes out): the accepted changes as one
// change-log batch, then the merged workbook checked again so flags, issues and summaries describe what it now holds.
import { SyncReport } from "../domain/diff-schema";
import { Report } from "../domain/report-schema";
import { readChangeLog } from "../plan/change-log";
import { planCheck } from "../plan/plan-check";
import { acceptedChanges, planSync } from "../plan/sync-plan";
import { Compressor, applyPlan } from "../workbook/xlsx-write";
import { openXlsx } from "../workbook/xlsx";
import { buildReport } from "./build-report";
import { CheckRequest, checkRoster } from "./check-roster";
import { productSheetName } from "./product-sheets";
import { SyncPreview, layoutsOf, previewSync } from "./sync-preview";

export interface SyncWriteOptions {
  /** Local time of the run, for the change log. */
  readonly time: string;
  readonly deflateLevel?: number;
  readonly compressor?: Compressor;
}

export interface SyncApplied {
  readonly preview: SyncPreview;
  /** The report with `accept` as applied. */
  readonly report: SyncReport;
  readonly output: Uint8Array;
  /** The change-log batch of the sync (undefined when nothing was accepted). */
  readonly batch?: number;
  readonly applied: { updates: number; additions: number };
  readonly check: Report;
}

const fileNameOf = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** Marks each entry of the report as applied or not, from what was accepted. */
function asApplied(report: SyncReport, edited: SyncReport | undefined): SyncReport {
  if (!edited) return report;
  const pick = <T extends { accept: boolean }>(list: T[], from: T[], id: (x: T) => string) => {
    const m = new Map(from.map((x) => [id(x), x.accept]));
    return list.map((x) => ({ ...x, accept: m.get(id(x)) ?? false }));
  };
  return {
    ...report,
    added: pick(report.added, edited.added, (a) => `${a.key}/${a.row}`),
    updated: pick(report.updated, edited.updated, (u) => `${u.key}/${u.field}/${u.row}`),
    conflicts: pick(report.conflicts, edited.conflicts, (c) => `${c.key}/${c.field}/${c.row}`),
  };
}

export async function applySync(
  master: Uint8Array, masterName: string, incoming: Uint8Array, incomingName: string, req: CheckRequest,
  opts: SyncWriteOptions & { accept?: SyncReport },
): Promise<SyncApplied> {
  const source = openXlsx(master, masterName);
  const preview = await previewSync(source, masterName, incoming, incomingName, req);
  const accepted = acceptedChanges(preview.diff, opts.accept);
  const logName = productSheetName(source, "changelog");
  const log = logName === undefined ? [] : readChangeLog(source.readSheet(logName), source.date1904);
  const { plan, batch, entries } = planSync(accepted, layoutsOf(preview), log, { lang: preview.lang, time: opts.time, incomingName: fileNameOf(incomingName) });
  const write = { deflateLevel: opts.deflateLevel, compressor: opts.compressor };
  const synced = entries.length ? applyPlan(master, masterName, plan, write) : master;
  const after = await checkRoster(openXlsx(synced, masterName), { today: req.today, asOf: preview.master.result.asOf, lang: req.lang });
  const check = buildReport(after, masterName);
  const lang = after.language;
  const output = applyPlan(synced, masterName, planCheck(after, check, { lang, unit: after.config.unit }), write);
  return {
    preview, report: asApplied(preview.diff.report, opts.accept), output, batch: entries.length ? batch : undefined,
    applied: { updates: accepted.updates.length, additions: accepted.additions.length }, check,
  };
}
