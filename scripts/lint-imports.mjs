#!/usr/bin/env node
// Import-direction lint (DESIGN.md): shells -> app -> workbook -> plan/csv -> i18n -> domain, never outward.
// Usage: node scripts/lint-imports.mjs [srcDir]   exits 1 and lists each offending import.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, dirname, sep } from "node:path";

/** Layer of each top-level folder of src/: a file may import its own folder or a lower layer only. */
export const LAYERS = {
  domain: 0,
  i18n: 1,
  plan: 2, csv: 2,
  workbook: 3, // the back ends apply WritePlans (src/plan)
  app: 4,
  ui: 5, cli: 5, taskpane: 5, web: 5, commands: 5,
};
/** Shell -> shell imports allowed: the task pane, the ribbon commands and the web page render the shared UI. */
const SHELL_ALLOWED = { taskpane: ["ui"], commands: ["ui"], web: ["ui"] };

/** Packages a layer may import (domain stays pure: zod only). Other layers: any package. */
const DOMAIN_PACKAGES = new Set(["zod"]);

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

export function lintImports(srcDir) {
  const problems = [];
  for (const file of walk(srcDir)) {
    const rel = relative(srcDir, file).split(sep);
    const from = rel[0];
    if (!(from in LAYERS)) {
      problems.push(`${file}: folder src/${from} has no layer in scripts/lint-imports.mjs`);
      continue;
    }
    const text = readFileSync(file, "utf8");
    const re = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;
    for (const m of text.matchAll(re)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      const line = text.slice(0, m.index).split("\n").length;
      if (spec.startsWith(".")) {
        const target = relative(srcDir, resolve(dirname(file), spec)).split(sep);
        const to = target[0];
        if (to === "..") problems.push(`${file}:${line}: imports "${spec}" from outside src/`);
        else if (to !== from && !(LAYERS[to] < LAYERS[from]) && !SHELL_ALLOWED[from]?.includes(to))
          problems.push(`${file}:${line}: src/${from} may not import src/${to} ("${spec}")`);
      } else if (from === "domain" && !spec.startsWith("node:") && !DOMAIN_PACKAGES.has(spec.split("/")[0])) {
        problems.push(`${file}:${line}: src/domain must stay pure; it imports the package "${spec}"`);
      } else if (from === "domain" && spec.startsWith("node:")) {
        problems.push(`${file}:${line}: src/domain must stay pure; it imports "${spec}"`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const dir = resolve(process.argv[2] ?? "src");
  const problems = lintImports(dir);
  for (const p of problems) console.error(p);
  if (problems.length) process.exit(1);
  console.log(`import directions ok (${dir})`);
}
