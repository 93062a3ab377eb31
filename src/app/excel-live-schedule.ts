// When the live re-check runs: after the workbook has been quiet for a while, never while another operation runs,
// and not in answer to the events its own writes cause. Pure (timers passed in), so it is tested without Excel.

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
  /** Edits reported this soon after a re-check ended are taken as its own writes' echo (ms). */
  readonly graceMs: number;
  /** Whether another operation (a fix, a manual check) is running: edits then are its own, and a due re-check waits. */
  readonly isBusy?: () => boolean;
  readonly timers?: Timers;
  readonly onError?: (e: unknown) => void;
}

/** A debounce with a busy gate: `poke()` on every edit; `run` is called once the edits stop. */
export class LiveSchedule {
  private timer: unknown;
  private running = false;
  private quietUntil = 0;
  private stopped = false;
  private readonly timers: Timers;

  constructor(private readonly run: () => Promise<void>, private readonly opts: ScheduleOptions) {
    this.timers = opts.timers ?? realTimers;
  }

  /** An edit happened. Returns whether it (re)started the wait. */
  poke(): boolean {
    if (this.stopped || this.running || this.opts.isBusy?.() || this.timers.now() < this.quietUntil) return false;
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
    try {
      await this.run();
    } catch (e) {
      this.opts.onError?.(e);
    } finally {
      this.running = false;
      this.quietUntil = this.timers.now() + this.opts.graceMs;
    }
  }
}
