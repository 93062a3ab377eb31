// The file back end's writer: a WritePlan applied to an .xlsx by package surgery (see apply-plan.ts).
export { UnreadableInputError } from "../xlsx";
export { applyPlan, checkPlan, type ApplyOptions } from "./apply-plan";
export { PlanConflictError } from "./errors";
export type { Compressor, DeflateStream, ZipSink } from "./zip-write";
