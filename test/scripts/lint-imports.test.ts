// The import-direction lint (scripts/lint-imports.mjs): passes the project, and fails each kind of outward import.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const SCRIPT = join(__dirname, "../../scripts/lint-imports.mjs");

function lint(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "lint-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return spawnSync(process.execPath, [SCRIPT, dir], { encoding: "utf8" });
}

describe("import-direction lint", () => {
  it("passes this project's src/", () => {
    const r = spawnSync(process.execPath, [SCRIPT, join(__dirname, "../../src")], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it.each([
    ["cli -> app -> domain", { "cli/a.ts": 'import { x } from "../app/b";', "app/b.ts": 'import { y } from "../domain/c";', "domain/c.ts": 'import { z } from "zod";' }],
    ["workbook -> domain", { "workbook/a.ts": 'import { x } from "../domain/b";', "domain/b.ts": "export const x = 1;" }],
    ["taskpane -> ui (the shared UI)", { "taskpane/a.tsx": 'import { App } from "../ui/App";', "ui/App.tsx": "export const App = 1;" }],
  ])("allows %s", (_l, files) => {
    expect(lint(files).status).toBe(0);
  });

  it.each([
    ["domain -> app", { "domain/a.ts": 'import { x } from "../app/b";', "app/b.ts": "" }, /src\/domain may not import src\/app/],
    ["app -> cli", { "app/a.ts": 'export { x } from "../cli/b";', "cli/b.ts": "" }, /src\/app may not import src\/cli/],
    ["cli -> ui (two shells)", { "cli/a.ts": 'import { y } from "../ui/b";', "ui/b.ts": "" }, /src\/cli may not import src\/ui/],
    ["ui -> taskpane", { "ui/a.tsx": 'import { y } from "../taskpane/b";', "taskpane/b.ts": "" }, /src\/ui may not import src\/taskpane/],
    ["a side-effect import outward", { "domain/a.ts": 'import "../app/b";', "app/b.ts": "" }, /src\/domain may not import src\/app/],
    ["domain -> node:fs", { "domain/a.ts": 'import { readFileSync } from "node:fs";' }, /must stay pure; it imports "node:fs"/],
    ["domain -> a package", { "domain/a.ts": 'const x = require("exceljs");' }, /must stay pure; it imports the package "exceljs"/],
    ["a folder with no layer", { "misc/a.ts": "" }, /has no layer/],
  ])("refuses %s", (_l, files, message) => {
    const r = lint(files);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
  });
});
