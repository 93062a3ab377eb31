// Bad usage, an input that is not a workbook file, an output that cannot be written: the CLI prints the one-line
// message (describeError, in the user's language) and exits 2, writing nothing.
import { type Edge, type EdgeCode, type EdgeParams, isEdgeCode, renderEdge } from "../i18n/edge-errors";

export class UsageError extends Error {
  readonly edge: Edge;
  /** An edge code and params; an English message (code "other") is shown as written in every language. */
  constructor(problem: EdgeCode | string, params: EdgeParams = {}) {
    const edge: Edge = isEdgeCode(problem) ? { code: problem, params } : { code: "other", params: { ...params, reason: problem } };
    super(renderEdge(edge, "en").replace(/[\r\n]+/g, " "));
    this.edge = edge;
  }
}
