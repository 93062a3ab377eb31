// The hostile workbooks of test/fixtures/hostile at the sizes the issue reported, through the real CLI process:
// each ends with exit 0 or one line and exit 2, within a time cap and under 500 MB of memory, writing nothing on exit 2.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allCases } from "../fixtures/hostile/make-hostile";

const ROOT = join(__dirname, "../..");
const MEASURED = join(ROOT, "test/helpers/run-measured.js");
const tmp = mkdtempSync(join(tmpdir(), "roster-hostile-"));

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-b", "tsconfig.build.json"], { cwd: ROOT });
}, 120_000);

function run(file: string, ...args: string[]) {
  const rssFile = join(tmp, "rss");
  const r = spawnSync(process.execPath, [MEASURED, "check", file, "--as-of", "2025-12-31", "--lang", "en", ...args], {
    encoding: "utf8", cwd: ROOT, timeout: 60_000, env: { ...process.env, ROSTER_RSS_OUT: rssFile },
  });
  const rssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) / 1024 : NaN;
  return { ...r, rssMb };
}

const EXPECTED: Record<string, RegExp | 0> = {
  "phonetic-run.xlsx": 0,
  "prolog-comment.xlsx": 0,
  "comment-naming-sheetdata.xlsx": 0,
  "no-workbook-target.xlsx": 0,
  "long-comment-in-sheetdata.xlsx": /part xl\/worksheets\/sheet1\.xml inflates \d+ times/,
  "250-sheets-one-part.xlsx": /sheets "表1" and "表2" both point at part xl\/worksheets\/sheet1\.xml/,
  "inflation-bomb-300mb.xlsx": /part xl\/worksheets\/sheet1\.xml inflates \d+ times .* refused as a possible zip bomb/,
  "bit-flip-stored.xlsx": /part xl\/worksheets\/sheet1\.xml fails its CRC-32 check/,
  "empty-styles.xlsx": /part xl\/styles\.xml is empty or holds no XML/,
  "invalid-utf8-sheet-name.xlsx": /part xl\/workbook\.xml is not valid UTF-8 text/,
  "huge-cell-text.xlsx": /cell A4 holds more than 1 MiB of text/,
};

describe("hostile workbooks through the CLI (--out --fix)", () => {
  const dir = join(tmp, "in");
  mkdirSync(dir);
  const cases = Object.entries(allCases());
  it("covers every generated case", () => expect(cases.map(([n]) => n).sort()).toEqual(Object.keys(EXPECTED).sort()));
  it.each(cases)("%s", (name, make) => {
    const file = join(dir, name);
    writeFileSync(file, make());
    const out = join(tmp, `${name}.out.xlsx`);
    const r = run(file, "--out", out, "--fix");
    expect(r.signal).toBeNull();
    expect(r.rssMb).toBeLessThan(500);
    const expected = EXPECTED[name];
    if (expected === 0) {
      expect([r.status, r.stderr]).toEqual([0, ""]);
      expect(existsSync(out)).toBe(true);
    } else {
      expect(r.status).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr).not.toMatch(/internal error|TypeError|RangeError|Cannot /);
      expect(existsSync(out)).toBe(false);
    }
  }, 90_000);
});

describe("inputs that are not regular files are refused without being read", () => {
  const fifo = join(tmp, "pipe.xlsx");
  beforeAll(() => {
    try {
      execFileSync("mkfifo", [fifo]);
    } catch {
      // no mkfifo: the FIFO case reports it below
    }
  });
  it.each<[string, () => string, RegExp]>([
    ["/dev/zero", () => "/dev/zero", /\/dev\/zero: is a device, not a workbook file$/],
    ["a FIFO", () => fifo, /pipe\.xlsx: is a pipe \(FIFO\), not a workbook file$/],
    ["a folder", () => tmp, /: is a folder, not a workbook$/],
  ])("%s", (what, path, message) => {
    if (what === "a FIFO" && !existsSync(fifo)) {
      if (process.env.CI === "true") throw new Error("mkfifo is missing");
      console.warn("skipped: mkfifo is missing");
      return;
    }
    const r = run(path());
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  }, 30_000);
});
