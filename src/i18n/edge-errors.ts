// Errors at the edges (unreadable input, bad usage, outputs that cannot be written, plans that no longer fit) as a
// code and params, rendered in the user's language by describeError: the one renderer the CLI and the pane share.
import { Lang } from "../domain/vocabulary";
import { EDGE_EN } from "./edge-errors-en";
import { EDGE_ZH_CN, EDGE_ZH_TW } from "./edge-errors-zh";

export type EdgeParams = Readonly<Record<string, string | number>>;
export type EdgeCode = keyof typeof EDGE_EN;
export type EdgeTable = { readonly [K in EdgeCode]: (p: EdgeParams) => string };

/** What an edge error carries: thrown errors expose it as `edge`. */
export interface Edge {
  readonly code: EdgeCode;
  readonly params: EdgeParams;
}

const TABLES: Readonly<Record<Lang, EdgeTable>> = { "zh-CN": EDGE_ZH_CN, "zh-TW": EDGE_ZH_TW, en: EDGE_EN };

/** An edge error's text in `lang` (the file name, the sheet and the cell, where given, lead it). */
export function renderEdge(edge: Edge, lang: Lang): string {
  const t = TABLES[lang];
  const p = edge.params;
  const text = t[edge.code](p);
  const where = p.sheet !== undefined ? t.atSheet({ sheet: p.sheet, cell: p.cell ?? "" }) : "";
  return (p.file !== undefined ? `${p.file}: ` : "") + where + text;
}

/** The error an edge code makes (its message is the English text, for logs and tests). */
export class EdgeError extends Error {
  override readonly name = "EdgeError";
  readonly edge: Edge;
  constructor(code: EdgeCode, params: EdgeParams = {}) {
    super(renderEdge({ code, params }, "en").replace(/[\r\n]+/g, " "));
    this.edge = { code, params };
  }
}

const edgeOf = (e: unknown): Edge | undefined => {
  const edge = (e as { edge?: Edge } | null)?.edge;
  return edge !== undefined && typeof edge.code === "string" && isEdgeCode(edge.code) ? edge : undefined;
};

/** One line for the user in `lang`: an edge error rendered from its code, any other error by its message. */
export function describeError(e: unknown, lang: Lang): string {
  const edge = edgeOf(e);
  const text = edge !== undefined ? renderEdge(edge, lang) : e instanceof Error ? e.message : String(e);
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

export const isEdgeCode = (s: string): s is EdgeCode => Object.prototype.hasOwnProperty.call(EDGE_EN, s);

/** Whether `e` carries an edge code (a known failure of the input or the environment, not a bug). */
export const isEdgeError = (e: unknown): boolean => edgeOf(e) !== undefined;

export { formatBytes } from "./format-bytes";
