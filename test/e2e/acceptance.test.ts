// Issue 9's acceptance in Chromium on the fake (which holds Excel's rules: very hidden sheets, undo groups, cell-edit
// mode, the web's 5 MB payloads, Text cells, protection), with ExcelApi 1.9 and 1.20: on the example and on a
// 100,000-row roster (every phone in full-width digits: 100,000 fixes and more), check, fix, revert (every cell back,
// type included), clear, check again, summaries for another date and the ribbon command succeed. On the big roster
// the figures are printed: syncs, largest request, the add-in's own time (wall time less the time inside the fake's
// syncs), and how soon a cancel among the fix's writes stops them.
import type { Page } from "playwright-core";
import { Example, loadExample } from "./example";
import { Harness, ensureBuild, hasChromium } from "./harness";
import { describeUi, until } from "./ui";
import type { FakeOfficeOptions } from "../fakes/office-browser";

const BIG_SHEET = "党员花名册";
const MB = 1024 * 1024;
const LIMIT = 5 * MB;

interface Case {
  readonly name: string;
  readonly api: string;
  readonly big: boolean;
}

/** The 100,000-row runs take minutes of a shared machine: with E2E_BIG=1 (or -t naming them) only. */
const BIG = process.env.E2E_BIG === "1";
if (!BIG) console.warn("the 100,000-row acceptance runs are skipped: E2E_BIG=1 npx jest test/e2e/acceptance.test.ts runs them");

const CASES: Case[] = [
  { name: "the example", api: "1.20", big: false },
  { name: "the example", api: "1.9", big: false },
  ...(BIG ? [{ name: "a 100,000-row roster", api: "1.20", big: true }, { name: "a 100,000-row roster", api: "1.9", big: true }] : []),
];

const sheetOf = (formula: string): string => /^='?((?:[^']|'')+?)'?!/.exec(formula)![1].replace(/''/g, "'");

