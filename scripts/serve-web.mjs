#!/usr/bin/env node
// `npm run web`: builds the web page (scripts/build-web.mjs) and serves dist/web/ on http://localhost:$PORT
// (default 8080), bound to this machine only. Files only: GET and HEAD, no directory listings, nothing outside dist/web.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CSP, OUT_DIR, buildWeb } from "./build-web.mjs";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png" };

/** A static server of `root` (index.html for "/"); the CSP is also sent as a header. */
export function webServer(root = OUT_DIR) {
  const base = resolve(root) + sep;
  return createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET, HEAD" }).end();
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      return void res.writeHead(400).end("bad request");
    }
    const file = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}`);
    res.writeHead(200, {
      "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream", "cache-control": "no-store",
      "content-security-policy": CSP, "x-content-type-options": "nosniff", "referrer-policy": "no-referrer",
    });
    res.end(req.method === "HEAD" ? undefined : readFileSync(file));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const built = await buildWeb();
  console.log(`built ${built.file} (${(built.bytes / 1024).toFixed(0)} KB): open it from disk, or here:`);
  webServer().listen(port, "127.0.0.1", () => console.log(`Roster Assistant web page: http://localhost:${port}/  (Ctrl+C to stop)`));
}
