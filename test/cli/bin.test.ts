// The package's `roster` bin as a user runs it: a real process over the compiled lib/ (built by `npm ci`'s prepare).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeBigRoster } from "../../bench/make-big";

const ROOT = join(__dirname, "../..");
const BIN = join(ROOT, "bin/roster.js");
const tmp = mkdtempSync(join(tmpdir(), "roster-bin-"));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: ROOT, env: { ...process.env, LANG: "C", LC_ALL: "", LC_MESSAGES: "" } });
const runWith = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: ROOT, env: { ...process.env, LC_ALL: "", LC_MESSAGES: "", ...env } });

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-b", "tsconfig.build.json"], { cwd: ROOT });
}, 120_000);

describe("bin/roster.js", () => {
  it("checks the example: exit 0, the summary on stdout, the report written, nothing on stderr", () => {
    const report = join(tmp, "r.json");
    const r = run("check", "examples/铁西街党员花名册.xlsx", "--report", report, "--as-of", "2025-12-31");
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("党员 199 名");
    expect(JSON.parse(readFileSync(report, "utf8")).members).toBe(199);
  });

  it("bad input: exit 2, one line on stderr", () => {
    const r = run("check", join(tmp, "missing.xlsx"));
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("--help and no command do not crash", () => {
    expect(run("--help").status).toBe(0);
    expect(run().status).not.toBe(0);
  });

  it("a long file gets progress lines on stderr (ROSTER_PROGRESS=1; on a terminal one line rewritten in place), and the stdout summary stays clean", async () => {
    const big = join(tmp, "big.xlsx");
    await makeBigRoster(big, 25_000);
    expect(statSync(big).size).toBeGreaterThan(2 * 1024 * 1024);
    const r = runWith({ LANG: "en_US.UTF-8", ROSTER_PROGRESS: "1" }, "check", big, "--report", join(tmp, "big.json"), "--as-of", "2025-12-31");
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^reading .*big\.xlsx \([\d.]+ MB\)\nchecking sheet .*\nchecked 25000 rows in [\d.]+ s\n$/);
    expect(r.stdout).not.toMatch(/reading|checking sheet/);
    expect(existsSync(join(tmp, "big.json"))).toBe(true);
  }, 120_000);
});
