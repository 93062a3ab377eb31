// What the pane and the ribbon command say when an operation fails: a known failure in the user's language, any
// other error with its one-line reason.
import { NoRosterError } from "../app/check-roster";
import { Lang } from "../domain/vocabulary";
import { describeError, isEdgeError } from "../i18n/edge-errors";
import { UI_TEXT, UiText } from "../i18n/ui-text";

export function isCancelled(e: unknown): boolean {
  return e instanceof Error && (e.name === "CancelledError" || e.name === "AbortError");
}

export function errorText(e: unknown, ui: UiText): string {
  if (e instanceof NoRosterError) return ui.status.noRoster(e.looked.map((l) => l.sheet).join("、") || "—");
  if (e instanceof Error && e.name === "NothingToRevertError") return ui.fixes.nothingToRevert;
  if (isCancelled(e)) return ui.progress.cancelled;
  // Edge errors (unreadable file, a plan that no longer fits, a batch already reverted) in the pane's language.
  const lang = (Object.keys(UI_TEXT) as Lang[]).find((l) => UI_TEXT[l] === ui) ?? "en";
  if (isEdgeError(e)) return ui.status.failed(describeError(e, lang));
  const reason = e instanceof Error ? e.message : typeof e === "string" ? e : JSON.stringify(e);
  return ui.status.failed(reason || String(e));
}
