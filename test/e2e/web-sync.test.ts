// The web page's 同步 tab (the pane's SyncTab over the file back end): a branch's GBK CSV previewed, one of its two
// updates kept, written as a logged batch (the download holds it: ExcelJS reads the kept phone and the other as it
// was), the sync reverted; the CSV export saves a file per table. No request beyond the page's own origin.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import iconv from "iconv-lite";
import type { Page } from "playwright-core";
import { uiText } from "../../src/i18n/ui-text";
import { webText } from "../../src/i18n/web-text";
import { openXlsx } from "../../src/workbook/xlsx";
import { excelJsCells } from "../helpers/package-parts";
import { EXAMPLE } from "./example";
import { hasChromium } from "./harness";
import { WebHarness, ensureWebBuild } from "./web-harness";

const SHEET = "铁安社区党员花名册";
const ui = uiText("en");
const web = webText("en");

(hasChromium() ? describe : describe.skip)("the web page's sync tab", () => {
  let h: WebHarness;
  let page: Page;
  let members: { name: string; id: string; phone: string }[];

  const save = async (p: Page): Promise<Uint8Array> => {
    const [download] = await Promise.all([p.waitForEvent("download"), p.getByRole("button", { name: web.download }).click()]);
    return new Uint8Array(readFileSync((await download.path())!));
  };

  beforeAll(async () => {
    const g = openXlsx(readFileSync(EXAMPLE), "example.xlsx").readSheet(SHEET);
    members = [3, 4].map((r) => ({ name: String(g.rows[r]![1]), id: String(g.rows[r]![5]), phone: String(g.rows[r]![11]) }));
    h = await WebHarness.start("sync", "served", await ensureWebBuild());
    page = await h.open("?lang=en");
    await page.getByLabel(web.fileLabel).setInputFiles(EXAMPLE);
    await page.getByText(web.loaded(basename(EXAMPLE), Math.ceil(readFileSync(EXAMPLE).length / 1024))).first().waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: ui.check.button }).click();
    await page.getByTestId("member-count").waitFor({ timeout: 60_000 });
  }, 5 * 60_000);
  afterAll(async () => h?.close());

  it("previews a GBK CSV, writes one of two updates, and reverts the sync", async () => {
    await page.getByTestId("tab-sync").click();
    const csv = ["姓名,身份证号,所在支部,联系电话", ...members.map((m, i) => `${m.name},${m.id},铁安社区,1380000000${i + 1}`)].join("\r\n");
    await page.getByTestId("sync-file").setInputFiles({ name: "铁安社区.csv", mimeType: "text/csv", buffer: iconv.encode(csv, "gbk") });
    await page.getByTestId("sync-updated").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("sync-updated-item").count()).toBe(2);
    await h.screenshot(page, "preview");
    await page.getByTestId("sync-updated-item").nth(1).click(); // the second update left out
    await page.getByTestId("sync-apply").click();
    await page.getByTestId("sync-revert").waitFor({ timeout: 60_000 });
    const synced = await excelJsCells(await save(page), SHEET);
    expect(synced.get("L4")).toBe("13800000001");
    expect(synced.get("L5")).toBe(members[1].phone);
    await h.screenshot(page, "applied");
    await page.getByTestId("sync-revert").click();
    await page.getByTestId("sync-revert").waitFor({ state: "detached", timeout: 60_000 });
    expect((await excelJsCells(await save(page), SHEET)).get("L4")).toBe(members[0].phone);
  }, 180_000);

  it("exports the tables as CSV files (UTF-8 with BOM), IDs masked", async () => {
    const downloads: { name: string; text: string }[] = [];
    page.on("download", async (d) => downloads.push({ name: d.suggestedFilename(), text: readFileSync((await d.path())!).toString("utf8") }));
    await page.getByTestId("export-button").click();
    for (let waited = 0; downloads.length === 0 && waited < 60_000; waited += 200) await page.waitForTimeout(200);
    await page.waitForTimeout(1000); // one file per table: the rest follow the first
    const roster = downloads.find((d) => d.name.includes(SHEET));
    expect(roster?.text.startsWith("\uFEFF")).toBe(true);
    expect(roster?.text).not.toContain(members[0].id);
    expect(h.blocked).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  }, 120_000);
});
