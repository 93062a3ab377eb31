// The ribbon command's outcome travels to the dialog page in its query string: kind, language and message.
import { Lang } from "../domain/vocabulary";
import { DEFAULT_LANG, langOfTag } from "./lang";

export type OutcomeKind = "success" | "warning" | "error" | "info";

export interface DialogOutcome {
  readonly kind: OutcomeKind;
  readonly lang: Lang;
  /** The message, one or more lines. */
  readonly text: string;
}

/** Longest message carried (the dialog is small, and URLs have limits). */
export const MAX_DIALOG_TEXT = 1500;
const KINDS: readonly OutcomeKind[] = ["success", "warning", "error", "info"];

export function dialogQuery(o: DialogOutcome): string {
  const text = o.text.length > MAX_DIALOG_TEXT ? `${o.text.slice(0, MAX_DIALOG_TEXT - 1)}…` : o.text;
  return `?kind=${o.kind}&lang=${encodeURIComponent(o.lang)}&msg=${encodeURIComponent(text)}`;
}

export function parseDialogQuery(search: string): DialogOutcome {
  const params = new Map<string, string>();
  for (const pair of (search.startsWith("?") ? search.slice(1) : search).split("&")) {
    const i = pair.indexOf("=");
    if (i <= 0) continue;
    try {
      params.set(decodeURIComponent(pair.slice(0, i)), decodeURIComponent(pair.slice(i + 1).replace(/\+/g, " ")));
    } catch {
      // A malformed escape: the parameter is left out.
    }
  }
  const kind = KINDS.find((k) => k === params.get("kind")) ?? "info";
  return { kind, lang: langOfTag(params.get("lang")) ?? DEFAULT_LANG, text: (params.get("msg") ?? "").slice(0, MAX_DIALOG_TEXT) };
}
