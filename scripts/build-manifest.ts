// Writes the add-in manifest for a given host: every URL of manifest.xml starts with the development base
// URL (DEV_BASE_URL); this replaces it with the base URL the built files are served from.
//
//   npx tsx scripts/build-manifest.ts --base-url https://intranet.example/roster/ [--out dist/manifest.xml] [--in manifest.xml]
//
// Exit codes: 0 written; 2 bad usage, a base URL that is not https or does not end with "/", or an unreadable
// manifest, with one line on stderr and nothing written. buildManifest() is exported for the tests and for
// the webpack build.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const DEV_BASE_URL = "https://localhost:3000/";
export const DEFAULT_MANIFEST = path.join(__dirname, "..", "manifest.xml");
export const DEFAULT_OUT = "dist/manifest.xml";

/**
 * Checks a base URL and returns it in canonical form (as the WHATWG URL parser writes it: host lower-cased,
 * non-ASCII path characters percent-encoded). Throws an Error with a one-line message when it is not an
 * absolute https URL of a folder (ending with "/"), or carries credentials, a query or a fragment.
 */
export function checkBaseUrl(baseUrl: string): string {
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    throw new Error(`base URL "${baseUrl}" is not an absolute URL (expected e.g. https://intranet.example/roster/)`);
  }
  if (u.protocol !== "https:") throw new Error(`base URL "${baseUrl}" must use https (Office loads add-ins over HTTPS only)`);
  if (u.username || u.password) throw new Error(`base URL "${baseUrl}" must not carry a user name or password`);
  if (u.search || u.hash || /[?#]/.test(baseUrl)) throw new Error(`base URL "${baseUrl}" must not have a query or fragment`);
  if (!baseUrl.endsWith("/") || !u.pathname.endsWith("/"))
    throw new Error(`base URL "${baseUrl}" must end with "/" (the folder holding taskpane.html, commands.html and assets/)`);
  return u.href;
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The manifest with every occurrence of the development base URL replaced by `baseUrl` (checked first). */
export function buildManifest(xml: string, baseUrl: string): string {
  const base = checkBaseUrl(baseUrl);
  const parts = xml.split(DEV_BASE_URL);
  if (parts.length < 2) throw new Error(`the manifest holds no URL starting with ${DEV_BASE_URL}; nothing to replace`);
  return parts.join(xmlEscape(base));
}

function parseArgs(argv: string[]): { baseUrl: string; out: string; input: string } {
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--(base-url|out|in)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument "${a}"`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === "") throw new Error(`--${m[1]} needs a value`);
    opts[m[1]] = value;
  }
  if (!opts["base-url"]) throw new Error("--base-url is required");
  return { baseUrl: opts["base-url"], out: opts.out ?? DEFAULT_OUT, input: opts.in ?? DEFAULT_MANIFEST };
}

export function main(argv: string[]): number {
  const usage = "usage: build-manifest --base-url https://host/path/ [--out dist/manifest.xml] [--in manifest.xml]";
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`build-manifest: ${(e as Error).message}; ${usage}`);
    return 2;
  }
  let xml: string;
  let out: string;
  try {
    xml = readFileSync(args.input, "utf8");
  } catch (e) {
    console.error(`build-manifest: cannot read ${args.input}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  try {
    out = buildManifest(xml, args.baseUrl);
  } catch (e) {
    console.error(`build-manifest: ${(e as Error).message}`);
    return 2;
  }
  const target = path.resolve(args.out);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, out);
  console.log(`${target} (base URL ${checkBaseUrl(args.baseUrl)})`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
