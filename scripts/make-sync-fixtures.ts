// Fixtures for the sync and export tests, made from code on every run (never hand-edited binaries):
// a small master workbook (ExcelJS) with a title row, a 合计 row of COUNTA/SUM formulas and a sheet whose formula
// points at that total; a branch's update as GBK CSV (what Excel on Chinese Windows saves), the same table as
// UTF-16 "Unicode text" and as UTF-8; a system export with codes (95_男); an .xlsx with title rows and no ID column.
//   npx tsx scripts/make-sync-fixtures.ts [outDir]
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { idCheckChar } from "../src/domain/normalise/id-number";

export const id = (first17: string): string => first17 + idCheckChar(first17);

/** The master's members: 序号 姓名 性别 出生日期 身份证号 入党时间 所在支部 联系电话 家庭住址 状态 党费(元). */
export const MASTER_MEMBERS = [
  { name: "王立新", gender: "男", birth: "1960-03-05", id: id("22070219600305123"), join: "1985-07-01", branch: "铁安社区", phone: "13904381111", address: "铁安小区1栋101", status: "正常", dues: 12 },
  { name: "李秀梅", gender: "女", birth: "1965-08-12", id: id("22070219650812222"), join: "1990-06-15", branch: "铁安社区", phone: 13904382222, address: "铁安小区2栋202", status: "正常", dues: 10 },
  { name: "赵建国", gender: "男", birth: "1958-11-20", id: id("22070219581120333"), join: "1980-01-10", branch: "铁安社区", phone: "13904383333", address: "铁安小区3栋303", status: "正常", dues: 8 },
  { name: "孙丽华", gender: "女", birth: "1970-02-28", id: id("22070219700228444"), join: "1995-03-01", branch: "铁安社区", phone: "13904384444", address: "铁安小区4栋404", status: "正常", dues: 15 },
  { name: "周海涛", gender: "男", birth: "1975-09-09", id: id("22070219750909555"), join: "2000-12-01", branch: "铁安社区", phone: "13904385555", address: "铁安小区5栋505", status: "正常", dues: 20 },
  { name: "吴德明", gender: "男", birth: "1962-04-18", id: id("22070219620418613"), join: "1988-05-20", branch: "铁康社区", phone: "13904386666", address: "康宁小区1栋101", status: "正常", dues: 9 },
  { name: "郑淑芬", gender: "女", birth: "1968-12-01", id: id("22070219681201724"), join: "1992-07-01", branch: "铁康社区", phone: "13904387777", address: "康宁小区2栋202", status: "正常", dues: 11 },
  { name: "冯志强", gender: "男", birth: "1980-06-30", id: id("22070219800630835"), join: "2005-06-30", branch: "铁康社区", phone: "13904388888", address: "康宁小区3栋303", status: "正常", dues: 13 },
] as const;

export const MASTER_SHEET = "花名册";
const HEADERS = ["序号", "姓名", "性别", "出生日期", "身份证号", "入党时间", "所在支部", "联系电话", "家庭住址", "状态", "党费(元)"];

async function writeMaster(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "make-sync-fixtures";
  wb.created = wb.modified = new Date(Date.UTC(2025, 11, 31));
  const ws = wb.addWorksheet(MASTER_SHEET);
  ws.mergeCells("A1:K1");
  ws.getCell("A1").value = "铁西街道党员花名册";
  ws.getRow(2).values = HEADERS;
  MASTER_MEMBERS.forEach((m, i) => {
    ws.getRow(3 + i).values = [i + 1, m.name, m.gender, m.birth, m.id, m.join, m.branch, m.phone, m.address, m.status, m.dues];
  });
  const last = 2 + MASTER_MEMBERS.length;
  const total = MASTER_MEMBERS.reduce((s, m) => s + m.dues, 0);
  const footer = ws.getRow(last + 1);
  footer.getCell(1).value = "合计";
  footer.getCell(2).value = { formula: `COUNTA(B3:B${last})`, result: MASTER_MEMBERS.length };
  footer.getCell(11).value = { formula: `SUM(K3:K${last})`, result: total };
  ws.getRow(last + 2).getCell(1).value = "填表人：王立新";
  const notes = wb.addWorksheet("说明");
  notes.getCell("A1").value = "党费合计";
  notes.getCell("B1").value = { formula: `${MASTER_SHEET}!K${last + 1}`, result: total };
  await wb.xlsx.writeFile(file);
}

