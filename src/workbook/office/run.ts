/// <reference types="office-js" />
// Excel.run for the product's writes: where ExcelApi 1.20 exists, every sync of the run merges into one undo
// step (a fix or a sync is then one Ctrl+Z); elsewhere Excel records one step per writing sync (or, on older
// builds, clears the undo stack), and the change log with `revert` is what undoes a batch.
import type { WritePlan } from "../../plan/write-plan";
import { ApplyOfficeOptions, applyPlanOffice } from "./apply-plan";

/** Whether the host supports ExcelApi `version` (false where there is no Office at all, as in tests without it). */
export function supportsExcelApi(version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}

/** Excel.run, as one undo group where the host can (ExcelApi 1.20). Returns or rethrows what the batch does. */
export function runExcel<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, opts: { undoGroup?: boolean } = {}): Promise<T> {
  return opts.undoGroup !== false && supportsExcelApi("1.20") ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch);
}

/** Applies a plan in its own Excel.run: one undo step where ExcelApi 1.20 exists. */
export function applyPlanInExcel(plan: WritePlan, opts: ApplyOfficeOptions = {}): Promise<void> {
  return runExcel((ctx) => applyPlanOffice(ctx, plan, opts));
}
