// The live re-check's debounce: one re-check after the edits stop, none while another operation runs, and none in
// answer to its own writes.
import { LiveSchedule, Timers } from "../../src/app/excel-live-schedule";

/** Timers on a clock the test moves. */
class FakeTimers implements Timers {
  t = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  set(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.t + ms, fn });
    return id;
  }
  clear(h: unknown): void {
    this.due.delete(h as number);
  }
  now(): number {
    return this.t;
  }
  /** Moves the clock, firing what falls due in order (and what those schedule). */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      const [id, d] = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || d!.at > end) break;
      this.due.delete(id);
      this.t = d!.at;
      d!.fn();
      await Promise.resolve();
      await Promise.resolve();
    }
    this.t = end;
  }
}

function setup(opts: { busy?: () => boolean; runMs?: number; fail?: boolean } = {}) {
  const timers = new FakeTimers();
  const runs: number[] = [];
  const errors: unknown[] = [];
  let release: (() => void) | undefined;
  const run = () => {
    runs.push(timers.now());
    if (opts.fail) return Promise.reject(new Error("boom"));
    return opts.runMs ? new Promise<void>((r) => (release = r)) : Promise.resolve();
  };
  const schedule = new LiveSchedule(run, { delayMs: 1000, isBusy: opts.busy, timers, onError: (e) => errors.push(e) });
  return { timers, runs, errors, schedule, finish: async () => { release?.(); await Promise.resolve(); await Promise.resolve(); } };
}

describe("LiveSchedule", () => {
  it.each([
    { name: "one edit: one re-check a delay later", edits: [0], runs: [1000] },
    { name: "edits in a burst: one re-check a delay after the last", edits: [0, 300, 600, 900], runs: [1900] },
    { name: "edits further apart than the delay: a re-check each", edits: [0, 2000], runs: [1000, 3000] },
  ])("$name", async ({ edits, runs }) => {
    const s = setup();
    for (const at of edits) {
      await s.timers.advance(at - s.timers.now());
      s.schedule.poke();
    }
    await s.timers.advance(5000);
    expect(s.runs).toEqual(runs);
  });

  it("ignores edits while another operation runs (its own writes)", async () => {
    let busy = true;
    const s = setup({ busy: () => busy });
    expect(s.schedule.poke()).toBe(false);
    await s.timers.advance(3000);
    expect(s.runs).toEqual([]);
    busy = false;
    expect(s.schedule.poke()).toBe(true);
    await s.timers.advance(1000);
    expect(s.runs).toEqual([4000]);
  });

  it("a re-check that falls due while another operation runs waits for it", async () => {
    let busy = false;
    const s = setup({ busy: () => busy });
    s.schedule.poke();
    await s.timers.advance(500);
    busy = true;
    await s.timers.advance(1500);
    expect(s.runs).toEqual([]);
    busy = false;
    await s.timers.advance(1000);
    expect(s.runs).toEqual([3000]);
  });

  it.each([
    { name: "during a re-check: another follows it", during: true, runs: [1000, 2000] },
    { name: "right after a re-check finishes: it is re-checked, not dropped", during: false, runs: [1000, 2000] },
  ])("an edit $name", async ({ during, runs }) => {
    const s = setup({ runMs: 1 });
    s.schedule.poke();
    await s.timers.advance(1000);
    expect(s.runs).toEqual([1000]);
    if (during) expect(s.schedule.poke()).toBe(true);
    await s.finish();
    if (!during) expect(s.schedule.poke()).toBe(true);
    await s.timers.advance(1000);
    await s.finish();
    expect(s.runs).toEqual(runs);
  });

  it("reports a failed re-check and carries on", async () => {
    const s = setup({ fail: true });
    s.schedule.poke();
    await s.timers.advance(1000);
    expect(s.errors).toHaveLength(1);
    await s.timers.advance(1000);
    expect(s.schedule.poke()).toBe(true);
  });

  it("does nothing once stopped", async () => {
    const s = setup();
    s.schedule.poke();
    s.schedule.stop();
    await s.timers.advance(5000);
    expect(s.runs).toEqual([]);
    expect(s.schedule.poke()).toBe(false);
    expect(s.schedule.pending).toBe(false);
  });
});
