// 100,000 fixes on a 100,000-row roster through the Excel use cases, on the fake with Excel on the web's 5 MB limits:
// every request and response under the limit, the add-in's own time (wall time less the time spent inside the fake's
// syncs) measured, revert brings every cell back exactly (type included), and a cancel among the cell writes stops
// them within a second and leaves the batch not applied at all, logged as put back.
import { applyFixesInExcel, revertBatchInExcel } from "../../src/app/excel-fix";
import { CancelledError } from "../../src/app/excel-run";
import { readLog } from "../../src/app/excel-check";
import { runInWorkbook } from "../../src/workbook/office";
import { Fake, WEB_PAYLOAD_LIMIT } from "../fakes/excel-fake";
import { putRoster } from "./roster-fixture";
import { setup } from "./office-helpers";

const TODAY = "2025-12-31";
const TIME = "2025-12-31 10:00:00";
const SHEET = "花名册";
const MEMBERS = 100_000;

function bigRoster(opts: { syncDelayMs?: number } = {}): { fake: Fake; before: string } {
  const fake = setup({ sheets: [SHEET], syncDelayMs: opts.syncDelayMs });
  putRoster(fake, SHEET, MEMBERS, { fullWidthPhones: true, formulaEvery: 100_000_000 });
  return { fake, before: JSON.stringify(cells(fake)) };
}

/** Every cell of the roster with its type. */
function cells(fake: Fake): unknown[][] {
  return fake.rows(SHEET).map((row) => row.map((v) => (v === undefined ? null : [typeof v, v])));
}

const hostMs = (fake: Fake, from: number) => fake.syncs.slice(from).reduce((n, s) => n + s.hostMs, 0);

describe("100,000 fixes", () => {
  it("applied under the web's limits in a few seconds of the add-in's own time; revert puts every cell back", async () => {
    const { fake, before } = bigRoster();
    const start = fake.syncs.length;
    const t0 = performance.now();
    const marks: string[] = [];
    let last = "";
    const fix = await applyFixesInExcel({ today: TODAY, time: TIME, onProgress: (p) => {
      if (p.step !== last) marks.push(`${p.step}@${((performance.now() - t0) / 1000).toFixed(1)}s/host ${(hostMs(fake, start) / 1000).toFixed(1)}s`);
      last = p.step;
    } });
    console.log(marks.join(" "));
    const wall = performance.now() - t0;
    const s = fake.stats(start);
    const own = wall - hostMs(fake, start);
    console.log(`100,000 fixes: ${fix.applied.length} applied, ${s.syncs} syncs, largest request ${(s.maxRequestBytes / 1048576).toFixed(2)} MB, ` +
      `largest response ${(s.maxResponseBytes / 1048576).toFixed(2)} MB, wall ${(wall / 1000).toFixed(1)} s, add-in's own ${(own / 1000).toFixed(1)} s`);
    expect(fix.applied.length).toBeGreaterThanOrEqual(MEMBERS);
    expect(s.maxRequestBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(s.maxResponseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(fake.cell(SHEET, "L4").value).toMatch(/^139\d{8}$/);

    const r0 = fake.syncs.length;
    const t1 = performance.now();
    await revertBatchInExcel({ today: TODAY, time: TIME });
    console.log(`revert of 100,000 fixes: ${fake.syncs.length - r0} syncs, wall ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    expect(JSON.stringify(cells(fake))).toBe(before);
  }, 600_000);

  it("cancelled among the cell writes: stopped within a second, the batch put back whole and logged so", async () => {
    const { fake, before } = bigRoster({ syncDelayMs: 60 });
    const ac = new AbortController();
    let cancelledAt = 0;
    let writtenAtCancel = 0;
    let writesStoppedAt = 0;
    const run = applyFixesInExcel({
      today: TODAY, time: TIME, signal: ac.signal,
      onProgress: (p) => {
        if (p.step === "fixing" && p.done !== undefined && p.done > 0 && !cancelledAt) {
          cancelledAt = performance.now();
          writtenAtCancel = p.done;
          ac.abort();
        }
        if (p.step === "reverting" && !writesStoppedAt) writesStoppedAt = performance.now();
      },
    });
    const err = await run.then(() => undefined, (e: unknown) => e);
    const stoppedAt = performance.now();
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).revertedBatch).toBe(1);
    expect(writtenAtCancel).toBeGreaterThan(0);
    expect(writesStoppedAt - cancelledAt).toBeLessThan(1000);
    expect(JSON.stringify(cells(fake))).toBe(before);
    const log = await runInWorkbook(async (wb) => readLog(await wb.source()));
    expect(new Set(log.filter((e) => e.batch === 1).map((e) => e.reverted))).toEqual(new Set([true]));
    expect(log.some((e) => e.batch === 2 && e.source === "revert")).toBe(true);
    console.log(`cancel among 100,000 fix writes (${writtenAtCancel} written): writes stopped ${((writesStoppedAt - cancelledAt) / 1000).toFixed(2)} s after the click, ` +
      `put back and logged ${((stoppedAt - cancelledAt) / 1000).toFixed(2)} s after it`);
  }, 600_000);
});
