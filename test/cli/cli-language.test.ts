// The command line in the clerk's language: --lang, else the system locale, else the roster's; help, errors,
// progress and the summary (labels, never codes) in zh-CN and en; one-line errors keeping commander's suggestion;
// a closed stdout ends quietly; the next step after the summary.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { argvLang, langOfLocale, systemLang } from "../../src/cli/cli-lang";
import { main } from "../../src/cli/main";
import { EDGE_EN } from "../../src/i18n/edge-errors-en";
import { describeError, EdgeError, type EdgeCode } from "../../src/i18n/edge-errors";
import { UnreadableInputError } from "../../src/workbook/xlsx";
import { bitFlipInStoredPart } from "../fixtures/hostile/make-hostile";

const ROOT = join(__dirname, "../..");
const EXAMPLE = join(ROOT, "examples/铁西街党员花名册.xlsx");
const tmp = mkdtempSync(join(tmpdir(), "roster-lang-"));

async function run(env: Record<string, string>, ...args: string[]) {
  const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
  Object.assign(process.env, { LANG: "", LC_ALL: "", LC_MESSAGES: "" }, env);
  let stdout = "";
  let stderr = "";
  try {
    const code = await main(["node", "roster", ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
    return { code, stdout, stderr };
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

describe("which language", () => {
  it.each<[string | undefined, string | undefined]>([
    ["zh_CN.UTF-8", "zh-CN"], ["zh_SG", "zh-CN"], ["zh_TW.UTF-8", "zh-TW"], ["zh_HK", "zh-TW"], ["zh-Hant-TW", "zh-TW"],
    ["en_US.UTF-8", "en"], ["de_DE", "en"], ["C", undefined], ["C.UTF-8", undefined], ["POSIX", undefined], ["", undefined], [undefined, undefined],
  ])("locale %s -> %s", (locale, lang) => expect(langOfLocale(locale)).toBe(lang));

  it.each<[NodeJS.ProcessEnv, string | undefined]>([
    [{ LANG: "zh_CN.UTF-8" }, "zh-CN"],
    [{ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" }, "en"],
    [{ LC_MESSAGES: "zh_TW.UTF-8", LANG: "en_US" }, "zh-TW"],
    [{ LANG: "C.UTF-8" }, undefined],
    [{}, undefined],
  ])("environment %j -> %s", (env, lang) => expect(systemLang(env, "linux")).toBe(lang));

  it.each<[string[], string | undefined]>([
    [["check", "a.xlsx", "--lang", "en"], "en"], [["--lang=zh-TW", "check"], "zh-TW"], [["check", "--lang", "fr"], undefined], [["check"], undefined],
  ])("argv %j -> %s", (argv, lang) => expect(argvLang(argv)).toBe(lang));
});

describe("help", () => {
  it.each<[Record<string, string>, string[], RegExp[]]>([
    [{ LANG: "zh_CN.UTF-8" }, ["--help"], [/^用法： roster \[选项\] \[命令\]/, /检查党员花名册工作簿/, /命令：/, /显示帮助/]],
    [{ LANG: "C" }, ["check", "--help", "--lang", "zh-CN"], [/^用法： roster check \[选项\] <workbook>/, /参数：/, /选项：/, /把检查后的工作簿写到这里/]],
    [{ LANG: "en_US.UTF-8" }, ["check", "--help"], [/^Usage: roster check \[options\] <workbook>/, /Options:/, /write the checked workbook here/]],
  ])("%j %j", async (env, args, patterns) => {
    const r = await run(env, ...args);
    expect(r.code).toBe(0);
    for (const p of patterns) expect(r.stdout).toMatch(p);
  });
});

describe("errors: one line, in the user's language, commander's suggestion kept", () => {
  const damaged = join(tmp, "damaged.xlsx");
  beforeAll(() => writeFileSync(damaged, bitFlipInStoredPart()));
  it.each<[Record<string, string>, string[], RegExp]>([
    [{ LANG: "zh_CN.UTF-8" }, ["check", EXAMPLE, "--ot", "x.xlsx"], /^roster: 未知选项 '--ot'（是不是要用 --out？）$/],
    [{ LANG: "en_US.UTF-8" }, ["check", EXAMPLE, "--ot", "x.xlsx"], /^roster: unknown option '--ot' \(Did you mean --out\?\)$/],
    [{ LANG: "zh_CN.UTF-8" }, ["chek"], /^roster: 未知命令 'chek'（是不是要用 check？）$/],
    [{ LANG: "zh_CN.UTF-8" }, ["check"], /^roster: 缺少必需的参数 'workbook'$/],
    [{ LANG: "zh_CN.UTF-8" }, ["check", EXAMPLE, "--fix"], /^roster: --fix 会把修正后的值写入新工作簿/],
    [{ LANG: "C" }, ["check", EXAMPLE, "--fix", "--lang", "zh-CN"], /^roster: --fix 会把修正后的值写入新工作簿/],
    [{ LANG: "zh_CN.UTF-8" }, ["check", join(tmp, "missing.xlsx")], /missing\.xlsx: 文件不存在$/],
    [{ LANG: "zh_CN.UTF-8" }, ["check", damaged], /damaged\.xlsx: 文件已损坏（部件 xl\/worksheets\/sheet1\.xml 的 CRC-32 校验不符）$/],
    [{ LANG: "en_US.UTF-8" }, ["check", damaged], /damaged\.xlsx: the file is damaged \(part xl\/worksheets\/sheet1\.xml fails its CRC-32 check\)$/],
    [{ LANG: "zh_CN.UTF-8" }, ["check", EXAMPLE, "--report", "/dev/null"], /^roster: \/dev\/null: 是设备，不是文件；请给出文件名$/],
    [{ LANG: "zh_CN.UTF-8" }, ["check", EXAMPLE, "--as-of", "2025-13-01"], /^roster: --as-of "2025-13-01"：应为日期/],
  ])("%j %j", async (env, args, message) => {
    const r = await run(env, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr.endsWith("\n")).toBe(true);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
  });
});

describe("the summary", () => {
  it("in zh-CN: labels, never codes; the next step; no 见报告 without a report", async () => {
    const r = await run({ LANG: "zh_CN.UTF-8" }, "check", EXAMPLE, "--as-of", "2025-12-31");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/联系方式不全 \d+/);
    expect(r.stdout).not.toMatch(/missing_contact|invalid_id|\bunknown\b|\[error\]|\[warning\]/);
    expect(r.stdout).not.toMatch(/见报告/);
    expect(r.stdout).toMatch(/加 --report 报告\.json 可写出全部问题/);
    expect(r.stdout.trimEnd().split("\n").pop()).toMatch(/^下一步：roster check .*--out 检查后\.xlsx 写出带标注的名册；同时加 --fix 可自动修正 \d+ 处值（也可只修几类，如 --fix ids,dates）$/);
  });

  it("in en when the system says so, whatever the roster's language", async () => {
    const report = join(tmp, "r.json");
    const r = await run({ LANG: "en_US.UTF-8" }, "check", EXAMPLE, "--as-of", "2025-12-31", "--report", report);
    expect(r.stdout).toMatch(/Issues: \d+ errors/);
    expect(r.stdout).toMatch(/Contact details incomplete \d+|contact/i);
    expect(r.stdout).not.toMatch(/missing_contact|第\d+行/);
    expect(r.stdout).toContain(`more in the report ${report}`);
    expect(r.stdout.trimEnd().split("\n").pop()).toMatch(/^Next: roster check .* --out checked\.xlsx writes the checked workbook; add --fix as well to correct the \d+ fixable values$/);
  });

  // after --fix the clerk is told how many values, which batch of 修改记录 (revert needs its number) and how to undo
  // it; a second --fix over the fixed file has nothing left and says so, not "修正后的名册" alone
  it.each<[string, () => string, RegExp, RegExp]>([
    ["values fixed: the batch and the revert command", () => EXAMPLE, /^已写出修正后的名册 .*o1\.xlsx$/, /^已修正 \d+ 处值，原值记入修改记录第 1 批；要撤销：roster revert .*o1\.xlsx --batch 1 --out 撤销后\.xlsx$/],
    ["nothing left to fix", () => join(tmp, "o1.xlsx"), /^已写出检查后的名册 .*o2\.xlsx$/, /^没有可自动修正的值，名册中的值未改动$/],
  ])("with --out and --fix written, %s; no next step is left", async (_l, input, written, fixed) => {
    const out = join(tmp, input() === EXAMPLE ? "o1.xlsx" : "o2.xlsx");
    const r = await run({ LANG: "zh_CN.UTF-8" }, "check", input(), "--as-of", "2025-12-31", "--out", out, "--fix");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/下一步/);
    expect(r.stdout.trimEnd().split("\n").slice(-2)).toEqual([expect.stringMatching(written), expect.stringMatching(fixed)]);
  });
});

describe("describeError renders every edge code in every language", () => {
  const codes = Object.keys(EDGE_EN) as EdgeCode[];
  it.each(["zh-CN", "zh-TW", "en"] as const)("%s", (lang) => {
    for (const code of codes) {
      const text = describeError(new EdgeError(code, { file: "a.xlsx", part: "xl/x.xml", size: 2048, limit: 1024, reason: "EIO" }), lang);
      expect(text.startsWith("a.xlsx: ")).toBe(true);
      expect(text.length).toBeGreaterThan(9);
      if (lang !== "en" && code !== "other" && code !== "atSheet") expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it("a reader's error in zh-CN names the file, the sheet and the cell", () => {
    const e = new UnreadableInputError("名册.xlsx", "cellTooLong", { sheet: "表1", at: "B7", row: 7 });
    expect(describeError(e, "zh-CN")).toBe("名册.xlsx: 工作表「表1」：单元格 B7含有超过 1 MiB 的文本（Excel 每格最多 32767 个字符）；文件已损坏或被篡改");
    expect(e.message).toBe('名册.xlsx: sheet "表1": cell B7 holds more than 1 MiB of text (Excel allows 32,767 characters); the file is damaged or hostile');
  });
});

describe("a closed stdout (roster check ... | head -3)", () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-b", "tsconfig.build.json"], { cwd: ROOT });
  }, 120_000);
  it("ends quietly: no EPIPE stack trace, exit 0", async () => {
    const child = spawn(process.execPath, [join(ROOT, "bin/roster.js"), "check", EXAMPLE, "--as-of", "2025-12-31"], { env: { ...process.env, LANG: "zh_CN.UTF-8" } });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on("exit", done));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  }, 30_000);
});
