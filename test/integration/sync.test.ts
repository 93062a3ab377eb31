// Issue 10 acceptance: a branch's GBK update, a system export with codes and an .xlsx with title rows merged into a
// master through `roster sync`; the merged workbook read back by LibreOffice; the sync batch reverted.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { SyncReport } from "../../src/domain/diff-schema";
import { openXlsx } from "../../src/workbook/xlsx";
import { MASTER_MEMBERS, MASTER_SHEET, SyncFixtures, makeSyncFixtures } from "../../scripts/make-sync-fixtures";
import { hasTool, libreOfficeSheets, validateAgainst } from "../helpers/package-parts";
import { hasShared } from "../helpers/shared";

let dir: string;
let fx: SyncFixtures;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sync-"));
  fx = await makeSyncFixtures(join(dir, "fx"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function roster(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "roster", ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}
const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const report = (file: string): SyncReport => SyncReport.parse(JSON.parse(readFileSync(file, "utf8")));
const [M1, M2, M3, M4, M5] = MASTER_MEMBERS;

describe("the preview lists exactly the real changes", () => {
  it.each<[string, keyof SyncFixtures]>([["GBK CSV", "gbkCsv"], ["UTF-16 Unicode text", "utf16Txt"], ["UTF-8 CSV", "utf8Csv"]])("%s", async (_, which) => {
    const out = join(dir, `${which}.json`);
    const r = await roster("sync", fx.master, fx[which], "--report", out);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const rep = report(out);
    expect(rep.matchedBy).toBe("idNumber");
    expect(rep.added.map((a) => [a.name, a.sheet, a.row])).toEqual([["钱新民", MASTER_SHEET, 8], ["何晓燕", MASTER_SHEET, 9]]);
    expect(rep.updated.map((u) => `${u.name} ${u.field}: ${u.from} -> ${u.to}`)).toEqual([
      `${M1.name} phone: ${M1.phone} -> 13800000001`,
      `${M2.name} phone: ${M2.phone} -> 13800000002`,
      `${M2.name} address: ${M2.address} -> @SUM(1,1)`,
      `${M4.name} status: 正常 -> 转出`,
    ]);
    expect(rep.conflicts).toEqual([]);
    expect(rep.unchanged).toBe(1); // M3, whose blank address is no change
    expect(rep.notInIncoming.map((a) => a.name)).toEqual([M5.name]); // 铁安社区's own list: 铁康社区 is not absent
    expect(rep.rejected).toEqual([{ row: 7, reason: "duplicate_row", params: { of: 3 }, value: M1.name }]);
    expect(r.stdout).toContain(`x 来文第7行: 与第3行重复 "${M1.name}"`);
    expect(r.stdout).toContain(`~ ${M1.name} 联系电话: ${M1.phone} -> 13800000001`);
    expect(r.stdout).toMatch(/新增 2 人[\s\S]*更新 4 项[\s\S]*来文中没有的 1 人[\s\S]*未采用 1 行/);
  });

  it("strips system codes (95_男, 12_铁康社区) the way the engine does: only the real change is listed", async () => {
    const out = join(dir, "codes.json");
    expect((await roster("sync", fx.master, fx.systemCodesCsv, "--report", out)).code).toBe(0);
    const rep = report(out);
    expect(rep.updated.map((u) => `${u.name} ${u.field} ${u.to}`)).toEqual([`${MASTER_MEMBERS[7].name} phone 13811118888`]);
    expect([rep.unchanged, rep.added.length, rep.conflicts.length, rep.rejected.length]).toEqual([2, 0, 0, 0]);
  });

  it("matches by name + birth date where the incoming .xlsx has no ID column, and says so", async () => {
    const out = join(dir, "titled.json");
    const r = await roster("sync", fx.master, fx.titledXlsx, "--report", out);
    expect(r.code).toBe(0);
    const rep = report(out);
    expect(rep.matchedBy).toBe("nameBirthDate");
    expect(rep.updated).toEqual([expect.objectContaining({ name: MASTER_MEMBERS[5].name, field: "phone", to: "13822226666", match: "nameBirthDate" })]);
    expect(rep.added).toEqual([expect.objectContaining({ name: "陈思远", key: "陈思远/1995-10-10", match: "nameBirthDate" })]);
    expect(r.stdout).toContain("按姓名 + 出生日期匹配");
  });
});

describe("applied, reverted", () => {
  let merged: string;
  let masterHash: string;
  beforeAll(async () => {
    masterHash = hash(fx.master);
    merged = join(dir, "merged.xlsx");
    const r = await roster("sync", fx.master, fx.gbkCsv, "--apply", "--out", merged, "--report", join(dir, "applied.json"));
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("修改记录第 1 批");
  });

  it("leaves the master file as it was", () => {
    expect(hash(fx.master)).toBe(masterHash);
  });

  it("holds the changes, keeps the master's value under a blank, the injected text as text, totals grown", () => {
    const g = openXlsx(new Uint8Array(readFileSync(merged)), "merged.xlsx").readSheet(MASTER_SHEET);
    const row = (n: number) => g.rows[n - 1] ?? [];
    expect(row(3)[7]).toBe("13800000001");
    expect(row(5)[8]).toBe(M3.address);
    expect(row(6)[9]).toBe("转出");
    expect(row(11).slice(0, 10)).toEqual([9, "钱新民", "男", "1990-01-15", expect.any(String), "2015-07-01", "铁安社区", "13800000006", "铁安小区6栋606", "正常"]);
    expect(row(12)[8]).toBe("=1+2");
    expect(row(13)[0]).toBe("合计");
    expect(g.formulaCells.size).toBe(2); // COUNTA and SUM, moved; the injected text is no formula
  });

  (hasTool("soffice") ? it : it.skip)("LibreOffice reads the merged workbook: text stays text, the totals take in the new rows", () => {
    const sheets = libreOfficeSheets(new Uint8Array(readFileSync(merged)));
    const rows = sheets.get(MASTER_SHEET)!;
    expect(rows[3][8]).toBe("@SUM(1,1)");
    expect(rows[11][8]).toBe("=1+2");
    expect(rows[4][8]).toBe(M3.address);
    expect(rows[12].slice(0, 2)).toEqual(["合计", "10"]);
    expect(rows[12][10]).toBe(String(MASTER_MEMBERS.reduce((s, m) => s + m.dues, 0)));
    expect(sheets.get("说明")![0]).toEqual(["党费合计", "98"]);
  }, 180000);

  (hasShared("ooxml-xsd") && hasTool("xmllint") ? it : it.skip)("is valid against the schemas", () => {
    const v = validateAgainst(new Uint8Array(readFileSync(fx.master)), new Uint8Array(readFileSync(merged)));
    expect(v.failures).toEqual([]);
  }, 120000);

  it("revert of the sync batch restores the master's values exactly (types too)", async () => {
    const reverted = join(dir, "reverted.xlsx");
    const r = await roster("revert", merged, "--batch", "1", "--out", reverted);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    // the clerk is told the batch was a sync of that file, not called a fix
    expect(r.stdout.trim()).toMatch(/(第 1 批（同步 .+\.csv）|batch 1 \(sync of .+\.csv\) reverted)$/);
    expect(r.stdout).not.toMatch(/批修正|1 reverted$/);
    const before = openXlsx(new Uint8Array(readFileSync(fx.master)), "m").readSheet(MASTER_SHEET);
    const after = openXlsx(new Uint8Array(readFileSync(reverted)), "r").readSheet(MASTER_SHEET);
    // the rows the sync inserted are deleted again (no blank rows left in the roster), the totals row back in its
    // place with its formulas as they were; their cached values, dropped by the sync, are computed on open
    const values = (g: typeof before) => g.rows.map((row, r0) => (row ?? []).flatMap((v, c) => (v === undefined || g.formulaCells.has(r0 * 16384 + c) ? [] : [[c, v]])));
    expect(after.rows.length).toBe(before.rows.length);
    expect(values(after)).toEqual(values(before));
    expect([...after.formulaCells].sort()).toEqual([...before.formulaCells].sort());
    // every formula of the user's sheets as it was (the totals shrunk back, the other sheet's reference moved back)
    const formulas = (file: string) => {
      const parts = unzipSync(new Uint8Array(readFileSync(file)));
      return ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"].map((p) => [...strFromU8(parts[p]).matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]));
    };
    expect(formulas(reverted)).toEqual(formulas(fx.master));
    if (hasShared("ooxml-xsd")) expect(validateAgainst(new Uint8Array(readFileSync(fx.master)), new Uint8Array(readFileSync(reverted))).failures).toEqual([]);
  }, 120000);

  it("revert of the sync batch keeps an inserted row a clerk has typed into since (never a value lost)", async () => {
    // the merged file with a note typed into the first added member's row, in a column the sync left empty
    const parts = unzipSync(new Uint8Array(readFileSync(merged)));
    const xml = strFromU8(parts["xl/worksheets/sheet1.xml"]);
    const typed = xml.replace(/(<row\b[^>]*\sr="11"[^>]*>[\s\S]*?)(<\/row>)/, '$1<c r="Z11" t="inlineStr"><is><t>待核实</t></is></c>$2');
    expect(typed).not.toBe(xml);
    parts["xl/worksheets/sheet1.xml"] = strToU8(typed);
    const edited = join(dir, "merged-typed.xlsx");
    writeFileSync(edited, zipSync(parts));
    const reverted = join(dir, "reverted-typed.xlsx");
    const r = await roster("revert", edited, "--batch", "1", "--out", reverted);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const before = openXlsx(new Uint8Array(readFileSync(fx.master)), "m").readSheet(MASTER_SHEET);
    const after = openXlsx(new Uint8Array(readFileSync(reverted)), "r").readSheet(MASTER_SHEET);
    expect(after.rows.length).toBe(before.rows.length + 1); // the typed-into row stays, the other added row goes
    expect(after.rows[10]?.[25]).toBe("待核实");
    expect((after.rows[10] ?? []).slice(0, 25).every((v) => v === undefined || v === null)).toBe(true);
    expect(after.rows[11]?.slice(0, 1)).toEqual(["合计"]);
    expect([...after.formulaCells].sort()).toEqual([...before.formulaCells].map((k) => k + 16384).sort());
  });
});

describe("--accept and refusals", () => {
  it("skips what the edited preview sets accept: false", async () => {
    const preview = join(dir, "preview.json");
    await roster("sync", fx.master, fx.gbkCsv, "--report", preview);
    const rep = report(preview);
    rep.updated = rep.updated.map((u) => (u.field === "address" ? { ...u, accept: false } : u));
    rep.added = rep.added.map((a) => (a.name === "何晓燕" ? { ...a, accept: false } : a));
    writeFileSync(preview, JSON.stringify(rep));
    const out = join(dir, "accepted.xlsx");
    const r = await roster("sync", fx.master, fx.gbkCsv, "--accept", preview, "--out", out);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const g = openXlsx(new Uint8Array(readFileSync(out)), "a").readSheet(MASTER_SHEET);
    expect(g.rows[3]?.[8]).toBe(M2.address);
    expect(g.rows[3]?.[7]).toBe("13800000002");
    expect(g.rows[10]?.[1]).toBe("钱新民");
    expect(g.rows[11]?.[0]).toBe("合计");
  });

  it.each<[string, () => string[], RegExp]>([
    ["--out without --apply", () => ["sync", fx.master, fx.gbkCsv, "--out", join(dir, "x.xlsx")], /--out is written only with --apply/],
    ["--apply without --out", () => ["sync", fx.master, fx.gbkCsv, "--apply"], /give --out/],
    ["--out over the master", () => ["sync", fx.master, fx.gbkCsv, "--apply", "--out", fx.master], /is an input file/],
    ["an incoming file with no roster table", () => ["sync", fx.master, writeAndName("notes.csv", "a,b\n1,2\n")], /notes\.csv: no roster found/],
    ["an accept file that is not a sync report", () => ["sync", fx.master, fx.gbkCsv, "--accept", writeAndName("bad.json", "{}"), "--out", join(dir, "y.xlsx")], /bad\.json: not a sync report/],
    ["a stale accept file", () => ["sync", fx.master, fx.systemCodesCsv, "--accept", join(dir, "GBK CSV.json").replace("GBK CSV", "gbkCsv"), "--out", join(dir, "z.xlsx")], /does not match the files any more/],
  ])("%s: one line, exit 2, nothing written", async (_, args, message) => {
    const r = await roster(...args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

function writeAndName(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
