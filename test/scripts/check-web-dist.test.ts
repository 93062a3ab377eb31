// The web page's dist check (scripts/check-web-dist.mjs): a self-contained page with the CSP passes; a page that
// fetches anything, lacks the CSP or lets it connect, or holds a URL that could be fetched, fails, naming why.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SCRIPT = join(__dirname, "../../scripts/check-web-dist.mjs");
const CSP = "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; font-src 'none'; object-src 'none'";

function page(head: string, body = "", csp = CSP): string {
  const meta = csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : "";
  return `<!doctype html><html><head>${meta}${head}</head><body><div id="container"></div>${body}<script>var ns="http://www.w3.org/2000/svg";</script></body></html>`;
}

function check(html: string) {
  const dir = mkdtempSync(join(tmpdir(), "webdist-"));
  writeFileSync(join(dir, "roster.html"), html);
  return spawnSync(process.execPath, [SCRIPT, dir], { encoding: "utf8" });
}

describe("check-web-dist", () => {
  it("passes a self-contained page with the CSP (an inline icon, a namespace name in the bundle)", () => {
    const r = check(page('<link rel="icon" href="data:image/png;base64,AAAA"><style>body{margin:0}</style>'));
    expect([r.status, r.stderr]).toEqual([0, ""]);
  });

  it.each([
    ["a script from elsewhere", page('<script src="https://cdn.example.com/x.js"></script>'), /<script src=.*is not inlined/],
    ["a script beside the page", page('<script src="app.js"></script>'), /<script src="app.js".*is not inlined/],
    ["a stylesheet link", page('<link rel="stylesheet" href="style.css">'), /<link href="style.css".*is not inlined/],
    ["a remote font in a style", page("<style>@font-face{src:url(https://fonts.example.com/a.woff2)}</style>"), /a style fetches|external URL/],
    ["no CSP", page("", "", ""), /no Content-Security-Policy/],
    ["a CSP that lets it connect", page("", "", CSP.replace("connect-src 'none'", "connect-src *")), /lacks "connect-src 'none'"/],
    ["an analytics URL in the bundle", page("", '<script>fetch("https://stats.example.com/hit")</script>'), /external URL https:\/\/stats\.example\.com\/hit/],
  ])("fails %s", (_what, html, reason) => {
    const r = check(html);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(reason);
  });
});
