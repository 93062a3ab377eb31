#!/usr/bin/env node
// Checks the built web page (dist/web from scripts/build-web.mjs): roster.html is one self-contained file (no script,
// style, icon or font fetched: no src= or href= but data: and in-page anchors), its Content-Security-Policy forbids
// every connection, and no file holds a URL that could be fetched: only the identifiers check-dist.mjs allows for the
// add-in (namespaces, message text) and the few below.
//
//   node scripts/check-web-dist.mjs [dir]     exits 1 and lists each problem
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { NOT_FETCHED } from "./check-dist.mjs";

/** URL-shaped strings of the web bundle that are identifiers or text, never requests. */
export const WEB_NOT_FETCHED = new Map([
  ...NOT_FETCHED,
  // the workbook writer names the Office Open XML namespaces in the parts it writes
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "OOXML namespace (xlsx writer)"],
  ["http://schemas.openxmlformats.org/package/2006/relationships", "OOXML namespace (xlsx writer)"],
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "OOXML namespace (xlsx writer)"],
  ["http://schemas.openxmlformats.org/markup-compatibility/2006", "OOXML namespace (xlsx writer)"],
  ["http://schemas.microsoft.com/office/spreadsheetml/2009/9/main", "OOXML namespace (xlsx writer)"],
  ["http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac", "OOXML namespace (xlsx writer)"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "OOXML namespace (xlsx writer)"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", "OOXML namespace (xlsx writer)"],
  // Griffel's (Fluent UI's CSS-in-JS) console warnings name where to read more
  ["https://aka.ms/griffel-css-shorthands", "Griffel console-message text"],
  ["https://github.com/microsoft/griffel/issues", "Griffel console-message text"],
]);

const URL_RE = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>()\\]+/gi;
export const REQUIRED_CSP = ["default-src 'none'", "connect-src 'none'", "font-src 'none'", "object-src 'none'"];

export function checkWebDist(dir) {
  const root = resolve(dir);
  const page = join(root, "roster.html");
  if (!existsSync(page)) return [`${page} does not exist: run npm run build:web first`];
  const problems = [];
  const html = readFileSync(page, "utf8");
  const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
  if (!csp) problems.push("roster.html: no Content-Security-Policy meta");
  else for (const d of REQUIRED_CSP) if (!csp.split(/\s*;\s*/).includes(d)) problems.push(`roster.html: the CSP lacks "${d}"`);
  if (csp && /https?:|\*/.test(csp)) problems.push(`roster.html: the CSP allows a network source (${csp})`);
  // attributes that make the browser fetch: only data: URLs (and in-page #anchors) may appear
  for (const m of html.matchAll(/<(script|link|img|iframe|source|embed|object|video|audio)\b[^>]*?\s(src|href|data)=["']?([^"' >]+)/gi)) {
    if (!/^(data:|#)/.test(m[3])) problems.push(`roster.html: <${m[1]} ${m[2]}="${m[3].slice(0, 80)}"> is not inlined`);
  }
  if (/@import|url\(\s*["']?(?!data:)/i.test(html.replace(/<script>[\s\S]*?<\/script>/g, ""))) problems.push("roster.html: a style fetches (url() or @import)");
  for (const name of readdirSync(root)) {
    const text = readFileSync(join(root, name), "utf8");
    for (const m of text.matchAll(URL_RE)) {
      if (WEB_NOT_FETCHED.has(m[0])) continue;
      problems.push(`${name}:${text.slice(0, m.index).split("\n").length}: external URL ${m[0]}`);
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? "dist/web";
  const problems = checkWebDist(dir);
  for (const p of problems) console.error(p);
  if (problems.length) process.exit(1);
  console.log(`web page ok (${resolve(dir)}): one self-contained file, a CSP that forbids every connection, no URL that is fetched`);
}
