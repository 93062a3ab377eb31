/// <reference types="office-js" />
// One batch of work in the open workbook (one Excel.run), as the use cases in src/app see it: read the workbook
// through the WorkbookSource port and apply WritePlans, without naming the Excel object model.
import type { WritePlan } from "../../plan/write-plan";
import { ApplyOfficeOptions, applyPlanOffice } from "./apply-plan";
import { OfficeReadOptions, OfficeWorkbookSource, officeSource } from "./office-source";
import { runExcel } from "./run";

/** The workbook within one Excel.run: reads and writes share its request context. */
export interface OfficeSession {
  /** The workbook as a WorkbookSource (officeSource over the run's context). */
  source(opts?: OfficeReadOptions): Promise<OfficeWorkbookSource>;
  /** Applies a plan in the run (applyPlanOffice over the run's context). */
  apply(plan: WritePlan, opts?: ApplyOfficeOptions): Promise<void>;
}

function sessionOf(ctx: Excel.RequestContext): OfficeSession {
  return {
    source: (opts) => officeSource(ctx, opts),
    apply: (plan, opts) => applyPlanOffice(ctx, plan, opts),
  };
}

/**
 * Runs `batch` in one Excel.run (never an undo group: sheet swaps cannot be in one; the cell writes of a plan make
 * their own, see run.ts). Returns or rethrows what the batch does.
 */
export function runInWorkbook<T>(batch: (wb: OfficeSession) => Promise<T>): Promise<T> {
  return runExcel((ctx) => batch(sessionOf(ctx)));
}
