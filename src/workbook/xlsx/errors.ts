// The one error the reader throws for input it cannot use: an edge code and params (rendered in the user's language
// by describeError), its message the English line naming the file.
import { type Edge, type EdgeCode, type EdgeParams, renderEdge } from "../../i18n/edge-errors";

export { formatBytes } from "../../i18n/format-bytes";

export class UnreadableInputError extends Error {
  override readonly name = "UnreadableInputError";
  readonly edge: Edge;
  /** The English problem, without the file name. */
  readonly problem: string;
  constructor(
    readonly fileName: string,
    code: EdgeCode,
    params: EdgeParams = {},
  ) {
    const edge = { code, params: { ...params, file: fileName } };
    const message = renderEdge(edge, "en").replace(/[\r\n]+/g, " ");
    super(message);
    this.edge = edge;
    this.problem = message.slice(fileName.length + 2);
  }
}

/** Throws UnreadableInputError for `fileName`. */
export function unreadable(fileName: string, code: EdgeCode, params: EdgeParams = {}): never {
  throw new UnreadableInputError(fileName, code, params);
}