const csvLine = (cells: readonly (string | number)[]): string =>
  cells.map((c) => (/[",\n\t]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(",");

/** 铁安社区's own submission: 2 phones changed, 1 blank address, 1 transferred out, 1 member missing, a duplicate
 * row, 2 new members, and text starting with = and @ (formula injection). */
export function branchUpdateRows(): (string | number)[][] {
  const [m1, m2, m3, m4] = MASTER_MEMBERS;
  const row = (n: number, m: (typeof MASTER_MEMBERS)[number], over: Partial<Record<"phone" | "address" | "status", string>> = {}) =>
    [n, m.name, m.gender, m.birth, m.id, m.join, m.branch, over.phone ?? String(m.phone), over.address ?? m.address, over.status ?? m.status];
  return [
    ["铁安社区党员名单（2026年1月报）"],
    ["序号", "姓名", "性别", "出生日期", "身份证号", "入党时间", "所在支部", "联系电话", "家庭住址", "状态"],
    row(1, m1, { phone: "13800000001" }),
    row(2, m2, { phone: "13800000002", address: "@SUM(1,1)" }),
    row(3, m3, { address: "" }),
    row(4, m4, { status: "转出" }),
    row(5, m1, { phone: "13800000001" }), // the same row twice
    [6, "钱新民", "男", "1990-01-15", id("22070219900115113"), "2015-07-01", "铁安社区", "13800000006", "铁安小区6栋606", "正常"],
    [7, "何晓燕", "女", "1992-05-20", id("22070219920520224"), "2018-07-01", "铁安社区", "13800000007", "=1+2", "正常"],
    ["说明：周海涛情况待核实"],
  ];
}

/** A party-building system's export: numeric codes before labels (95_男, 12_铁康社区). */
export function systemCodeRows(): string[][] {
  const [, , , , , m6, m7, m8] = MASTER_MEMBERS;
  const sex = (g: string) => (g === "男" ? "95_男" : "96_女");
  return [
    ["姓名", "性别", "公民身份号码", "所在党支部", "党员类型", "联系电话"],
    [m6.name, sex(m6.gender), m6.id, "12_铁康社区", "223_正式党员", m6.phone],
    [m7.name, sex(m7.gender), m7.id, "12_铁康社区", "223_正式党员", m7.phone],
    [m8.name, sex(m8.gender), m8.id, "12_铁康社区", "223_正式党员", "13811118888"],
  ];
}

async function writeTitledXlsx(file: string): Promise<void> {
  const [, , , , , m6] = MASTER_MEMBERS;
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2025, 11, 31));
  const a = wb.addWorksheet("更新");
  a.getCell("A1").value = "铁康社区党员信息更新（无身份证号）";
  a.getRow(2).values = ["姓名", "出生日期", "入党时间", "所在支部", "联系电话"];
  a.getRow(3).values = [m6.name, m6.birth, m6.join, m6.branch, "13822226666"];
  const b = wb.addWorksheet("新增");
  b.getCell("A1").value = "铁康社区新增党员";
  b.getRow(2).values = ["姓名", "出生日期", "入党时间", "所在支部", "联系电话"];
  b.getRow(3).values = ["陈思远", "1995-10-10", "2020-07-01", "铁康社区", "13822229999"];
  await wb.xlsx.writeFile(file);
}

export interface SyncFixtures {
  readonly master: string;
  readonly gbkCsv: string;
  readonly utf16Txt: string;
  readonly utf8Csv: string;
  readonly systemCodesCsv: string;
  readonly titledXlsx: string;
}

export async function makeSyncFixtures(dir: string): Promise<SyncFixtures> {
  fs.mkdirSync(dir, { recursive: true });
  const f: SyncFixtures = {
    master: path.join(dir, "master.xlsx"),
    gbkCsv: path.join(dir, "铁安社区党员名单.csv"),
    utf16Txt: path.join(dir, "铁安社区党员名单.txt"),
    utf8Csv: path.join(dir, "铁安社区党员名单-utf8.csv"),
    systemCodesCsv: path.join(dir, "系统导出.csv"),
    titledXlsx: path.join(dir, "铁康社区更新.xlsx"),
  };
  await writeMaster(f.master);
  const rows = branchUpdateRows();
  const csv = rows.map(csvLine).join("\r\n") + "\r\n";
  fs.writeFileSync(f.gbkCsv, iconv.encode(csv, "gbk"));
  fs.writeFileSync(f.utf8Csv, Buffer.from(csv, "utf8"));
  const tsv = rows.map((r) => r.join("\t")).join("\r\n") + "\r\n";
  fs.writeFileSync(f.utf16Txt, iconv.encode(tsv, "utf16le", { addBOM: true }));
  fs.writeFileSync(f.systemCodesCsv, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(systemCodeRows().map(csvLine).join("\n") + "\n", "utf8")]));
  await writeTitledXlsx(f.titledXlsx);
  return f;
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.resolve(__dirname, "..", "test-output", "sync-fixtures");
  makeSyncFixtures(dir).then((f) => console.log(Object.values(f).join("\n")));
}
