// The harness proves itself on a page of its own (fixtures/probe.html): office.js is the fake, Excel.run reads the
// example workbook injected from Node, Range.select and dialogs are recorded, the clock shows the report date, and a
// request to anywhere else is aborted and recorded.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FakeWorkbookJson } from "../fakes/fake-json";
import { xlsxToFakeJson } from "../fakes/xlsx-to-fake";
import { Harness, ROOT, TODAY, hasChromium } from "./harness";

const FILE = join(ROOT, "examples/铁西街党员花名册.xlsx");

(hasChromium() ? describe : describe.skip)("the browser harness, on its probe page", () => {
  let h: Harness;
  let json: FakeWorkbookJson;

  beforeAll(async () => {
    json = await xlsxToFakeJson(readFileSync(FILE), "铁西街党员花名册.xlsx");
    h = await Harness.start("harness", { root: join(__dirname, "fixtures"), workbook: json });
  });
  afterAll(async () => h?.close());

  it("serves the fake as office.js: Excel.run reads the injected workbook; select and a dialog are recorded", async () => {
    const page = await h.open("/probe.html");
    const value = page.getByTestId("probe-value");
    await value.filter({ hasNotText: "…" }).waitFor();
    expect(await value.textContent()).toBe(json.sheets[0].rows[0]![0]);
    expect(await page.getByTestId("probe-host").textContent()).toBe("Excel");
    expect(await page.getByTestId("probe-lang").textContent()).toBe("zh-CN");
    expect(await page.getByTestId("probe-api").textContent()).toBe("true");
    expect(await page.getByTestId("probe-today").textContent()).toBe(TODAY);
    expect((await page.getByTestId("probe-sheets").textContent())?.split(" | ")).toEqual(json.sheets.map((s) => s.name));
    await h.screenshot(page, "probe");

    await page.getByTestId("probe-select").click();
    await page.waitForFunction(() => window.__fakeOffice?.selection?.address === "F7");
    expect(await page.evaluate(() => window.__fakeOffice!.selection)).toEqual({ sheet: json.sheets[1].name, address: "F7" });

    await page.getByTestId("probe-dialog").click();
    await page.waitForFunction(() => window.__fakeOffice!.dialogs.length === 1 && window.__fakeOffice!.dialogs[0].listening.length > 0);
    const dialog = await page.evaluate(() => window.__fakeOffice!.dialogs[0]);
    expect(h.local(dialog.url)).toBe("/probe.html?dialog=1");
    await page.evaluate(() => window.__fakeOffice!.dialogEvent(0, "dialogMessageReceived", { message: "ok" }));
    expect(await page.getByTestId("probe-value").textContent()).toBe("from dialog: ok");
    expect(h.pageErrors).toEqual([]);
  });

  it("aborts and records every request to anywhere but 127.0.0.1 and office.js", () => {
    expect(h.blocked).toEqual(["https://example.com/tracker.png"]);
    expect(h.served).toEqual(expect.arrayContaining(["/probe.html", "/probe.js"]));
  });
});