describeUi("issue 9 acceptance in Chromium", hasChromium(), () => {
  let ex: Example;
  let dist: Awaited<ReturnType<typeof ensureBuild>>;

  beforeAll(async () => {
    ex = await loadExample();
    dist = await ensureBuild();
  }, 15 * 60_000);

  describe.each(CASES)("$name, ExcelApi $api, the web's limits", ({ api, big }) => {
    let h: Harness;
    let page: Page;
    let rosters: string[];
    let before: string;
    const office: FakeOfficeOptions = { apiVersion: api, ...(big ? { bigRoster: { sheet: BIG_SHEET, members: 100_000, fullWidthPhones: true } } : {}) };
    const typed = (p: Page) => p.evaluate((rs) => rs.map((r) => window.__fakeOffice!.typedRows(r)).join("\n"), rosters);
    const syncs = (p: Page) => p.evaluate(() => window.__fakeOffice!.syncs);
    const stats = (p: Page, from: number) => p.evaluate((f) => window.__fakeOffice!.stats(f), from);
    const ours = (p: Page) => p.evaluate(() => Object.keys(window.__fakeOffice!.names()).filter((n) => n.startsWith("_RosterAssistant_")));
    const T = big ? 600_000 : 60_000;

    beforeAll(async () => {
      h = await Harness.start(`acceptance-${big ? "big" : "example"}-${api}`, { root: dist, workbook: big ? { sheets: [{ name: "Sheet1", rows: [] }] } : ex.json, office });
      page = await h.open("/taskpane.html");
      await page.getByTestId("check-button").waitFor({ timeout: 60_000 });
      rosters = big ? [BIG_SHEET] : ex.rosters;
      before = await typed(page);
    }, 15 * 60_000);
    afterAll(async () => h?.close());

    it("check, fix, revert (every cell back, type included), clear, check again", async () => {
      await page.getByTestId("check-button").click();
      await page.getByTestId("count-error").waitFor({ timeout: T });
      await until(page, () => window.__fakeOffice!.names()._RosterAssistant_issues !== undefined, null, T);

      const s0 = await syncs(page);
      const t0 = Date.now();
      await page.getByTestId("fix-apply-button").click();
      await page.getByTestId("fix-batch").waitFor({ timeout: T });
      const wall = Date.now() - t0;
      const fix = await stats(page, s0);
      expect(fix.maxRequestBytes).toBeLessThan(LIMIT);
      expect(fix.maxResponseBytes).toBeLessThan(LIMIT);
      expect(await typed(page)).not.toBe(before);
      if (big) {
        console.log(`ExcelApi ${api}, 100,000-row roster, fix (click to done: check, log, writes, re-check): ${fix.syncs} syncs, largest request ${(fix.maxRequestBytes / MB).toFixed(2)} MB, ` +
          `largest response ${(fix.maxResponseBytes / MB).toFixed(2)} MB, wall ${(wall / 1000).toFixed(1)} s, add-in's own ${((wall - fix.hostMs) / 1000).toFixed(1)} s`);
      }
      await h.screenshot(page, "fixed");

      const s1 = await syncs(page);
      await page.getByTestId("revert-button").click();
      await until(page, (w) => w.rosters.map((r) => window.__fakeOffice!.typedRows(r)).join("\n") === w.before, { rosters, before }, T);
      expect(await typed(page)).toBe(before);
      if (big) {
        const r = await stats(page, s1);
        console.log(`ExcelApi ${api}, revert: ${r.syncs} syncs, largest request ${(r.maxRequestBytes / MB).toFixed(2)} MB`);
      }
      await page.getByTestId("status-message").waitFor({ timeout: T });

      // clear keeps the change log (issue 8: revert keeps working), and only it
      await page.getByTestId("clear-button").click();
      await until(page, () => !Object.keys(window.__fakeOffice!.names()).some((n) => n.startsWith("_RosterAssistant_") && n !== "_RosterAssistant_changelog"), null, T);
      expect((await ours(page)).filter((n) => n !== "_RosterAssistant_changelog")).toEqual([]);
      expect(await typed(page)).toBe(before);

      await page.getByTestId("check-button").click();
      await until(page, () => window.__fakeOffice!.names()._RosterAssistant_issues !== undefined, null, T);
      expect(await page.evaluate(() => window.__fakeOffice!.errors)).toEqual([]);
      await h.screenshot(page, "checked-again");
    }, 30 * 60_000);

    it("summaries for another date", async () => {
      console.log(`ExcelApi ${api}${big ? ", 100,000 rows" : ""}: summaries`);
      if (big) {
        // A fresh pane over a fresh copy of the roster: the first page's fake holds the change log of 320,000 entries
        // the fix and the revert wrote, more than this shared machine's browser handles well.
        await page.close();
        page = await h.open("/taskpane.html", office);
        await page.getByTestId("check-button").waitFor({ timeout: 60_000 });
      }
      await page.getByTestId("tab-summaries").click();
      await page.getByTestId("asof-input").fill("2024-06-30");
      await page.getByTestId("write-summaries-button").click({ timeout: T });
      await page.getByTestId("status-message").waitFor({ timeout: T });
      await h.screenshot(page, "summaries");
      // The status says it is written as of that day; on the example, the summary sheet says so too.
      await until(page, () => /2024-06-30/.test(document.querySelector('[data-testid="status-message"]')?.textContent ?? ""), null, T);
      if (!big) {
        const f = await page.evaluate(() => window.__fakeOffice!.names()._RosterAssistant_summary.formula);
        expect(JSON.stringify(await page.evaluate((sheet) => window.__fakeOffice!.rows(sheet), sheetOf(f)))).toContain("2024-06-30");
      }
      await page.getByTestId("tab-check").click();
    }, 30 * 60_000);

    it("the ribbon command completes and shows its outcome", async () => {
      console.log(`ExcelApi ${api}${big ? ", 100,000 rows" : ""}: ribbon command`);
      const cmd = await h.open("/commands.html", office);
      await until(cmd, () => typeof window.__fakeOffice?.actions.checkRoster === "function", null);
      const done = await cmd.evaluate((t) => window.__fakeOffice!.invoke("checkRoster", t).then((r) => r.completed), T);
      expect(done).toBe(true);
      const dialogs = await cmd.evaluate(() => window.__fakeOffice!.dialogs);
      expect(new URL(dialogs[0].url).pathname).toBe("/dialog.html");
      // The example is checked in place; the 100,000-row workbook is handed to the pane (no progress in a command).
      if (!big) expect(await cmd.evaluate(() => window.__fakeOffice!.names()._RosterAssistant_issues !== undefined)).toBe(true);
      else expect(decodeURIComponent(dialogs[0].url)).toMatch(/100[,，]?0\d\d/);
      await cmd.close();
    }, 30 * 60_000);

    if (big && api === "1.20") {
      it("a cancel among the fix's writes stops them within a second, and the batch is put back whole", async () => {
        console.log("cancel: a slow workbook (150 ms a request), check, fix, cancel");
        const slow = await h.open("/taskpane.html", { ...office, syncDelayMs: 150 });
        await slow.getByTestId("check-button").click();
        await slow.getByTestId("count-error").waitFor({ timeout: T });
        const start = await typed(slow);
        console.log("cancel: checked; applying the fixes");
        await slow.getByTestId("fix-apply-button").click();
        // Cells are being written: the progress beside the fix buttons counts them.
        await until(slow, () => /\d[\d,]*\s*\/\s*\d/.test(document.querySelector('[data-testid="progress"]')?.textContent ?? ""), null, T);
        console.log("cancel: cells are being written; cancelling");
        const clicked = await slow.evaluate(() => {
          const t = performance.now();
          (document.querySelector('[data-testid="cancel-button"]') as HTMLButtonElement).click();
          return t;
        });
        // Either the writes stop (the progress turns to putting back) or the click came as the last request
        // returned: then the writes are done, the batch is whole and the re-check runs on (no cancel offered).
        await until(slow, () => /正在撤销|正在写入标记/.test(document.querySelector('[data-testid="progress"]')?.textContent ?? ""), null, T);
        const stopped = await slow.evaluate(() => performance.now());
        const reverted = /正在撤销/.test((await slow.getByTestId("progress").textContent()) ?? "");
        await slow.getByTestId("progress").waitFor({ state: "detached", timeout: T });
        const done = await slow.evaluate(() => performance.now());
        if (reverted) {
          console.log(`cancel among the 100,000 fixes' writes: stopped ${((stopped - clicked) / 1000).toFixed(2)} s after the click, put back and logged ${((done - clicked) / 1000).toFixed(1)} s after it`);
          expect(stopped - clicked).toBeLessThan(1000);
          expect(await typed(slow)).toBe(start);
          expect((await slow.getByTestId("status-message").textContent()) ?? "").toMatch(/撤回/);
        } else {
          console.log("cancel came as the last write returned: the batch is whole, logged as applied");
          await slow.getByTestId("fix-batch").waitFor({ timeout: T });
        }
        await h.screenshot(slow, "cancelled-fix");
        await slow.close();
      }, 30 * 60_000);
    }

    it("asked nothing of the network but office.js, and no page threw", () => {
      expect(h.blocked).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    });
  });
});
