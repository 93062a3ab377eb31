// The one error a plan can meet in a valid workbook: the workbook no longer looks as the plan expected. It carries
// an edge code (planNoSheet, planFormula, planChanged) for describeError; its message is the English line.
import { type Edge, type EdgeCode, type EdgeParams, isEdgeCode, renderEdge } from "../../i18n/edge-errors";

export class PlanConflictError extends Error {
  override readonly name = "PlanConflictError";
  readonly edge: Edge;
  readonly problem: string;
  constructor(
    readonly fileName: string,
    readonly sheet: string,
    readonly cell: string,
    problem: EdgeCode | string,
    params0: EdgeParams = {},
  ) {
    // An English problem (callers not yet on codes) travels as "other" and shows as written.
    const code: EdgeCode = isEdgeCode(problem) ? problem : "other";
    const params = isEdgeCode(problem) ? params0 : { ...params0, reason: problem };
    const edge: Edge = { code, params: { ...params, file: fileName, sheet, cell } };
    super(renderEdge(edge, "en").replace(/[\r\n]+/g, " "));
    this.edge = edge;
    this.problem = renderEdge({ code, params }, "en");
  }
}
