#!/usr/bin/env node
// Builds the web page (src/web) as ONE self-contained file, dist/web/roster.html: the engine worker bundled first
// and inlined into the page's bundle as text (it runs from a Blob URL, so the file works opened from disk), the
// page's bundle inlined into the HTML, the icon as a data: URL, no fonts. A Content-Security-Policy meta forbids
// every connection; a small ES5 script shows a readable message where the browser is too old for the bundle.
//
//   node scripts/build-web.mjs [--dev]      -> dist/web/roster.html (and index.html, the same page, for serving)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const esbuild = require("esbuild");
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = join(ROOT, "dist/web");

/** ES2020: Chromium 80 (the engines of 360 and QQ browsers since 2020), Firefox 78 ESR, Safari 14. */
const TARGET = ["es2020"];

export const CSP = [
  "default-src 'none'", "script-src 'unsafe-inline' blob:", "worker-src blob:", "style-src 'unsafe-inline'",
  "img-src data: blob:", "connect-src 'none'", "font-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
].join("; ");

async function bundle(entry, define, dev) {
  const out = await esbuild.build({
    entryPoints: [join(ROOT, entry)], bundle: true, format: "iife", platform: "browser", target: TARGET,
    minify: !dev, sourcemap: false, write: false, legalComments: "none", charset: "utf8", jsx: "automatic",
    tsconfig: join(ROOT, "tsconfig.web.json"), logLevel: "warning",
    define: { "process.env.NODE_ENV": JSON.stringify(dev ? "development" : "production"), ...define },
  });
  return out.outputFiles[0].text;
}

/** Text safe inside an inline <script>: no "</script" or "<!--" can end or bend it. */
function inlineScript(js) {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/** The old-browser check: ES5 only, runs first; shows the message if a needed feature is missing or the bundle never starts. */
function guardScript(messages) {
  return `(function(){var m=${JSON.stringify(messages)};
function say(){var c=document.getElementById("container");if(!c||(window.__rosterStarted&&!window.__rosterTooOld))return;var l=(location.search.match(/lang=([^&]+)/)||[])[1]||"";
var t=/^en/i.test(l)?m.en:/tw|hant|hk/i.test(l)?m.tw:m.cn;c.innerHTML="";var p=document.createElement("p");p.setAttribute("role","alert");p.setAttribute("data-testid","old-browser");
p.style.cssText="font-size:18px;max-width:40em;margin:2em auto;padding:1em;border:2px solid #c50f1f;";p.appendChild(document.createTextNode(t));c.appendChild(p);}
var ok=typeof Promise!=="undefined"&&typeof Worker!=="undefined"&&typeof Blob!=="undefined"&&typeof Uint8Array!=="undefined"&&typeof Map!=="undefined"&&typeof Symbol!=="undefined"&&typeof TextDecoder!=="undefined"&&!!(window.URL&&URL.createObjectURL);
if(!ok){window.__rosterTooOld=true;document.addEventListener("DOMContentLoaded",say);}
else window.addEventListener("load",function(){setTimeout(say,0);});})();`;
}

export async function buildWeb({ dev = false } = {}) {
  const worker = await bundle("src/web/engine-worker.ts", {}, dev);
  const page = await bundle("src/web/index.tsx", { __ENGINE_WORKER_SOURCE__: JSON.stringify(worker) }, dev);
  const icon = readFileSync(join(ROOT, "assets/icon-32.png")).toString("base64");
  const text = await loadTs("src/i18n/web-text.ts");
  const messages = { cn: text.webText("zh-CN").oldBrowser, tw: text.webText("zh-TW").oldBrowser, en: text.webText("en").oldBrowser };
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>名册助手 Roster Assistant</title>
<link rel="icon" type="image/png" href="data:image/png;base64,${icon}">
<style>html,body{margin:0;padding:0;min-height:100%}body{font-family:"Segoe UI","Microsoft YaHei","PingFang SC","Noto Sans CJK SC",system-ui,sans-serif}</style>
<script>${guardScript(messages)}</script>
</head>
<body>
<div id="container"><noscript>名册助手需要启用 JavaScript。 / Roster Assistant needs JavaScript.</noscript></div>
<script>${inlineScript(page)}</script>
</body>
</html>
`;
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, "roster.html"), html);
  writeFileSync(join(OUT_DIR, "index.html"), html);
  return { file: join(OUT_DIR, "roster.html"), bytes: Buffer.byteLength(html), workerBytes: Buffer.byteLength(worker) };
}

/** A TypeScript module of this repository, bundled by esbuild for Node and loaded (the build's strings). */
async function loadTs(file) {
  const out = await esbuild.build({ entryPoints: [join(ROOT, file)], bundle: true, format: "cjs", platform: "node", write: false, logLevel: "silent" });
  const module = { exports: {} };
  new Function("module", "exports", "require", out.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t = Date.now();
  const r = await buildWeb({ dev: process.argv.includes("--dev") });
  console.log(`built ${r.file} (${(r.bytes / 1024).toFixed(0)} KB, engine worker ${(r.workerBytes / 1024).toFixed(0)} KB) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
