#!/usr/bin/env node
// Checks a built add-in (dist/ from `npx webpack --mode production`): the pages, assets and manifest are there, every
// page loads office.js from Microsoft's CDN, and no file points anywhere else on the network.
//
//   node scripts/check-dist.mjs [distDir]     exits 1 and lists each problem
//
// Any absolute URL found is a problem unless it is the office.js CDN URL, the manifest's own base URL (in
// manifest.xml only), or one of the identifiers below: strings that look like URLs but are never fetched.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const PAGES = ["taskpane.html", "commands.html", "dialog.html"];
export const REQUIRED = [...PAGES, "help.html", "manifest.xml", "assets"];

/** URL-shaped strings in the bundles and the manifest that are identifiers or text, never requests. */
export const NOT_FETCHED = new Map([
  // XML namespace names: React DOM creates SVG/MathML elements in them; the manifest's schema namespaces.
  ["http://www.w3.org/1999/xhtml", "XHTML namespace (React DOM)"],
  ["http://www.w3.org/2000/svg", "SVG namespace (React DOM)"],
  ["http://www.w3.org/1999/xlink", "XLink namespace (React DOM)"],
  ["http://www.w3.org/XML/1998/namespace", "XML namespace (React DOM)"],
  ["http://www.w3.org/1998/Math/MathML", "MathML namespace (React DOM)"],
  ["http://www.w3.org/2001/XMLSchema-instance", "XML Schema instance namespace (manifest)"],
  ["http://schemas.microsoft.com/office/appforoffice/1.1", "Office add-in manifest namespace"],
  ["http://schemas.microsoft.com/office/officeappbasictypes/1.0", "Office add-in manifest namespace"],
  ["http://schemas.microsoft.com/office/taskpaneappversionoverrides", "Office add-in manifest namespace"],
  // zod: JSON Schema dialect names its toJSONSchema writes as "$schema" (never called here), and the IPv6 check,
  // which parses `http://[address]` with the URL parser, locally.
  ["https://json-schema.org/draft/2020-12/schema", "JSON Schema dialect name (zod)"],
  ["http://json-schema.org/draft-07/schema#", "JSON Schema dialect name (zod)"],
  ["http://json-schema.org/draft-04/schema#", "JSON Schema dialect name (zod)"],
  ["http://[${e}]", "zod's IPv6 check, parsed locally by new URL()"],
  ["http://[${value}]", "zod's IPv6 check, parsed locally by new URL()"],
  // React's production error messages name the page that decodes an error number: text in a console message.
  ["https://reactjs.org/docs/error-decoder.html?invariant=", "React error-message text"],
  ["https://react.dev/errors/", "React error-message text"],
  // papaparse (the sync panel reads CSV with it): its license header names its home page.
  ["https://github.com/mholt/PapaParse", "papaparse's license header (text)"],
]);

const BINARY = /\.(png|ico|jpe?g|gif|woff2?|ttf|eot)$/i;
const URL_RE = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>()\\]+/gi;

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The manifest's base URL: its task pane SourceLocation without "taskpane.html". */
export function manifestBase(xml) {
  const m = /<SourceLocation\s+DefaultValue="([^"]+)taskpane\.html"/.exec(xml);
  return m ? m[1].replace(/&amp;/g, "&") : undefined;
}

/** Problems with a built add-in folder; empty when it is fine. */
export function checkDist(distDir) {
  const dir = resolve(distDir);
  if (!existsSync(dir)) return [`${dir} does not exist: run npx webpack --mode production first`];
  const problems = [];
  for (const f of REQUIRED) if (!existsSync(join(dir, f))) problems.push(`${f} is missing`);
  if (existsSync(join(dir, "assets")) && !readdirSync(join(dir, "assets")).some((n) => n.endsWith(".png")))
    problems.push("assets/ holds no icons");
  const manifestPath = join(dir, "manifest.xml");
  const base = existsSync(manifestPath) ? manifestBase(readFileSync(manifestPath, "utf8")) : undefined;
  if (existsSync(manifestPath) && !base) problems.push("manifest.xml: no task pane SourceLocation ending in taskpane.html");
  for (const page of PAGES) {
    const p = join(dir, page);
    if (!existsSync(p)) continue;
    const html = readFileSync(p, "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1]);
    if (!scripts.includes(OFFICE_JS)) problems.push(`${page}: does not load office.js from ${OFFICE_JS}`);
    if (scripts.indexOf(OFFICE_JS) > 0) problems.push(`${page}: office.js must be the first script`);
  }
  for (const file of walk(dir)) {
    const rel = relative(dir, file).split("\\").join("/");
    if (BINARY.test(rel) || rel.startsWith("web/")) continue; // web/: the web page, checked by check-web-dist.mjs
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(URL_RE)) {
      const url = m[0];
      if (url === OFFICE_JS || NOT_FETCHED.has(url)) continue;
      if (rel === "manifest.xml" && base && url.startsWith(base)) {
        // every URL of the manifest must be a file of this build (Excel fetches them from the base URL)
        const path = decodeURI(url.slice(base.length).split(/[?#]/)[0]);
        if (!existsSync(join(dir, path)) || statSync(join(dir, path)).isDirectory()) {
          problems.push(`manifest.xml: ${url} is not in the build (${path} missing)`);
        }
        continue;
      }
      const line = text.slice(0, m.index).split("\n").length;
      problems.push(`${rel}:${line}: external URL ${url}`);
    }
    if (/\/\/# sourceMappingURL=(?:https?:)?\/\//.test(text)) problems.push(`${rel}: source map URL points off the host`);
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const dir = process.argv[2] ?? "dist";
  const problems = checkDist(dir);
  for (const p of problems) console.error(p);
  if (problems.length) process.exit(1);
  console.log(`dist ok (${resolve(dir)}): pages, assets and manifest present; every manifest URL is a file here; no URL but office.js's CDN and the manifest's base`);
}
