// scripts/check-dist.mjs: the built add-in (dist/, when built) passes; made-up builds with a missing page, a page
// without office.js or a stray URL fail.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const SCRIPT = join(__dirname, "../../scripts/check-dist.mjs");
const DIST = join(__dirname, "../../dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const check = (dir: string) => spawnSync(process.execPath, [SCRIPT, dir], { encoding: "utf8" });

const page = `<!doctype html><html><head><script src="${OFFICE_JS}"></script><script defer src="a.js"></script></head><body></body></html>`;
const GOOD: Record<string, string> = {
  "taskpane.html": page,
  "commands.html": page,
  "dialog.html": page,
  "help.html": "<!doctype html><p>help</p>",
  "manifest.xml": `<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"><SourceLocation DefaultValue="https://intranet.example/roster/taskpane.html"/><IconUrl DefaultValue="https://intranet.example/roster/assets/icon-32.png"/></OfficeApp>`,
  "assets/icon-32.png": "png",
  "a.js": `var ns="http://www.w3.org/2000/svg";`,
};

function build(files: Record<string, string | undefined>): string {
  const dir = mkdtempSync(join(tmpdir(), "dist-"));
  for (const [path, text] of Object.entries(files)) {
    if (text === undefined) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("check-dist", () => {
  // `npm test` runs `npm run build` first; a bare `npx jest` may not have a dist/ (never skipped under CI=true).
  (existsSync(join(DIST, "taskpane.html")) || process.env.CI === "true" ? it : it.skip)("passes the built dist/ (skipped until `npm run build` has run)", () => {
    const r = check(DIST);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("passes a made-up good build", () => {
    const r = check(build(GOOD));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it.each([
    { name: "a missing page", files: { "dialog.html": undefined }, problem: /dialog\.html is missing/ },
    { name: "no help page", files: { "help.html": undefined }, problem: /help\.html is missing/ },
    { name: "no icons", files: { "assets/icon-32.png": undefined }, problem: /assets/ },
    { name: "a page without office.js", files: { "commands.html": "<html><script src=a.js></script></html>" }, problem: /commands\.html: does not load office\.js/ },
    { name: "a script from another CDN", files: { "a.js": `import("https://unpkg.com/react")` }, problem: /a\.js:1: external URL https:\/\/unpkg\.com\/react/ },
    { name: "a font from the web in a page", files: { "help.html": `<style>@import url(https://fonts.googleapis.com/css?family=Noto)</style>` }, problem: /help\.html:1: external URL https:\/\/fonts\.googleapis\.com/ },
    { name: "a beacon", files: { "a.js": `navigator.sendBeacon("https://telemetry.example/x")` }, problem: /external URL https:\/\/telemetry\.example/ },
    { name: "another host in the manifest", files: { "manifest.xml": GOOD["manifest.xml"].replace("</OfficeApp>", `<SupportUrl DefaultValue="https://example.com/help"/></OfficeApp>`) }, problem: /manifest\.xml:1: external URL https:\/\/example\.com\/help/ },
    { name: "a manifest URL with no file in the build", files: { "manifest.xml": GOOD["manifest.xml"].replace("</OfficeApp>", `<IconUrl DefaultValue="https://intranet.example/roster/assets/icon-99.png"/></OfficeApp>`) }, problem: /manifest\.xml: https:\/\/intranet\.example\/roster\/assets\/icon-99\.png is not in the build/ },
    { name: "the manifest's host anywhere else", files: { "a.js": `fetch("https://intranet.example/roster/data")` }, problem: /a\.js:1: external URL https:\/\/intranet\.example/ },
  ])("fails $name", ({ files, problem }) => {
    const r = check(build({ ...GOOD, ...files }));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(problem);
  });
});
