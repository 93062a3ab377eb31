// The web page where the browser is too old for its bundle: a missing feature (no Worker), or a bundle the engine
// cannot parse, shows the page's readable message in the language asked for, not a blank page; a current browser
// never sees it.
import { webText } from "../../src/i18n/web-text";
import { Lang } from "../../src/domain/vocabulary";
import { hasChromium } from "./harness";
import { WebHarness, ensureWebBuild } from "./web-harness";

/** The page with its bundle (the last inline script) swapped for one an old engine cannot parse. */
function unparsable(html: string): string {
  const at = html.indexOf("<script>", html.indexOf('<div id="container">'));
  return `${html.slice(0, at)}<script>class { #x = a?.b ?? c }</script>\n</body>\n</html>\n`;
}

const CASES: [string, Lang, (html: string) => string, string | undefined][] = [
  ["a browser without Worker", "en", (h) => h, "delete window.Worker;"],
  ["a bundle the engine cannot parse", "zh-CN", unparsable, undefined],
  ["a bundle the engine cannot parse", "zh-TW", unparsable, undefined],
];

(hasChromium() ? describe : describe.skip)("the web page in a browser too old for it", () => {
  it.each(CASES)("%s (%s): a readable message, not a blank page", async (_what, lang, edit, init) => {
    const html = Buffer.from(edit((await ensureWebBuild()).toString("utf8")));
    const h = await WebHarness.start(`old-${lang}`, "served", html, { width: 800, height: 500 });
    try {
      if (init) await h.context.addInitScript({ content: init });
      const page = await h.open(`?lang=${lang}`);
      await page.getByTestId("old-browser").waitFor({ timeout: 20_000 });
      expect(await page.getByRole("alert").textContent()).toBe(webText(lang).oldBrowser);
      await h.screenshot(page, "message");
    } finally {
      await h.close();
    }
  }, 120_000);

  it("a current browser never sees the message", async () => {
    const h = await WebHarness.start("old-control", "served", await ensureWebBuild(), { width: 800, height: 500 });
    try {
      const page = await h.open("?lang=en");
      await page.getByLabel(webText("en").fileLabel).waitFor({ timeout: 20_000 });
      await page.waitForTimeout(300);
      expect(await page.getByTestId("old-browser").count()).toBe(0);
    } finally {
      await h.close();
    }
  }, 120_000);
});
