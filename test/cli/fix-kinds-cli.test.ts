// `roster check --out --fix [kinds]`: the clerk chooses which kinds of fix are written (issue 7, item 7).
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { fixKindOf } from "../../src/domain/fix-kinds";
import { Report } from "../../src/domain/report-schema";

const EXAMPLE = join(__dirname, "../../examples/铁西街党员花名册.xlsx");
const tmp = mkdtempSync(join(tmpdir(), "roster-fix-kinds-"));

async function roster(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "roster", ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe("--fix with kinds", () => {
  it.each([
    ["ids,phones", ["ids", "phones"]],
    ["dates", ["dates"]],
  ])("--fix %s writes those kinds only", async (kinds, expected) => {
    const out = join(tmp, `${kinds}.xlsx`);
    const report = join(tmp, `${kinds}.json`);
    const r = await roster("check", EXAMPLE, "--out", out, "--report", report, "--fix", kinds, "--as-of", "2025-12-31", "--lang", "en");
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const changes = Report.parse(JSON.parse(readFileSync(report, "utf8"))).changes;
    expect(changes.length).toBeGreaterThan(0);
    expect([...new Set(changes.map(fixKindOf))].sort()).toEqual([...expected].sort());
  });

  it("an unknown kind is one line naming it, exit 2, nothing written", async () => {
    const out = join(tmp, "bad.xlsx");
    const r = await roster("check", EXAMPLE, "--out", out, "--fix", "ids,colours", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("ids,colours");
    expect(existsSync(out)).toBe(false);
  });
});
