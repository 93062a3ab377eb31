// The messages between the page and its engine worker. The page keeps the workbook's bytes (so cancelling, which
// ends the worker, loses nothing) and sends them with each request; the worker answers with the report and, for the
// operations that write, the new bytes.
import type { FixKind } from "../domain/fix-kinds";
import type { Report } from "../domain/report-schema";
import type { SyncReport } from "../domain/diff-schema";
import type { Lang } from "../domain/vocabulary";
import type { SyncPreviewView } from "../ui/SyncTab";

export interface CheckArgs {
  readonly today: string;
  readonly asOf?: string;
  readonly lang?: Lang;
  /** Local time for the change log ("2025-12-31T16:05:00+08:00"). */
  readonly time: string;
}

export type EngineRequest =
  | { readonly op: "check"; readonly args: CheckArgs }
  | { readonly op: "fix"; readonly args: CheckArgs; readonly kinds: readonly FixKind[] }
  | { readonly op: "revert"; readonly args: CheckArgs; readonly batch?: number }
  | { readonly op: "clear"; readonly dropLog: boolean }
  | { readonly op: "unreverted" }
  | { readonly op: "preview"; readonly sheet: string; readonly row: number; readonly around: number; readonly headerRow?: number }
  | { readonly op: "syncPreview"; readonly args: CheckArgs; readonly incoming: IncomingFile }
  | { readonly op: "syncApply"; readonly args: CheckArgs; readonly incoming: IncomingFile; readonly accept: SyncReport }
  | { readonly op: "export"; readonly args: CheckArgs; readonly maskIds: boolean };

/** A file to merge into the workbook (a branch's CSV, text or .xlsx). */
export interface IncomingFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A window of a sheet's rows as text, for the page's preview. */
export interface SheetWindow {
  readonly sheet: string;
  /** 1-based row number of rows[0]. */
  readonly firstRow: number;
  readonly rows: readonly (readonly string[])[];
  readonly columns: number;
  /** The sheet's header row when it lies above the window, else undefined. */
  readonly header?: readonly string[];
  readonly headerRow?: number;
}

export interface EngineResult {
  readonly report?: Report;
  /** The workbook after a writing operation. */
  readonly output?: Uint8Array;
  readonly batch?: number;
  readonly window?: SheetWindow;
  readonly sync?: SyncPreviewView;
  /** The changes the change log could still revert. */
  readonly unreverted?: number;
  readonly synced?: { readonly updates: number; readonly additions: number };
  /** Files to save (the CSV export). */
  readonly files?: readonly IncomingFile[];
}

/** Page -> worker. */
export interface EngineCall {
  readonly id: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly request: EngineRequest;
}

/** Worker -> page: progress (a step and the sheet read), the result, or the error as name and message. */
export type EngineReply =
  | { readonly id: number; readonly kind: "progress"; readonly step: "reading" | "checking" | "writing" | "fixing" | "reverting" | "clearing"; readonly sheet?: string }
  /** A slice of the report's issues or changes, sent ahead of "done" (which then carries them empty): a big
   * report arrives as many small messages, none of which holds the page's thread for long. */
  | { readonly id: number; readonly kind: "part"; readonly field: "issues" | "changes"; readonly items: readonly unknown[] }
  | { readonly id: number; readonly kind: "done"; readonly result: EngineResult }
  | { readonly id: number; readonly kind: "error"; readonly name: string; readonly message: string; readonly looked?: { sheet: string; reason: string }[] };
