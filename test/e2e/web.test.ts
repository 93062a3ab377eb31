// The web page (dist/web/roster.html) in headless Chromium, served from 127.0.0.1 and opened from file://, in English
// and both Chinese scripts: the example workbook loaded by the file input or dropped, checked (the member count and
// the engine's counts on the page), an issue clicked (its row highlighted in the preview), fixes previewed with one
// kind left out, applied, reverted and applied again, summaries for a chosen date, the download read back by
// LibreOffice and ExcelJS (fixes in, flags and the product's sheets there, every other part byte-identical to the
// input), flags cleared; no request beyond the page's own origin. Screenshots: test-output/web/<mode>-<lang>-NN-*.png.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Page } from "playwright-core";
import { checkAndWrite } from "../../src/app/write-workbook";
import { FIX_KINDS, FixKind } from "../../src/domain/fix-kinds";
import { Report } from "../../src/domain/report-schema";
import { Lang } from "../../src/domain/vocabulary";
import { uiText } from "../../src/i18n/ui-text";
import { webText } from "../../src/i18n/web-text";
import { UI_TEXT } from "../../src/i18n/ui-text";

const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
import { FLAG_MARK } from "../../src/workbook/xlsx-write/flag-sheet";
import { openXlsx } from "../../src/workbook/xlsx";
import { MAY_CHANGE, excelJsCells, hasTool, libreOfficeSheets, parts, sameBytes } from "../helpers/package-parts";
import { shownAfterFix } from "../helpers/shown-after-fix";
import { EXAMPLE } from "./example";
import { TODAY, hasChromium } from "./harness";
import { countOf } from "./ui";
import { WebHarness, WebMode, dropFile, ensureWebBuild } from "./web-harness";

const NAME = basename(EXAMPLE);
const INPUT = new Uint8Array(readFileSync(EXAMPLE));
/** The kind of fix the tests leave out, to see the choice of kinds honoured. */
const LEFT_OUT: FixKind = "spaces";
const KINDS = FIX_KINDS.filter((k) => k !== LEFT_OUT);
const AS_OF = "2025-06-30";

const CASES: [WebMode, Lang, "input" | "drop"][] = [
  ["served", "en", "input"],
  ["file", "en", "drop"],
  ["file", "zh-CN", "input"],
  ["served", "zh-TW", "drop"],
];

const sheetNames = (bytes: Uint8Array) => openXlsx(bytes, NAME).sheets.map((s) => s.name);
const partOf = (bytes: Uint8Array, sheet: string) => openXlsx(bytes, NAME).sheets.find((s) => s.name === sheet)!.part;

