// The old-webview bootstrap in Chromium: pages served as webpack builds them, with an engine without ES2020 simulated
// (the page's Function refuses `?.` and `??`, as Internet Explorer's parser does) or the modern bundle blocked: the
// pane shows, in the user's language, what to do instead; the ribbon button opens the dialog with the same message
// and completes. Screenshots go to test-output/e2e/legacy-*.png.
import type { Page } from "playwright-core";
import { UI_TEXT } from "../../src/i18n/ui-text";
import { Harness, ensureBuild, hasChromium } from "./harness";
import { describeUi, until } from "./ui";

/** Makes the page's engine refuse ES2020 syntax in new Function, as an ES5 engine's parser would. */
const OLD_ENGINE = `(function () {
  var F = window.Function;
  var Old = function () {
    var src = String(arguments[arguments.length - 1]);
    if (/\\?\\.|\\?\\?/.test(src)) throw new SyntaxError("Expected identifier");
    return F.apply(this, arguments);
  };
  Old.prototype = F.prototype;
  window.Function = Old;
})();`;

const BUNDLE = /\/(taskpane|commands|dialog)\.[0-9a-f]{8}\.js$/;

describeUi("the old-webview bootstrap in Chromium", hasChromium(), () => {
  let h: Harness;

  beforeAll(async () => {
    const dist = await ensureBuild();
    h = await Harness.start("legacy", { root: dist, workbook: { sheets: [{ name: "Sheet1", rows: [["姓名"]] }] } });
  }, 15 * 60_000);
  afterAll(async () => h?.close());

  async function open(path: string, opts: { oldEngine: boolean; blockBundle: boolean }): Promise<Page> {
    const page = await h.context.newPage();
    if (opts.oldEngine) await page.addInitScript({ content: OLD_ENGINE });
    if (opts.blockBundle) await page.route(BUNDLE, (r) => r.abort("blockedbyclient"));
    await page.goto(new URL(path, h.origin).toString(), { waitUntil: "load" });
    return page;
  }

  it.each([
    { name: "an engine without ES2020: the task pane says what to do, in Chinese", path: "/taskpane.html", lang: "zh-CN" as const, oldEngine: true, blockBundle: false },
    { name: "an engine without ES2020, English asked for", path: "/taskpane.html?lang=en", lang: "en" as const, oldEngine: true, blockBundle: false },
    { name: "the modern bundle blocked: the same message, not a blank pane", path: "/taskpane.html?lang=zh-TW", lang: "zh-TW" as const, oldEngine: false, blockBundle: true },
    { name: "an engine without ES2020: the dialog page", path: "/dialog.html?lang=zh-CN", lang: "zh-CN" as const, oldEngine: true, blockBundle: true },
  ])("$name", async ({ path, lang, oldEngine, blockBundle }) => {
    const page = await open(path, { oldEngine, blockBundle });
    const msg = page.getByTestId("legacy-message");
    await msg.waitFor({ timeout: 30_000 });
    const text = (await msg.textContent()) ?? "";
    expect(text).toContain(UI_TEXT[lang].legacy.title);
    expect(text).toContain("roster check");
    expect(await page.getByTestId("check-button").count()).toBe(0);
    await h.screenshot(page, `${lang}-${oldEngine ? "old-engine" : "blocked"}`);
    await page.close();
  });

  it("on a modern engine the pane starts as before (the bootstrap steps aside)", async () => {
    const page = await open("/taskpane.html", { oldEngine: false, blockBundle: false });
    await page.getByTestId("check-button").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("legacy-message").count()).toBe(0);
    await page.close();
  });

  it("an engine without ES2020: the ribbon button opens the dialog with the message and completes", async () => {
    const page = await open("/commands.html", { oldEngine: true, blockBundle: true });
    await until(page, () => typeof window.__fakeOffice?.actions.checkRoster === "function", null);
    const done = await page.evaluate(() => window.__fakeOffice!.invoke("checkRoster", 20_000).then((r) => r.completed));
    expect(done).toBe(true);
    const url = await page.evaluate(() => window.__fakeOffice!.dialogs[0].url);
    expect(new URL(url).pathname).toBe("/dialog.html");
    await page.close();
  });
});
