// What every Excel use case takes besides its own arguments: progress and cancellation, from the shell (task pane
// or ribbon command), and the clock readings the engine and the change log need (the app never reads the clock).
import { Lang } from "../domain/vocabulary";

/** The steps a use case reports, in the order they run. */
export type ProgressStep = "reading" | "checking" | "writing" | "fixing" | "reverting" | "clearing" | "saving" | "selecting";

export interface Progress {
  readonly step: ProgressStep;
  /** The sheet being read, where there is one. */
  readonly sheet?: string;
  /** Cells written so far, of `total` (fixing, reverting). */
  readonly done?: number;
  readonly total?: number;
}

export interface RunControl {
  /** Aborting stops the use case at its next checkpoint, always before it starts writing. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: Progress) => void;
}

/** The check's inputs from the caller's clock and choices. */
export interface CheckOptions extends RunControl {
  /** Today, yyyy-mm-dd (the default asOf). */
  readonly today: string;
  readonly asOf?: string;
  /** The language of the sheets written; default the settings sheet's, else the roster's own script. */
  readonly lang?: Lang;
}

/**
 * Thrown after the signal was aborted: nothing was written by the use case that threw it, or (`revertedBatch`) a fix
 * stopped among its cell writes had what it wrote put back, logged as that batch reverted.
 */
export class CancelledError extends Error {
  constructor(readonly revertedBatch?: number) {
    super(revertedBatch === undefined ? "cancelled before anything was written" : `cancelled; batch ${revertedBatch} was put back in full`);
    this.name = "CancelledError";
  }
}

/** Stops here when the caller cancelled; otherwise reports the step (if given). */
export function checkpoint(ctl: RunControl, p?: Progress): void {
  if (ctl.signal?.aborted) throw new CancelledError();
  if (p) ctl.onProgress?.(p);
}

const two = (n: number) => String(n).padStart(2, "0");

/** Local calendar day of `d`, yyyy-mm-dd. */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** Local time of `d` as the change log records it (2025-12-31 16:05:09): the log's one format, as the CLI's. */
export { logTime as localTime } from "../plan/change-log";