(hasChromium() ? describe : describe.skip).each(CASES)("the web page %s, in %s, the file given by %s", (mode, lang, how) => {
  const ui = uiText(lang);
  const web = webText(lang);
  let h: WebHarness;
  let page: Page;
  /** What the engine finds in Node: the check, and the fix of the kinds chosen. */
  let checked: Report;
  let fixed: Report;
  let downloaded: Uint8Array;

  beforeAll(async () => {
    const html = await ensureWebBuild();
    checked = (await checkAndWrite(INPUT, NAME, { today: TODAY }, { time: "2025-12-31T10:00:00+08:00" })).report;
    fixed = (await checkAndWrite(INPUT, NAME, { today: TODAY, fix: KINDS }, { time: "2025-12-31T10:00:00+08:00" })).report;
    h = await WebHarness.start(`${mode}-${lang}`, mode, html);
    page = await h.open(`?lang=${lang}`);
  }, 5 * 60_000);
  afterAll(async () => h?.close());

  it("opens with a labelled file input, the Check button, and Download not yet offered", async () => {
    await page.getByLabel(web.fileLabel).waitFor({ timeout: 30_000 });
    expect(await page.getByLabel(web.fileLabel).getAttribute("type")).toBe("file");
    expect(await page.getByRole("button", { name: ui.check.button }).count()).toBe(1);
    expect(await page.getByRole("button", { name: web.download }).isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await h.screenshot(page, "open");
  });

  it(`loads the example (${how}) and Check shows its members and the engine's counts`, async () => {
    if (how === "input") await page.getByLabel(web.fileLabel).setInputFiles(EXAMPLE);
    else await dropFile(page, "drop-zone", NAME, INPUT);
    await page.getByText(web.loaded(NAME, Math.ceil(INPUT.length / 1024))).first().waitFor();
    await page.getByRole("button", { name: ui.check.button }).click();
    await page.getByText(web.members(checked.members), { exact: true }).waitFor({ timeout: 60_000 });
    expect(checked.members).toBe(199);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const i of checked.issues) counts[i.severity]++;
    expect({ error: await countOf(page, "count-error"), warning: await countOf(page, "count-warning"), info: await countOf(page, "count-info") }).toEqual(counts);
    expect(await page.getByRole("button", { name: web.download }).isEnabled()).toBe(true);
    await h.screenshot(page, "checked");
  });

  it("clicking an issue shows its row in the sheet preview, highlighted, its cell outlined", async () => {
    const items = page.getByTestId("issue-item");
    const picks = [0, Math.min(3, (await items.count()) - 1)];
    for (const k of picks) {
      const item = items.nth(k);
      const [sheet, cell] = [await item.getAttribute("data-sheet"), await item.getAttribute("data-cell")];
      expect(checked.issues.some((i) => i.sheet === sheet && `${i.column}${i.row}` === cell)).toBe(true);
      await item.click();
      const row = cell!.replace(/^[A-Z]+/, "");
      // the caption names the sheet and row clicked once their rows have arrived; then the one highlighted row is it
      await page.getByTestId("preview-caption").getByText(web.previewRow(sheet!, Number(row)), { exact: true }).waitFor();
      expect(await page.getByTestId("preview-hit").getAttribute("data-row")).toBe(row);
      expect(await page.getByTestId("preview-hit").getAttribute("aria-current")).toBe("true");
    }
    await h.screenshot(page, "issue");
  });

  it(`fixes: the preview offers the kinds chosen (${LEFT_OUT} left out); apply, revert, apply again`, async () => {
    await page.getByRole("checkbox", { name: new RegExp(`^${escapeRe(UI_TEXT[lang].fixes.kinds[LEFT_OUT])}（`) }).uncheck();
    await page.getByTestId("fix-preview-button").click();
    await page.getByTestId("fix-change").first().waitFor();
    expect(await page.getByTestId("fix-change").count()).toBe(Math.min(200, fixed.changes.length));
    expect(await page.getByText(ui.fixes.count(fixed.changes.length), { exact: true }).count()).toBe(1);
    await h.screenshot(page, "fix-preview");
    await page.getByTestId("fix-apply-button").click();
    await page.getByText(ui.fixes.applied(1, fixed.changes.length)).first().waitFor({ timeout: 60_000 });
    await h.screenshot(page, "fixed");
    await page.getByTestId("revert-button").click();
    await page.getByText(ui.fixes.reverted(1)).waitFor({ timeout: 60_000 });
    await page.getByTestId("fix-apply-button").click();
    // the revert was logged as batch 2; the fix again is batch 3
    await page.getByText(ui.fixes.applied(3, fixed.changes.length)).first().waitFor({ timeout: 60_000 });
  });

  it(`writes the summaries as of ${AS_OF}`, async () => {
    await page.getByTestId("tab-summaries").click();
    await page.getByTestId("asof-input").fill(AS_OF);
    await page.getByTestId("write-summaries-button").click();
    await page.getByText(ui.summaries.written(AS_OF)).waitFor({ timeout: 60_000 });
    await h.screenshot(page, "summaries");
    await page.getByTestId("tab-check").click();
  });

  it("downloads the checked workbook: fixes in, flags and the product's sheets there, every other part as it was", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: web.download }).click()]);
    expect(download.suggestedFilename()).toBe(web.downloadName(NAME));
    downloaded = new Uint8Array(readFileSync((await download.path())!));
    const rosters = checked.rosters.map((r) => r.sheet);
    const rosterParts = rosters.map((s) => partOf(INPUT, s));
    const before = parts(INPUT);
    const after = parts(downloaded);
    for (const [name, data] of before) {
      if (MAY_CHANGE.has(name) || rosterParts.includes(name) || rosterParts.some((p) => name === p.replace(/([^/]+)$/, "_rels/$1.rels"))) continue;
      expect([name, sameBytes(after.get(name), data)]).toEqual([name, true]);
    }
    for (const p of rosterParts) expect([p, Buffer.from(after.get(p)!).toString("utf8").includes(FLAG_MARK)]).toEqual([p, true]);
    const names = sheetNames(downloaded);
    for (const s of [...sheetNames(INPUT), "名册问题", "名册汇总", "修改记录", "RosterAssistantFlags"]) expect([s, names.includes(s)]).toEqual([s, true]);
    // ExcelJS: each roster cell as it was, but the cells the fix changed, which hold the new values (a full date in
    // a column of date cells as a date cell: its serial)
    const shown = shownAfterFix(INPUT, NAME, fixed);
    for (const sheet of rosters) {
      const expected = new Map(await excelJsCells(INPUT, sheet));
      for (const c of fixed.changes.filter((x) => x.sheet === sheet)) expected.set(`${c.column}${c.row}`, shown(c));
      expect(await excelJsCells(downloaded, sheet)).toEqual(expected);
    }
  });

  (hasTool("soffice") ? it : it.skip)(`LibreOffice opens the download: every sheet, the summary as of ${AS_OF} with ${199} members, the fixed values`, () => {
    const sheets = libreOfficeSheets(downloaded);
    for (const s of sheetNames(downloaded).filter((n) => n !== "RosterAssistantFlags")) expect([s, sheets.has(s)]).toEqual([s, true]);
    const summary = sheets.get("名册汇总")!;
    expect(summary.some((row) => row.some((c) => c.includes(AS_OF)))).toBe(true);
    expect(summary.some((row) => row.includes(String(checked.members)))).toBe(true);
    const idFix = fixed.changes.find((c) => c.field === "idNumber");
    if (idFix) {
      const row = sheets.get(idFix.sheet)![idFix.row - 1];
      expect(row).toContain(idFix.to);
    }
  });

  it("Clear flags keeps the change log (revert still works); clearing it too, once confirmed, leaves the workbook's own sheets", async () => {
    const save = async () => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: web.download }).click()]);
      return new Uint8Array(readFileSync((await download.path())!));
    };
    await page.getByRole("button", { name: ui.clear.button, exact: true }).click();
    await page.getByText(ui.clear.done).waitFor({ timeout: 60_000 });
    await h.screenshot(page, "cleared");
    expect(sheetNames(await save())).toEqual([...sheetNames(INPUT), "修改记录"]);
    await page.getByTestId("clear-drop-log-button").click();
    await page.getByTestId("drop-log-question").waitFor({ timeout: 60_000 });
    await page.getByTestId("drop-log-confirm").click();
    await page.getByText(ui.clear.doneWithLog).waitFor({ timeout: 60_000 });
    expect(sheetNames(await save())).toEqual(sheetNames(INPUT));
  });

  it("made no request beyond its own origin, and threw no error", () => {
    expect(h.blocked).toEqual([]);
    expect(h.allowed.length).toBeGreaterThan(0);
    expect(h.pageErrors).toEqual([]);
  });
});
