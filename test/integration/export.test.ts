// `roster export`: UTF-8 with BOM (or GBK) CSV tables LibreOffice reads with the Chinese right, nothing evaluated,
// IDs masked to the region prefix and last four, and a re-import (a sync of the export) gives back the same values.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { encode } from "../../src/cli/export-command";
import { main } from "../../src/cli/main";
import { readCsv } from "../../src/csv/read-csv";
import { guardCell, maskId } from "../../src/csv/write-csv";
import { cellText } from "../../src/domain/normalise/text";
import { openXlsx } from "../../src/workbook/xlsx";
import { MASTER_MEMBERS, MASTER_SHEET, makeSyncFixtures } from "../../scripts/make-sync-fixtures";
import { hasTool } from "../helpers/package-parts";
import { minimalXlsx } from "../helpers/minimal-xlsx";
import { writeFileSync } from "node:fs";
import { makeId } from "../helpers/grid";

let dir: string;
let merged: string;
const EXAMPLE = join(__dirname, "../../examples/铁西街党员花名册.xlsx");

async function roster(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "roster", ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "export-"));
  const fx = await makeSyncFixtures(join(dir, "fx"));
  merged = join(dir, "merged.xlsx"); // a master holding =1+2 and @SUM(1,1) as text, from a sync
  expect((await roster("sync", fx.master, fx.gbkCsv, "--apply", "--out", merged, "-q")).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("guard and mask", () => {
  it.each<[string, string]>([["=1+2", "'=1+2"], ["+86", "'+86"], ["-1", "'-1"], ["@SUM(A1)", "'@SUM(A1)"], ["张三", "张三"], ["", ""], ["1-2", "1-2"]])(
    "guardCell(%j) = %j", (v, out) => expect(guardCell(v)).toBe(out));
  it.each<[string, string]>([["220702196503151234", "220702********1234"], ["22070219650315123X", "220702********123X"], ["220702650315123", "220702*****5123"]])(
    "maskId(%s) = %s", (v, out) => expect(maskId(v)).toBe(out));
});

describe("roster export", () => {
  it("writes one CSV per roster and summary table, UTF-8 with BOM, formula-leading cells guarded", async () => {
    const out = join(dir, "plain");
    const r = await roster("export", merged, "--out-dir", out);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(readdirSync(out).sort()).toEqual(["名册汇总.csv", `${MASTER_SHEET}.csv`]);
    const bytes = readFileSync(join(out, `${MASTER_SHEET}.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain(",'=1+2,");
    expect(text).toContain(`"'@SUM(1,1)"`);
    expect(text).not.toMatch(/合计|填表人/); // the member table only: header and member rows
  });

  it("masks every ID to its region prefix and last four, in the issue lists too", async () => {
    const out = join(dir, "masked");
    expect((await roster("export", EXAMPLE, "--out-dir", out, "--mask-ids", "--issues-by-branch")).code).toBe(0);
    const files = readdirSync(out);
    expect(files.filter((f) => f.startsWith("名册问题-")).sort()).toEqual(["名册问题-无所属支部.csv", "名册问题-铁兴社区.csv", "名册问题-铁安社区.csv", "名册问题-铁康社区.csv"]);
    for (const f of files) expect([f, /\d{11}/.test(readFileSync(join(out, f), "utf8").replace(/1[3-9]\d{9}/g, ""))]).toEqual([f, false]);
    const rows = readCsv(readFileSync(join(out, "铁安社区党员花名册.csv")), "x.csv").grid.rows;
    const idCol = (rows[0] as string[]).indexOf("身份证号");
    const ids = rows.slice(1).map((r) => String(r?.[idCol] ?? ""));
    expect(ids.length).toBeGreaterThan(50);
    for (const id of ids.filter(Boolean)) expect(id).toMatch(/^220702\*{8}[\dX]{4}$/);
  });

  it.each<[string, string[]]>([["UTF-8", []], ["GBK", ["--encoding", "gbk"]]])("re-importing a %s export gives back the same values", async (_, extra) => {
    const out = join(dir, `re-${extra.length}`);
    expect((await roster("export", merged, "--out-dir", out, ...extra)).code).toBe(0);
    const csv = readCsv(readFileSync(join(out, `${MASTER_SHEET}.csv`)), "x.csv");
    expect(csv.encoding).toBe(extra.length ? "gb18030" : "utf-8");
    const g = openXlsx(new Uint8Array(readFileSync(merged)), "m").readSheet(MASTER_SHEET);
    const expected = g.rows.slice(1, 2 + MASTER_MEMBERS.length + 2).map((r) => Array.from({ length: 11 }, (_, c) => cellText(r?.[c], false)));
    const got = csv.grid.rows.map((r) => Array.from({ length: 11 }, (_, c) => cellText(r?.[c], false)));
    expect(got).toEqual(expected);
    // and a sync of the export into the workbook it came from changes nothing
    const report = join(dir, `re-${extra.length}.json`);
    expect((await roster("sync", merged, join(out, `${MASTER_SHEET}.csv`), "--report", report, "-q")).code).toBe(0);
    const rep = JSON.parse(readFileSync(report, "utf8"));
    expect([rep.added, rep.updated, rep.conflicts, rep.rejected, rep.unchanged]).toEqual([[], [], [], [], MASTER_MEMBERS.length + 2]);
  });

  it.each<[string, boolean]>([["张三 鐵康社區", true], ["𠀀", false], ["😀", false]])("GBK holds %j: %s (else one line naming the file)", (text, ok) => {
    if (ok) expect(iconv.decode(Buffer.from(encode(text, "gbk", "a.csv")), "gbk")).toBe(text);
    else expect(() => encode(text, "gbk", "a.csv")).toThrow(/^a\.csv: ".+" cannot be written in GBK/);
  });

  (hasTool("soffice") ? it : it.skip)("LibreOffice opens the CSV with the Chinese right and evaluates no cell", () => {
    const out = join(dir, "plain");
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", join(dir, "lo"), join(out, `${MASTER_SHEET}.csv`)], { stdio: "pipe", timeout: 120000 });
    const g = openXlsx(new Uint8Array(readFileSync(join(dir, "lo", `${MASTER_SHEET}.xlsx`))), "lo").readSheet(MASTER_SHEET);
    expect(g.rows[0]?.slice(0, 3)).toEqual(["序号", "姓名", "性别"]);
    expect(g.rows[1]?.[1]).toBe(MASTER_MEMBERS[0].name);
    expect(g.formulaCells.size).toBe(0);
    const texts = g.rows.flatMap((r) => (r ?? []).map((v) => String(v)));
    expect(texts).toContain("'=1+2");
    expect(texts).toContain("'@SUM(1,1)");
    expect(g.rows[10]?.[8]).toBe("'=1+2"); // 何晓燕's address: text, never 3
  }, 180000);
});

// A member whose 所在支部 is blank, and a column the whole roster lacks, belong to no branch: they go in a list of
// their own for the office, not silently into none (before, 名册问题-<branch>.csv held every issue but theirs).
describe("export --issues-by-branch: issues no branch owns", () => {
  const row = (r: number, cells: string[]) => `<row r="${r}">${cells.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join("")}</row>`;
  const sheet = (rows: string[][]) => ({ name: "花名册", xml: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.map((r, i) => row(i + 1, r)).join("")}</sheetData></worksheet>` });
  const head = ["姓名", "党支部", "身份证号", "入党时间", "联系电话", "家庭住址", "状态"];
  it.each<[string, string[][], string[]]>([
    ["a member without a branch", [head, ["张三", "一支部", makeId("19800101", "101"), "2001-07-01", "13812345678", "一街1号", "正常"], ["李四", "", makeId("19810101", "101"), "2002-07-01", "13812345679", "一街2号", "正常"]], ["名册问题-无所属支部.csv"]],
    ["every issue a branch's own", [head, ["张三", "一支部", makeId("19800101", "101"), "2001-07-01", "1381234567", "一街1号", "正常"]], ["名册问题-一支部.csv"]],
  ])("%s", async (label, rows, files) => {
    const file = join(dir, `${label}.xlsx`);
    writeFileSync(file, minimalXlsx([sheet(rows)]));
    const out = join(dir, `by-branch-${label}`);
    expect((await roster("export", file, "--out-dir", out, "--issues-by-branch", "--lang", "zh-CN")).code).toBe(0);
    expect(readdirSync(out).filter((f) => f.startsWith("名册问题-")).sort()).toEqual(files.sort());
    if (files[0].includes("无所属支部")) expect(readFileSync(join(out, files[0]), "utf8")).toMatch(/花名册,B3,李四,所在支部,错误/);
  });
});
