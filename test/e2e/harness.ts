// The browser tests' harness: the task pane as webpack builds it (dist/, rebuilt when src/ is newer), served from
// 127.0.0.1 by node:http, opened in Debian's Chromium through playwright-core with the fake Excel (test/fakes/
// office-browser.ts, bundled by esbuild) served in place of office.js and every other outside request aborted and
// recorded. The fake's workbook is injected before any script runs. Screenshots go to test-output/e2e/.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { Browser, BrowserContext, Page, chromium } from "playwright-core";
import type { FakeOfficeOptions } from "../fakes/office-browser";
import type { FakeWorkbookJson } from "../fakes/fake-json";

export const ROOT = resolve(__dirname, "../..");
export const DIST = join(ROOT, "dist");
export const OUT = join(ROOT, "test-output/e2e");
export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The moment the browser's clock shows: the example's report date, in China. */
export const NOW = "2025-12-31T10:00:00+08:00";
export const TODAY = "2025-12-31";

/** Whether Chromium is here; when not, tests skip with a message, except under CI=true, where they fail. */
export function hasChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === "true") throw new Error(`${CHROMIUM} is missing, and CI=true requires the browser tests (apt-get install chromium)`);
  console.warn(`skipping the browser tests: ${CHROMIUM} not found (apt-get install chromium)`);
  return false;
}

/** What the task-pane build needs; empty when it is all there. */
export function missingUi(): string[] {
  const need = ["webpack.config.js", "src/taskpane/index.tsx", "src/commands", "src/ui"];
  return need.filter((p) => !existsSync(join(ROOT, p)));
}

let bundle: string | undefined;

/** The fake office.js: test/fakes/office-browser.ts bundled by esbuild as one IIFE for the browser. */
export async function fakeOfficeBundle(): Promise<string> {
  if (bundle) return bundle;
  const esbuild = require("esbuild") as typeof import("esbuild");
  const out = await esbuild.build({
    entryPoints: [join(ROOT, "test/fakes/office-browser.ts")], bundle: true, format: "iife", platform: "browser",
    target: "chrome110", write: false, sourcemap: "inline", logLevel: "silent",
  });
  bundle = out.outputFiles[0].text;
  return bundle;
}

