// The one error a plan can meet in a valid workbook: the workbook no longer looks as the plan expected.

export class PlanConflictError extends Error {
  override readonly name = "PlanConflictError";
  constructor(
    readonly fileName: string,
    readonly sheet: string,
    readonly cell: string,
    readonly problem: string,
  ) {
    super(`${fileName}: sheet "${sheet}"${cell ? ` cell ${cell}` : ""}: ${problem}`.replace(/[\r\n]+/g, " "));
  }
}
