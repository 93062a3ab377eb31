// When the live re-check runs: after the workbook has been quiet for a while, never while another operation runs (its
// edits are that operation's own writes). An edit while a re-check runs, or right after it, is never dropped: another
// re-check follows (the re-check writes no roster cells, so what arrives then is the user's). Which events count at
// all (not a co-author's, not this add-in's own) is decided before poke. Pure (timers passed in), tested without Excel.

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface ScheduleOptions {
  /** Quiet time after the last edit before re-checking (ms). */
  readonly delayMs: number;
  /** Whether another operation (a fix, a manual check) is running: edits then are its own, and a due re-check waits. */
  readonly isBusy?: () => boolean;
  readonly timers?: Timers;
  readonly onError?: (e: unknown) => void;
}

/** A debounce with a busy gate: `poke()` on every edit; `run` is called once the edits stop. */
export class LiveSchedule {
  private timer: unknown;
  private running = false;
  /** An edit came while the re-check ran: another one follows it. */
  private dirty = false;
  private stopped = false;
  private readonly timers: Timers;

  constructor(private readonly run: () => Promise<void>, private readonly opts: ScheduleOptions) {
    this.timers = opts.timers ?? realTimers;
  }

  /** An edit happened. Returns whether a re-check will follow it. */
  poke(): boolean {
    if (this.stopped) return false;
    if (this.running) {
      this.dirty = true;
      return true;
    }
    if (this.opts.isBusy?.()) return false;
    this.arm();
    return true;
  }

  /** Whether a re-check is waiting or running. */
  get pending(): boolean {
    return this.timer !== undefined || this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => void this.fire(), this.opts.delayMs);
  }

  private async fire(): Promise<void> {
    this.timer = undefined;
    if (this.stopped) return;
    if (this.opts.isBusy?.()) {
      this.arm();
      return;
    }
    this.running = true;
    this.dirty = false;
    try {
      await this.run();
    } catch (e) {
      this.opts.onError?.(e);
    } finally {
      this.running = false;
      if (this.dirty && !this.stopped) {
        this.dirty = false;
        this.arm();
      }
    }
  }
}