/** The newest modification time in a tree (a file removed while walking, an editor's temporary one, counts as none). */
function newest(path: string): number {
  try {
    const st = statSync(path);
    if (!st.isDirectory()) return st.mtimeMs;
    return readdirSync(path).reduce((m, n) => Math.max(m, newest(join(path, n))), st.mtimeMs);
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A served tree: "/taskpane.html" -> its bytes. */
export type Files = Map<string, Buffer>;

async function withLock<T>(fn: () => T): Promise<T> {
  mkdirSync(OUT, { recursive: true });
  const lock = join(OUT, ".build-lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const st = statSync(lock, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * dist/ as `npx webpack --mode production` builds it: built when missing or older than src/ or webpack.config.js
 * (reused as it is with E2E_REUSE_BUILD=1), and read whole, under a lock, so test files in parallel neither build
 * at once nor read a build half written.
 */
export async function ensureBuild(): Promise<Files> {
  const stale = () => {
    const built = existsSync(join(DIST, "taskpane.html")) ? statSync(join(DIST, "taskpane.html")).mtimeMs : 0;
    if (built && process.env.E2E_REUSE_BUILD === "1") return false;
    return built < Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "webpack.config.js")));
  };
  return withLock(() => {
    if (stale()) {
      const t = Date.now();
      try {
        execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "pipe", timeout: 10 * 60_000, env: { ...process.env, NODE_ENV: "production" } });
      } catch (e) {
        const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
        throw new Error(`webpack failed: ${err.message}\n${String(err.stdout ?? "").slice(-3000)}\n${String(err.stderr ?? "").slice(-3000)}`);
      }
      console.log(`built dist/ with webpack in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    for (const f of ["taskpane.html", "commands.html", "dialog.html"]) if (!existsSync(join(DIST, f))) throw new Error(`the webpack build has no dist/${f}`);
    return readTree(DIST);
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml",
  ".ico": "image/x-icon", ".map": "application/json", ".woff2": "font/woff2", ".woff": "font/woff", ".xml": "application/xml",
};

function readTree(root: string, dir = root, out: Files = new Map()): Files {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) readTree(root, p, out);
    else out.set(`/${p.slice(root.length + 1).split(sep).join("/")}`, readFileSync(p));
  }
  return out;
}

/**
 * Serves files on 127.0.0.1 at an ephemeral port, from memory: as they were when read (a rebuild of dist/ by a
 * parallel test file or a colleague cannot pull files from under a running test); records every path asked for.
 */
export async function serve(root: string | Files): Promise<{ origin: string; server: Server; requests: string[] }> {
  const files = typeof root === "string" ? readTree(resolve(root)) : root;
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requests.push(path);
    const body = files.get(path.endsWith("/") ? `${path}index.html` : path);
    if (!body) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}`);
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path).toLowerCase()] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

export interface HarnessOptions {
  /** What is served: the build ensureBuild read, or a directory (test/e2e/fixtures for the harness's own test). */
  readonly root: string | Files;
  readonly workbook?: FakeWorkbookJson;
  readonly office?: FakeOfficeOptions;
  /** The task pane's size (Excel's pane is about 350 px wide). */
  readonly viewport?: { width: number; height: number };
}

export class Harness {
  /** Requests to anywhere but the local server and the office.js URL: aborted, recorded here. */
  readonly blocked: string[] = [];
  /** Errors thrown in a page, and console errors. */
  readonly pageErrors: string[] = [];
  private shots = 0;

  private constructor(
    readonly origin: string,
    private readonly server: Server,
    readonly served: string[],
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly prefix: string,
  ) {}

  /** Starts the server and the browser; `prefix` names this file's screenshots. */
  static async start(prefix: string, opts: HarnessOptions): Promise<Harness> {
    const office = await fakeOfficeBundle();
    const { origin, server, requests } = await serve(opts.root);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 360, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", serviceWorkers: "block" });
    await context.clock.setFixedTime(new Date(NOW));
    const h = new Harness(origin, server, requests, browser, context, prefix);
    const local = new URL(origin).host;
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.split(/[?#]/)[0] === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: office });
      let host = "";
      try {
        host = new URL(url).host;
      } catch {
        // not a URL we can read: blocked below
      }
      if (host === local) return route.continue();
      h.blocked.push(url);
      return route.abort("blockedbyclient");
    });
    await context.addInitScript({
      content: `window.__FAKE_WORKBOOK__ = ${JSON.stringify(opts.workbook ?? null) ?? "null"};\nwindow.__FAKE_OFFICE_OPTIONS__ = ${JSON.stringify(opts.office ?? {})};`,
    });
    mkdirSync(OUT, { recursive: true });
    return h;
  }

  /** A new page with its errors collected, at `path` on the local server; `office` overrides the fake's options. */
  async open(path: string, office?: FakeOfficeOptions): Promise<Page> {
    const page = await this.context.newPage();
    if (office) await page.addInitScript({ content: `window.__FAKE_OFFICE_OPTIONS__ = ${JSON.stringify(office)};` });
    page.on("pageerror", (e) => this.pageErrors.push(`${path}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/ERR_BLOCKED_BY_CLIENT/.test(m.text())) this.pageErrors.push(`${path} console: ${m.text()}`);
    });
    await page.goto(new URL(path, this.origin).toString(), { waitUntil: "load" });
    return page;
  }

  /** The path and query of `url` on the local server (a dialog URL built on another base, for one). */
  local(url: string): string {
    const u = new URL(url, this.origin);
    return `${u.pathname}${u.search}`;
  }

  /** A full-page screenshot in test-output/e2e/<prefix>-NN-<name>.png; returns its path. */
  async screenshot(page: Page, name: string): Promise<string> {
    this.shots++;
    const path = join(OUT, `${this.prefix}-${String(this.shots).padStart(2, "0")}-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}
