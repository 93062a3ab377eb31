// `roster check` end to end, in-process: the example workbook's figures, and bad input -> exit 2, one line, nothing written.
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { columnIndex } from "../../src/domain/grid";
import { Report } from "../../src/domain/report-schema";
import { applyPlan } from "../../src/workbook/xlsx-write";
import { SHARED, hasShared } from "../helpers/shared";
import { minimalXlsx } from "../helpers/minimal-xlsx";

const EXAMPLE = join(__dirname, "../../examples/铁西街党员花名册.xlsx");
const tmp = mkdtempSync(join(tmpdir(), "roster-cli-"));

async function roster(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "roster", ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe("roster check on the example workbook", () => {
  const reportPath = join(tmp, "example.json");
  let report: Report;
  let stdout: string;

  beforeAll(async () => {
    const r = await roster("check", EXAMPLE, "--report", reportPath, "--as-of", "2025-12-31");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    stdout = r.stdout;
    report = Report.parse(JSON.parse(readFileSync(reportPath, "utf8")));
  });

  it("gives back the seed's figures: 199 members, 126/15/10/12/14/22, 12 lost contact", () => {
    expect(report.members).toBe(199);
    expect(report.summary.byCategory).toEqual(expect.objectContaining({
      oilfield_released: 126, laid_off: 15, veteran: 10, retired: 12, resident: 14, agency: 22,
    }));
    expect(report.summary.byStatus.lost_contact).toBe(12);
    expect(Object.keys(report.summary.byBranch).filter((b) => b !== "unknown")).toHaveLength(3);
  });

  it("writes the report of SPEC section 6", () => {
    expect(report.version).toBe(1);
    expect(report.asOf).toBe("2025-12-31");
    expect(report.language).toBe("zh-CN");
    expect(report.changesApplied).toBe(false);
    expect(report.rosters.length).toBeGreaterThanOrEqual(3);
    for (const i of report.issues) expect(i.message).toContain(`第${i.row}行`);
  });

  it("finds the example's deliberate traps", () => {
    const codes = new Set(report.issues.map((i) => i.code));
    for (const c of ["id_precision_lost", "legacy_id_upgraded", "duplicate_id", "invalid_id_checksum", "missing_contact", "invalid_phone", "missing_status", "joined_under_18"]) {
      expect([c, codes.has(c as never)]).toEqual([c, true]);
    }
  });

  it("prints members by category and branch, issue counts and where to look first", () => {
    expect(stdout).toContain("党员 199 名");
    expect(stdout).toContain("按类别和支部");
    expect(stdout).toMatch(/油田有偿解除劳动合同\s.*126/);
    expect(stdout).toContain("先看这些");
  });

  it("--lang en renders messages in English", async () => {
    const out = join(tmp, "en.json");
    expect((await roster("check", EXAMPLE, "--report", out, "--lang", "en", "--as-of", "2025-12-31")).code).toBe(0);
    const en = Report.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(en.language).toBe("en");
    expect(en.issues[0].message).toMatch(/^Row \d+, /);
  });
});

const junk = (name: string, bytes: Uint8Array | string) => {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
};

describe("bad input: exit 2, one line naming the file and the problem, nothing written", () => {
  const example = existsSync(EXAMPLE) ? readFileSync(EXAMPLE) : new Uint8Array();
  const cases: [string, () => string, RegExp][] = [
    ["an empty file", () => junk("empty.xlsx", ""), /empty/i],
    ["random bytes", () => junk("random.xlsx", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)), /not an \.xlsx|not a|unreadable|damaged/i],
    ["a truncated workbook", () => junk("truncated.xlsx", example.subarray(0, Math.floor(example.length / 2))), /damaged|truncated|incomplete/i],
    ["a CSV renamed .xlsx", () => junk("data.xlsx", "姓名,性别,入党时间\n张三,男,1990-07-01\n"), /CSV/],
    ["an .xls renamed .xlsx", () => junk("old.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)])), /\.xls|legacy/i],
    ["a zip that is no workbook", () => junk("doc.xlsx", zipSync({ "word/document.xml": strToU8("<w:document/>") })), /not an? .*workbook|docx|Word/i],
    ["a workbook with no roster", () => junk("norost.xlsx", minimalXlsx([{ name: "数据", xml: '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c></row></sheetData></worksheet>' }])), /no roster.*数据/],
    ["a missing file", () => join(tmp, "nope.xlsx"), /no such file/],
  ];
  it.each(cases)("%s", async (_l, make, problem) => {
    const input = make();
    const out = join(tmp, `out-${readdirSync(tmp).length}.json`);
    const r = await roster("check", input, "--report", out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(input);
    expect(r.stderr).toMatch(problem);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ["the report over the input", () => ["check", EXAMPLE, "--report", EXAMPLE], /input/],
    ["a bad --as-of", () => ["check", EXAMPLE, "--as-of", "2025-02-30"], /as-of/],
    ["an unknown option", () => ["check", EXAMPLE, "--frobnicate"], /unknown option/],
    ["an unknown --lang", () => ["check", EXAMPLE, "--lang", "fr"], /lang/],
    ["a report folder that does not exist", () => ["check", EXAMPLE, "--report", join(tmp, "no/such/dir/r.json")], /does not exist/],
  ])("usage: %s", async (_l, args, problem) => {
    const before = readFileSync(EXAMPLE);
    const r = await roster(...args());
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(problem);
    expect(readFileSync(EXAMPLE).equals(before)).toBe(true);
  });
});

(hasShared("real-xlsx/reject") ? describe : describe.skip)("the reject files of ../shared/real-xlsx/reject", () => {
  const dir = join(SHARED, "real-xlsx/reject");
  const files = existsSync(dir) ? readdirSync(dir).sort() : [];
  const expected: Record<string, RegExp> = {
    "calamine_any_sheets.xlsb": /xlsb|binary workbook/i,
    "calamine_issues.xls": /legacy|\.xls\b/i,
    "calamine_picture.xls": /legacy|\.xls\b/i,
    "calamine_pass_protected.xlsx": /password|encrypt/i,
    "excelize_encryptAES.xlsx": /password|encrypt/i,
    "excelize_encryptSHA1.xlsx": /password|encrypt/i,
  };
  it.each(files)("%s: exit 2, one line, nothing written", async (f) => {
    const out = join(tmp, `reject-${f}.json`);
    const r = await roster("check", join(dir, f), "--report", out);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(f);
    expect(r.stderr).toMatch(expected[f] ?? /./);
    expect(existsSync(out)).toBe(false);
  });
});

describe("writing: both outputs or neither, never over an input (review findings)", () => {
  const dir = mkdtempSync(join(tmpdir(), "roster-out-"));

  it("--out of a workbook with no roster: exit 2, no output and no temporary file beside it", async () => {
    const beside = mkdtempSync(join(tmpdir(), "roster-noroster-"));
    const input = join(tmp, "no-roster.xlsx");
    writeFileSync(input, minimalXlsx([{ name: "数据", xml: '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c></row></sheetData></worksheet>' }]));
    const r = await roster("check", input, "--out", join(beside, "o.xlsx"), "--fix");
    expect([r.code, r.stderr.trimEnd().split("\n").length]).toEqual([2, 1]);
    expect(readdirSync(beside)).toEqual([]);
  });

  it("--report naming a folder: exit 2 before anything is written, --out included", async () => {
    const out = join(dir, "o.xlsx");
    const r = await roster("check", EXAMPLE, "--out", out, "--report", dir);
    expect([r.code, r.stderr.trimEnd().split("\n").length, existsSync(out)]).toEqual([2, 1, false]);
    expect(r.stderr).toMatch(/is a folder/);
  });

  it("an --out that is the input through a symbolic link is refused", async () => {
    const real = join(dir, "real.xlsx");
    writeFileSync(real, readFileSync(EXAMPLE));
    symlinkSync(real, join(dir, "link.xlsx"));
    const r = await roster("check", join(dir, "link.xlsx"), "--out", real);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is an input file/);
    expect(readFileSync(real).equals(readFileSync(EXAMPLE))).toBe(true);
  });

  it("an extra argument is bad usage", async () => {
    const r = await roster("check", EXAMPLE, EXAMPLE);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("revert after a fixed cell was edited by hand: exit 2, one line naming the cell; an unknown batch likewise", async () => {
    const fixed = join(dir, "fixed.xlsx");
    expect((await roster("check", EXAMPLE, "--out", fixed, "--fix", "--as-of", "2025-12-31", "-q")).code).toBe(0);
    const report = JSON.parse((await roster("check", fixed, "--report", join(dir, "f.json"), "-q"), readFileSync(join(dir, "f.json"), "utf8")));
    expect(report.changes).toEqual([]); // a fix leaves nothing more to normalise
    const unknown = await roster("revert", fixed, "--batch", "9", "--out", join(dir, "r9.xlsx"));
    expect([unknown.code, unknown.stderr.trimEnd().split("\n").length, existsSync(join(dir, "r9.xlsx"))]).toEqual([2, 1, false]);
    expect(unknown.stderr).toMatch(/batch 9/);
    const ok = await roster("revert", fixed, "--batch", "1", "--out", join(dir, "r1.xlsx"));
    expect(ok.code).toBe(0);
    // a fix's batch is called one (a sync's names its file: test/integration/sync.test.ts)
    expect(ok.stdout.trim()).toMatch(/(第 1 批修正|batch 1 reverted)$/);
  });

  it.each([
    { label: "clear keeps the change log: revert --batch 1 still works after it", flags: [], says: /change log and the settings sheet are kept/, revert: 0 },
    { label: "clear --drop-log removes it: revert then has no batch 1", flags: ["--drop-log"], says: /change log removed/, revert: 2 },
  ])("$label", async ({ flags, says, revert }) => {
    const fixed = join(dir, "fixed-c.xlsx");
    expect((await roster("check", EXAMPLE, "--out", fixed, "--fix", "--as-of", "2025-12-31", "-q")).code).toBe(0);
    const cleared = join(dir, `cleared${flags.length}.xlsx`);
    const c = await roster("clear", fixed, "--out", cleared, ...flags);
    expect([c.code, c.stderr]).toEqual([0, ""]);
    expect(c.stdout).toMatch(says);
    const r = await roster("revert", cleared, "--batch", "1", "--out", join(dir, `after-clear${flags.length}.xlsx`), "-q");
    expect(r.code).toBe(revert);
  });
});

describe("revert after a hand edit", () => {
  it("a fixed cell edited since: exit 2, one line naming the sheet and cell, nothing written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "roster-edit-"));
    const fixed = join(dir, "fixed.xlsx");
    const rep = join(dir, "fix.json");
    expect((await roster("check", EXAMPLE, "--out", fixed, "--fix", "--report", rep, "--as-of", "2025-12-31", "-q")).code).toBe(0);
    const change = (JSON.parse(readFileSync(rep, "utf8")) as Report).changes[0];
    // the clerk types over one fixed cell (written here through the file back end, as a stand-in for Excel)
    const edited = applyPlan(readFileSync(fixed), "fixed.xlsx", {
      sheets: [], removeRoles: [],
      cellWrites: [{ sheet: change.sheet, row: change.row, col: columnIndex(change.column) + 1, value: "手改", expect: change.to }],
    });
    writeFileSync(join(dir, "edited.xlsx"), edited);
    const out = join(dir, "reverted.xlsx");
    const r = await roster("revert", join(dir, "edited.xlsx"), "--batch", "1", "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`${change.column}${change.row}`);
    expect(r.stderr).toContain(change.sheet);
    expect(existsSync(out)).toBe(false);
  });
});
