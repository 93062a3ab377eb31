// The 同步 panel in headless Chromium over the fake Excel holding the example workbook: an incoming GBK CSV is
// previewed, one update rejected, the other applied (the roster cell changes, the change log gains a batch), then the
// sync reverted (the cell is back). Screenshots go to test-output/e2e/sync-*.png.
import iconv from "iconv-lite";
import type { Page } from "playwright-core";
import { openXlsx } from "../../src/workbook/xlsx";
import { readFileSync } from "node:fs";
import { EXAMPLE, loadExample } from "./example";
import { Harness, ensureBuild, hasChromium } from "./harness";
import { describeUi, until } from "./ui";

const SHEET = "铁安社区党员花名册";

describeUi("the 同步 panel in Chromium, over the example workbook", hasChromium(), () => {
  let h: Harness;
  let page: Page;
  let members: { name: string; id: string; phone: string }[];

  const cell = (p: Page, row0: number, col0: number): Promise<unknown> =>
    p.evaluate(([s, r, c]) => (window.__fakeOffice!.rows(s as string) as unknown[][])[r as number]?.[c as number], [SHEET, row0, col0] as const);

  beforeAll(async () => {
    const ex = await loadExample();
    const g = openXlsx(readFileSync(EXAMPLE), "example.xlsx").readSheet(SHEET);
    members = [3, 4].map((r) => ({ name: String(g.rows[r]![1]), id: String(g.rows[r]![5]), phone: String(g.rows[r]![11]) }));
    const dist = await ensureBuild();
    h = await Harness.start("sync", { root: dist, workbook: ex.json });
    page = await h.open("/taskpane.html");
    await page.getByTestId("tab-sync").waitFor({ timeout: 30_000 });
  }, 15 * 60_000);
  afterAll(async () => h?.close());

  it("previews a GBK CSV, applies one of two updates, reverts the sync", async () => {
    await page.getByTestId("tab-sync").click();
    const csv = ["姓名,身份证号,所在支部,联系电话", ...members.map((m, i) => `${m.name},${m.id},铁安社区,1380000000${i + 1}`)].join("\r\n");
    await page.getByTestId("sync-file").setInputFiles({ name: "铁安社区.csv", mimeType: "text/csv", buffer: iconv.encode(csv, "gbk") });
    await page.getByTestId("sync-updated").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("sync-updated-item").count()).toBe(2);
    expect(await page.getByTestId("sync-matched").textContent()).toContain("GB18030");
    await h.screenshot(page, "preview");
    await page.getByTestId("sync-updated-item").nth(1).click(); // reject the second update
    await page.getByTestId("sync-apply").click();
    await page.getByTestId("sync-revert").waitFor({ timeout: 60_000 });
    expect(await cell(page, 3, 11)).toBe("13800000001");
    expect(String(await cell(page, 4, 11))).toBe(members[1].phone);
    await until(page, () => window.__fakeOffice!.names()._RosterAssistant_changelog !== undefined, null);
    await h.screenshot(page, "applied");
    await page.getByTestId("sync-revert").click();
    await until(page, (p) => String((window.__fakeOffice!.rows("铁安社区党员花名册") as unknown[][])[3]?.[11]) === p, members[0].phone);
    await h.screenshot(page, "reverted");
    expect(h.pageErrors).toEqual([]);
  }, 180_000);
});
