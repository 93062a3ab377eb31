// --fix at scale: 100,000 members through the real CLI (a spread of one chunk per row overflowed the stack), many
// sheets in time linear in their number, and product cells cut to Excel's 32,767-character limit.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { checkAndWrite } from "../../src/app/write-workbook";
import { cutToCellLimit, MAX_CELL_CHARS, SheetBuilder } from "../../src/plan/sheet-builder";
import { openXlsx } from "../../src/workbook/xlsx";
import { writeFileSync } from "node:fs";
import { makeBigRoster } from "../fixtures/xlsx-reader/make-big-roster";
import { manySheets } from "../fixtures/hostile/make-hostile";

const ROOT = join(__dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "roster-scale-"));
const req = { today: "2025-12-31", asOf: "2025-12-31", fix: true };

describe("cells cut to Excel's limit", () => {
  it.each<[string, string, number]>([
    ["short text stays", "张三", 2],
    ["exactly the limit stays", "x".repeat(MAX_CELL_CHARS), MAX_CELL_CHARS],
    ["one over is cut with an ellipsis", "x".repeat(MAX_CELL_CHARS + 1), MAX_CELL_CHARS],
    ["a surrogate pair at the cut is not split", "x".repeat(MAX_CELL_CHARS - 2) + "𠀀".repeat(10), MAX_CELL_CHARS - 1],
  ])("%s", (_what, s, length) => {
    const cut = cutToCellLimit(s);
    expect(cut.length).toBe(length);
    expect(cut.length <= MAX_CELL_CHARS).toBe(true);
    if (cut !== s) expect(cut.endsWith("…")).toBe(true);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).toBe(false);
  });

  it("the sheet builder cuts every text cell it is given", () => {
    const b = new SheetBuilder();
    b.addRow([{ v: "长".repeat(40_000), style: "text" }]);
    const rows = (b as unknown as { rows: { v: string }[][] }).rows;
    expect(rows[0][0].v.length).toBe(MAX_CELL_CHARS);
  });
});

describe("--fix linear in sheets", () => {
  it("4 times the sheets takes well under 16 times as long", async () => {
    const time = async (n: number): Promise<number> => {
      const bytes = manySheets(n);
      const t = performance.now();
      const { output } = await checkAndWrite(bytes, "many.xlsx", req, { time: "2025-12-31 12:00:00" });
      const took = performance.now() - t;
      expect(openXlsx(output, "out.xlsx").sheets.length).toBeGreaterThanOrEqual(n);
      return took;
    };
    await time(300); // warm up
    const small = await time(750);
    const large = await time(3000);
    expect(large / small).toBeLessThan(9); // linear: about 4; quadratic: about 16
  }, 120_000);
});

describe("--fix on 100,000 members through the CLI", () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-b", "tsconfig.build.json"], { cwd: ROOT });
  }, 120_000);

  it("writes the fixed workbook and the report, a fix on every row", () => {
    const input = join(tmp, "big.xlsx");
    writeFileSync(input, makeBigRoster(100_000, { fixable: true }));
    const out = join(tmp, "fixed.xlsx");
    const report = join(tmp, "report.json");
    const r = spawnSync(process.execPath, [join(ROOT, "bin/roster.js"), "check", input, "--out", out, "--fix", "--report", report, "--as-of", "2025-12-31", "-q"], {
      encoding: "utf8", cwd: ROOT, timeout: 400_000,
    });
    expect([r.status, r.signal, r.stderr]).toEqual([0, null, ""]);
    expect(existsSync(out)).toBe(true);
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.members).toBe(100_000);
    expect(json.changes.length).toBeGreaterThanOrEqual(100_000);
  }, 480_000);
});
