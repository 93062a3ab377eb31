// One-line outcomes of the operations, for the status bar and the ribbon command's dialog.
import { Report } from "../domain/report-schema";
import { UiText } from "../i18n/ui-text";
import { Progress } from "../app/excel-run";
import { reportFigures } from "./issues";

export function checkedText(report: Report, ui: UiText): string {
  const f = reportFigures(report);
  return ui.status.checked(f.error, f.warning, f.info, f.members);
}

export function dialogCheckedText(report: Report, ui: UiText): string {
  const f = reportFigures(report);
  const line = ui.dialog.checked(f.error, f.warning, f.info, f.members);
  return f.error + f.warning + f.info > 0 ? `${line}\n${ui.dialog.whereToLook}` : `${line}\n${ui.check.noIssues}`;
}

export function progressText(p: Progress, ui: UiText): string {
  const step = ui.progress.steps[p.step];
  if (p.total !== undefined) return ui.progress.count(step.replace(/(……|…)$/, ""), p.done ?? 0, p.total);
  return p.sheet ? ui.progress.sheet(step.replace(/(……|…)$/, ""), p.sheet) : step;
}

/**
 * Steps cancelling can stop: reading and checking (nothing written yet) and a fix's cell writes (stopped between two
 * syncs, what was written put back). Writing sheets and flags, a revert, a clear run to the end.
 */
export function canCancel(p: Progress | null): boolean {
  return p !== null && (p.step === "reading" || p.step === "checking" || p.step === "fixing");
}

/** yyyy-mm-dd naming a real day. */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
