// The task pane as webpack builds it, in headless Chromium over the fake Excel holding the example workbook: Check
// shows the engine's counts, an issue selects its cell, a fix is previewed, applied (roster cells and change log in
// the workbook) and reverted (cells back), Clear leaves no rules and no product sheets; the Summaries and Settings
// tabs, the live re-check's event registration, progress and Cancel on a slow workbook; nothing asked of the network
// but office.js. Screenshots of each step go to test-output/e2e/taskpane-*.png.
import type { Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { shownAfterFix } from "../helpers/shown-after-fix";
import { EXAMPLE, Example, countsAfterEdit, loadExample } from "./example";
import { Harness, ensureBuild, hasChromium } from "./harness";
import { countOf, describeUi, until } from "./ui";

const PRODUCT_NAME = /^_RosterAssistant_/;

describeUi("the task pane in Chromium, over the example workbook", hasChromium(), () => {
  let h: Harness;
  let ex: Example;
  let page: Page;
  /** The rosters' cells before the fix. */
  let before: string;

  const rosterRows = (p: Page): Promise<string> => p.evaluate((rosters) => JSON.stringify(rosters.map((r) => window.__fakeOffice!.rows(r))), ex.rosters);
  const ourNames = (p: Page): Promise<string[]> => p.evaluate(() => Object.keys(window.__fakeOffice!.names())).then((n) => n.filter((x) => PRODUCT_NAME.test(x)));

  beforeAll(async () => {
    ex = await loadExample();
    const dist = await ensureBuild();
    h = await Harness.start("taskpane", { root: dist, workbook: ex.json });
    page = await h.open("/taskpane.html");
    await page.getByTestId("check-button").waitFor({ timeout: 30_000 });
  }, 15 * 60_000);
  afterAll(async () => h?.close());

  it("loads with the fake in place of office.js: three tabs and the Check button", async () => {
    for (const t of ["tab-check", "tab-summaries", "tab-settings"]) expect([t, await page.getByTestId(t).count()]).toEqual([t, 1]);
    expect(await page.getByTestId("check-button").isEnabled()).toBe(true);
    await h.screenshot(page, "loaded");
  });

  it("Check shows the engine's counts for the example, its issue groups, and writes sheets and flags", async () => {
    await page.getByTestId("check-button").click();
    await page.getByTestId("count-error").waitFor({ timeout: 60_000 });
    const shown = { error: await countOf(page, "count-error"), warning: await countOf(page, "count-warning"), info: await countOf(page, "count-info") };
    expect(shown).toEqual(ex.counts);
    const codes = await page.getByTestId("issue-group").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
    expect(new Set(codes)).toEqual(new Set(ex.report.issues.map((i) => i.code)));
    await until(page, () => window.__fakeOffice!.names()._RosterAssistant_issues !== undefined, null);
    for (const r of ex.rosters) expect([r, (await page.evaluate((s) => window.__fakeOffice!.rules(s), r)).length > 0]).toEqual([r, true]);
    await h.screenshot(page, "checked");
  });

  it("clicking an issue selects its cell in Excel", async () => {
    const items = page.getByTestId("issue-item");
    if (!(await items.first().isVisible())) await page.getByTestId("issue-group").first().click();
    await items.first().waitFor({ state: "visible" });
    const visible = await items.evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => ({ sheet: e.getAttribute("data-sheet"), cell: e.getAttribute("data-cell") })));
    // The first item, and one on another sheet where one is shown.
    const picks = [visible[0], visible.find((v) => v.sheet !== visible[0].sheet)].filter((v): v is { sheet: string; cell: string } => !!v);
    for (const pick of picks) {
      expect(ex.report.issues.some((i) => i.sheet === pick.sheet && `${i.column}${i.row}` === pick.cell)).toBe(true);
      await items.and(page.locator(`[data-sheet="${pick.sheet}"][data-cell="${pick.cell}"]`)).first().click();
      await until(page, (w) => window.__fakeOffice!.selection?.sheet === w.sheet && window.__fakeOffice!.selection?.address === w.cell, pick);
    }
    await h.screenshot(page, "issue-selected");
  });

  it("previews and applies the fixes: the roster cells change, a change-log sheet is written", async () => {
    before = await rosterRows(page);
    await page.getByTestId("fix-preview-button").click();
    await page.getByTestId("fix-change").first().waitFor({ timeout: 60_000 });
    const previewed = await page.getByTestId("fix-change").count();
    expect(previewed).toBeGreaterThan(0);
    expect(previewed).toBeLessThanOrEqual(ex.report.changes.length);
    await h.screenshot(page, "fix-preview");

    await page.getByTestId("fix-apply-button").click();
    await page.getByTestId("fix-batch").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("fix-batch").textContent()).toMatch(/(^|\D)1(\D|$)/);
    const targets = ex.report.changes.map((c) => ({ sheet: c.sheet, cell: `${c.column}${c.row}` }));
    const now = await page.evaluate((ts) => ts.map((t) => {
      const v = window.__fakeOffice!.cell(t.sheet, t.cell).value;
      return v === undefined ? "" : String(v);
    }), targets);
    // a full date fixed into a column of date cells is a date cell (its serial), as in the file back end
    const shown = shownAfterFix(readFileSync(EXAMPLE), basename(EXAMPLE), ex.report);
    expect(now).toEqual(ex.report.changes.map(shown));
    const log = await page.evaluate(() => window.__fakeOffice!.names()._RosterAssistant_changelog?.formula);
    expect(log).toBeDefined();
    const logSheet = /^='?((?:[^']|'')+?)'?!/.exec(log!)![1].replace(/''/g, "'");
    expect(await page.evaluate(() => window.__fakeOffice!.sheetNames())).toContain(logSheet);
    expect((await page.evaluate((s) => window.__fakeOffice!.rows(s), logSheet)).length).toBeGreaterThan(ex.report.changes.length);
    await h.screenshot(page, "fix-applied");
  });

  it("reverts the batch: every roster cell is back as it was", async () => {
    await page.getByTestId("revert-button").click();
    await until(page, (w) => JSON.stringify(w.rosters.map((r) => window.__fakeOffice!.rows(r))) === w.before, { rosters: ex.rosters, before }, 60_000);
    expect(await rosterRows(page)).toBe(before);
    await h.screenshot(page, "reverted");
  });

  it("applies only the kinds of fix left ticked: dates unticked, no date cell changes; the batch reverts", async () => {
    const { fixKindOf } = await import("../../src/domain/fix-kinds");
    await page.getByTestId("fix-preview-button").click();
    await page.getByTestId("fix-kind-dates").waitFor({ timeout: 60_000 });
    await page.getByTestId("fix-kind-dates").uncheck(); // Fluent v9 puts the props on the input itself
    await h.screenshot(page, "fix-kinds");
    await page.getByTestId("fix-apply-button").click();
    await page.getByTestId("fix-batch").waitFor({ timeout: 60_000 });
    const value = (c: { sheet: string; column: string; row: number }) => page.evaluate((t) => {
      const v = window.__fakeOffice!.cell(t.sheet, t.cell).value;
      return v === undefined ? "" : String(v);
    }, { sheet: c.sheet, cell: `${c.column}${c.row}` });
    const dates = ex.report.changes.filter((c) => fixKindOf(c) === "dates");
    const others = ex.report.changes.filter((c) => fixKindOf(c) !== "dates");
    expect(dates.length).toBeGreaterThan(0);
    for (const c of dates.slice(0, 20)) expect(await value(c)).toBe(c.from);
    for (const c of others.slice(0, 20)) expect(await value(c)).toBe(c.to);
    await page.getByTestId("revert-button").click();
    await until(page, (w) => JSON.stringify(w.rosters.map((r) => window.__fakeOffice!.rows(r))) === w.before, { rosters: ex.rosters, before }, 60_000);
  });

  it("clears with the change log after asking, naming the changes it could still revert: no flag rules and no product sheets left, the rosters as they were", async () => {
    await page.getByTestId("clear-drop-log-button").click();
    await page.getByTestId("drop-log-question").waitFor({ timeout: 60_000 });
    // The batch was reverted above: nothing left to revert, and the question says so.
    expect(await page.getByTestId("drop-log-question").textContent()).toBe("修改记录中没有可撤销的修改。确定删除修改记录吗？");
    await page.getByTestId("drop-log-confirm").click();
    const original = ex.json.sheets.map((s) => s.name);
    await until(page, (w) => w.rosters.every((r) => window.__fakeOffice!.rules(r).length === 0) &&
      JSON.stringify(window.__fakeOffice!.sheetNames()) === JSON.stringify(w.original), { rosters: ex.rosters, original }, 60_000);
    expect(await ourNames(page)).toEqual([]);
    expect(await rosterRows(page)).toBe(before);
    await h.screenshot(page, "cleared");
  });

  it("Summaries: writes the summary sheet as of the date given", async () => {
    await page.getByTestId("tab-summaries").click();
    await page.getByTestId("asof-input").fill("2025-06-30");
    await page.getByTestId("write-summaries-button").click();
    await until(page, () => window.__fakeOffice!.names()._RosterAssistant_summary !== undefined, null, 60_000);
    const f = await page.evaluate(() => window.__fakeOffice!.names()._RosterAssistant_summary.formula);
    const sheet = /^='?((?:[^']|'')+?)'?!/.exec(f)![1].replace(/''/g, "'");
    expect(JSON.stringify(await page.evaluate((s) => window.__fakeOffice!.rows(s), sheet))).toContain("2025-06-30");
    await h.screenshot(page, "summaries");
  });

  it("Settings: one mapping row per field, a select for each, the language choice", async () => {
    await page.getByTestId("tab-settings").click();
    await page.getByTestId("mapping-row").first().waitFor({ timeout: 30_000 });
    const fields = await page.getByTestId("mapping-row").evaluateAll((els) => els.map((e) => e.getAttribute("data-field")));
    expect(fields.length).toBeGreaterThan(5);
    for (const f of fields) expect([f, await page.getByTestId(`mapping-select-${f}`).count()]).toEqual([f, 1]);
    expect(await page.getByTestId("lang-select").count()).toBe(1);
    expect(await page.getByTestId("save-settings-button").count()).toBe(1);
    await h.screenshot(page, "settings");
  });

  it("live re-check: registers for changes while on, re-checks after an edit to a roster, lets go when off", async () => {
    await page.getByTestId("tab-check").click();
    await page.getByTestId("check-button").click();
    await until(page, () => window.__fakeOffice!.names()._RosterAssistant_issues !== undefined, null, 60_000);
    await page.getByTestId("count-error").waitFor();
    await page.getByTestId("live-toggle").click();
    await until(page, () => window.__fakeOffice!.handlers().some((x) => x.event === "onChanged"), null);
    // The user types a three-digit phone number: the engine, run in Node on the same edit, says what the counts become.
    const [sheet, cell, input] = [ex.rosters[0], "L10", "123"];
    const want = await countsAfterEdit(ex.json, sheet, cell, input);
    expect(want).not.toEqual(ex.counts);
    const fired = await page.evaluate((e) => window.__fakeOffice!.edit(e.sheet, e.cell, e.input), { sheet, cell, input });
    expect(fired).toBeGreaterThan(0);
    await until(page, (w) => {
      const n = (id: string) => Number(/\d+/.exec(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "")?.[0]);
      return n("count-error") === w.error && n("count-warning") === w.warning && n("count-info") === w.info;
    }, want, 30_000);
    await h.screenshot(page, "live-rechecked");
    await page.getByTestId("live-toggle").click();
    await until(page, () => !window.__fakeOffice!.handlers().some((x) => x.event === "onChanged"), null);
  });

  it("on a slow workbook, Check shows progress and Cancel stops it before anything is written", async () => {
    const slow = await h.open("/taskpane.html");
    await slow.getByTestId("check-button").waitFor({ timeout: 30_000 });
    await slow.evaluate(() => window.__fakeOffice!.slow(400));
    await slow.getByTestId("check-button").click();
    await slow.getByTestId("progress").waitFor({ timeout: 10_000 });
    await h.screenshot(slow, "progress");
    await slow.getByTestId("cancel-button").click();
    await slow.getByTestId("progress").waitFor({ state: "detached", timeout: 30_000 });
    expect(await slow.evaluate(() => window.__fakeOffice!.sheetNames())).toEqual(ex.json.sheets.map((s) => s.name));
    expect(await ourNames(slow)).toEqual([]);
    expect(await slow.getByTestId("status-message").count()).toBeGreaterThan(0);
    await h.screenshot(slow, "cancelled");
    await slow.close();
  });

  it("on ExcelApi 1.9 (Excel 2021) a fix works without undo groups; on 1.20 it is one undo group", async () => {
    const old = await h.open("/taskpane.html", { apiVersion: "1.9" });
    expect(await old.evaluate(() => (globalThis as unknown as { Office: { context: { requirements: { isSetSupported(s: string, v: string): boolean } } } }).Office.context.requirements.isSetSupported("ExcelApi", "1.20"))).toBe(false);
    await old.getByTestId("check-button").click();
    await old.getByTestId("count-error").waitFor({ timeout: 60_000 });
    await old.getByTestId("fix-preview-button").click();
    await old.getByTestId("fix-change").first().waitFor({ timeout: 60_000 });
    await old.getByTestId("fix-apply-button").click();
    await old.getByTestId("fix-batch").waitFor({ timeout: 60_000 });
    const c = ex.report.changes[0];
    expect(await old.evaluate((t) => String(window.__fakeOffice!.cell(t.sheet, t.cell).value ?? ""), { sheet: c.sheet, cell: `${c.column}${c.row}` })).toBe(c.to);
    expect((await old.evaluate(() => window.__fakeOffice!.runs())).every((r) => !r.mergeUndoGroup)).toBe(true);
    await old.close();
    // The main page ran on 1.20: the cell writes of the fix and the revert were each one undo group; sheet swaps never
    // are (Excel refuses them in a group).
    const runs = await page.evaluate(() => window.__fakeOffice!.runs());
    const grouped = runs.filter((r) => r.mergeUndoGroup);
    expect(grouped.length).toBeGreaterThanOrEqual(2);
    expect(grouped.every((r) => r.undoSteps === 1)).toBe(true);
  });

  it("asked nothing of the network but office.js, and no page threw", () => {
    expect(h.blocked).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
