// The web page's browser tests: dist/web/roster.html as scripts/build-web.mjs builds it (rebuilt when src/ is newer),
// read once under a lock and then either served from 127.0.0.1 (node:http, from memory) or written to a folder of
// this run and opened from file://. Every request the page makes is routed: its own origin (the server, or file://)
// goes through, anything else is aborted and recorded. Screenshots go to test-output/web/.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Server } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Browser, BrowserContext, Page, chromium } from "playwright-core";
import { CHROMIUM, NOW, ROOT, serve } from "./harness";

export const WEB_OUT = join(ROOT, "test-output/web");
const BUILT = join(ROOT, "dist/web/roster.html");

export type WebMode = "served" | "file";

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

/** dist/web/roster.html, built when missing or older than src/ or the build script (E2E_REUSE_BUILD=1 reuses it). */
export async function ensureWebBuild(): Promise<Buffer> {
  mkdirSync(WEB_OUT, { recursive: true });
  const lock = join(WEB_OUT, ".build-lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const st = statSync(lock, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(300);
    }
  }
  try {
    const built = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
    const stale = !built || (process.env.E2E_REUSE_BUILD !== "1" && built < Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "scripts/build-web.mjs"))));
    if (stale) execFileSync(process.execPath, [join(ROOT, "scripts/build-web.mjs")], { cwd: ROOT, stdio: "pipe", timeout: 5 * 60_000 });
    return readFileSync(BUILT);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export class WebHarness {
  /** Requests to anywhere but the page's own origin: aborted, recorded here. */
  readonly blocked: string[] = [];
  /** Requests that went through (the page itself, nothing else expected). */
  readonly allowed: string[] = [];
  readonly pageErrors: string[] = [];
  private shots = 0;

  private constructor(
    readonly url: string,
    private readonly server: Server | undefined,
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly prefix: string,
  ) {}

  /** The page `html`, served or written to test-output/web/<prefix>/roster.html, in a fresh Chromium. */
  static async start(prefix: string, mode: WebMode, html: Buffer, viewport = { width: 1280, height: 900 }): Promise<WebHarness> {
    let url: string;
    let server: Server | undefined;
    let own: (u: string) => boolean;
    if (mode === "served") {
      const s = await serve(new Map([["/roster.html", html], ["/index.html", html]]));
      server = s.server;
      url = `${s.origin}/roster.html`;
      own = (u) => u.startsWith(`${s.origin}/`);
    } else {
      const dir = join(WEB_OUT, prefix);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "roster.html"), html);
      url = pathToFileURL(join(dir, "roster.html")).href;
      own = (u) => u.split(/[?#]/)[0] === url;
    }
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai", acceptDownloads: true, serviceWorkers: "block" });
    await context.clock.setFixedTime(new Date(NOW));
    const h = new WebHarness(url, server, browser, context, prefix);
    await context.route("**/*", async (route) => {
      const u = route.request().url();
      if (own(u)) {
        h.allowed.push(u);
        return route.continue();
      }
      h.blocked.push(u);
      return route.abort("blockedbyclient");
    });
    return h;
  }

  /** A new page at the page's URL with `query` ("?lang=en"), its errors collected. */
  async open(query = ""): Promise<Page> {
    const page = await this.context.newPage();
    page.on("pageerror", (e) => this.pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") this.pageErrors.push(`console: ${m.text()}`);
    });
    await page.goto(this.url + query, { waitUntil: "load" });
    return page;
  }

  /** A screenshot in test-output/web/<prefix>-NN-<name>.png; returns its path. */
  async screenshot(page: Page, name: string, fullPage = false): Promise<string> {
    this.shots++;
    const path = join(WEB_OUT, `${this.prefix}-${String(this.shots).padStart(2, "0")}-${name}.png`);
    await page.screenshot({ path, fullPage });
    return path;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    if (this.server) await new Promise<void>((ok) => this.server!.close(() => ok()));
  }
}

/** Drops `bytes` as a file named `name` on the element `testId`, as a drag from the desktop does. */
export async function dropFile(page: Page, testId: string, name: string, bytes: Uint8Array): Promise<void> {
  const dataTransfer = await page.evaluateHandle(({ name, b64 }) => {
    const raw = atob(b64);
    const data = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([data], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    return dt;
  }, { name, b64: Buffer.from(bytes).toString("base64") });
  await page.getByTestId(testId).dispatchEvent("dragover", { dataTransfer });
  await page.getByTestId(testId).dispatchEvent("drop", { dataTransfer });
}

/**
 * Samples the JS heap of the page's workers every `everyMs` (Chrome DevTools Protocol: auto-attach to worker targets,
 * Runtime.getHeapUsage sent to each; the inspector interrupts a busy worker to answer). `stop()` gives the peak used, in bytes.
 */
export async function sampleWorkerHeap(context: BrowserContext, page: Page, everyMs = 250): Promise<{ stop: () => number }> {
  const cdp = await context.newCDPSession(page);
  const sessions = new Set<string>();
  let peak = 0;
  let next = 1;
  const on = cdp.on.bind(cdp) as unknown as (event: string, fn: (e: Record<string, unknown>) => void) => void;
  on("Target.attachedToTarget", (e) => {
    if ((e.targetInfo as { type: string }).type === "worker") sessions.add(e.sessionId as string);
  });
  on("Target.detachedFromTarget", (e) => sessions.delete(e.sessionId as string));
  on("Target.receivedMessageFromTarget", (e) => {
    const m = JSON.parse(e.message as string) as { result?: { usedSize?: number } };
    if (m.result?.usedSize) peak = Math.max(peak, m.result.usedSize);
  });
  const send = cdp.send.bind(cdp) as unknown as (method: string, params: object) => Promise<unknown>;
  await send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const timer = setInterval(() => {
    for (const sessionId of sessions) {
      send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: next++, method: "Runtime.getHeapUsage" }) }).catch(() => undefined);
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      void cdp.detach().catch(() => undefined);
      return peak;
    },
  };
}
