// A large roster for the benchmark: one sheet "党员花名册" of `rows` members with 18 columns like the example
// workbook's, dates as real date cells, all text in shared strings (as Excel saves it), and about 2% of rows
// carrying a typical problem; a BigShape (bench/shapes.ts) writes the same members inline, traditional, with text
// dates, 45 columns wide, over branch sheets, or with every ID repeated. Written with our own small package writer
// over fflate's streaming zip, because ExcelJS's streaming writer is several times slower at this size.
// Past 1,048,571 members a sheet has room for one header row only: the roster is then written bare (bench/shapes.ts).
//   npx tsx bench/make-big.ts out.xlsx [rows] [--shape=inline-trad] [--bare] [--verify]
import * as fs from "fs";
import { Zip, ZipDeflate } from "fflate";
import { idCheckChar, makeRng, Rng } from "../scripts/example-text";
import { SharedStrings, esc, packageParts } from "./package-parts";
import { columnLetter } from "../src/domain/grid";
import { BigShape, EXCEL_ROWS, SHAPES, WIDE_COLS, WIDE_DATES, WIDE_STAGE_DATES, WIDE_VALUES, dateText, fitLayout, layoutRows, textOf } from "./shapes";

const COLS = ["序号", "姓名", "性别", "民族", "出生年月", "身份证号", "学历", "入党时间", "转正时间", "党员类别", "所在支部", "联系电话", "家庭住址", "工作单位", "就业情况", "状态", "思想动态", "备注"];
const LETTERS = Array.from({ length: COLS.length + WIDE_COLS.length }, (_, i) => columnLetter(i));
const BRANCHES = ["铁安", "铁康", "铁兴", "铁东", "铁南", "铁北", "新华", "民主", "团结", "建设", "沿江", "工农", "文化", "康宁", "兴华", "长宁", "永安", "和平", "胜利", "光明"].map((b) => b + "社区");
const SURNAMES = [..."王王王王李李李李张张张张刘刘刘刘陈陈杨杨赵赵孙孙于于马高郭徐周吴朱胡林宋郑董曹姜崔谭田韩冯邓许付曲孟关初佟吕白金丛"];
const MALE = [..."国建军伟明志刚勇强海东平杰宏涛斌波辉峰林文德福贵山成庆永立新宝忠利金荣俊鹏磊洋宇浩博卫兵良兆民生才武义双彬岩超帅鑫"];
const FEMALE = [..."红丽英梅兰桂玉凤秀霞艳敏静芳萍云春秋华婷雪莉娜晶颖慧淑琴珍丹璐楠"];
const MOBILE = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158", "159", "177", "180", "181", "186", "187", "188", "189", "199"];
const COMPOUNDS = ["小区", "家园", "花园", "新村"];
const WORK = ["原吉林油田采油二厂", "天网科技资讯有限公司", "日丰管安装公司", "宁江区物业公司", "个体经营", "铁西街道办事处", "宁江区民政局", "原松原市纺织厂", "原宁江区粮库", "社区服务站"];
const IDEOLOGY = ["思想稳定", "思想稳定，积极参加组织生活", "拥护党的政策，热心社区事务", "参加义务巡逻队", ""];

type Cat = [label: string, weight: number, birthFrom: number, birthTo: number, male: number, edu: string[], emp: string[]];
const CATS: Cat[] = [
  ["油田有偿解除劳动合同", 63, 1955, 1978, 0.68, ["高中", "中专", "大专", "初中"], ["再就业", "自主创业", "下岗"]],
  ["下岗职工", 7.5, 1958, 1975, 0.55, ["初中", "高中", "中专"], ["下岗", "再就业", "自主创业"]],
  ["复员军人", 5, 1950, 1990, 0.95, ["高中", "大专", "中专"], ["在职", "再就业"]],
  ["离退休", 6, 1940, 1960, 0.6, ["初中", "高中", "中专", "小学"], ["退休"]],
  ["居民", 7, 1950, 1995, 0.4, ["高中", "大专", "本科", "初中"], ["自主创业", "下岗", "在职"]],
  ["机关", 11.5, 1968, 2000, 0.5, ["本科", "大专", "研究生"], ["在职"]],
];
const CAT_TOTAL = CATS.reduce((s, c) => s + c[1], 0);
const ETHNIC: [string, number][] = [["汉族", 88], ["满族", 6], ["蒙古族", 2], ["朝鲜族", 2], ["回族", 2]];
const STATUS: [string, number][] = [["正常", 97], ["流动", 1.5], ["失联", 1], ["转出", 0.3], ["去世", 0.2]];

/** The problems planted in ~2% of rows, each the kind a real roster has. */
export const BIG_PROBLEMS = [
  "text_date", "phone_unknown", "phone_blank", "phone_invalid", "id_checksum", "id_duplicate", "status_missing",
  "category_unknown", "id_legacy15", "name_space", "phone_fullwidth", "id_number_cell", "joined_under_18",
  "full_before_probation", "ambiguous_date", "impossible_date", "address_blank",
] as const;
export type BigProblem = (typeof BIG_PROBLEMS)[number];

export interface BigRosterStats {
  rows: number;
  bytes: number;
  ms: number;
  sharedStrings: number;
  problems: Record<BigProblem, number>;
}

const EPOCH = Date.UTC(1899, 11, 30);
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - EPOCH) / 86400000;
const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));

function weighted<T>(r: Rng, t: [T, number][], total = t.reduce((s, x) => s + x[1], 0)): T {
  let x = r.next() * total;
  for (const [v, w] of t) if ((x -= w) < 0) return v;
  return t[t.length - 1][0];
}

/** Cell writers for one row; strings go through the shared-string table, or inline, as the shape says. */
class RowWriter {
  parts: string[] = [];
  private readonly text: (s: string) => string;
  constructor(private readonly sst: SharedStrings, private readonly shape: BigShape, private readonly span: number) {
    this.text = textOf(shape);
  }
  start(r: number): void {
    this.parts.push(`<row r="${r}" spans="1:${this.span}">`);
  }
  str(ref: string, s: string | null, style = 0): void {
    if (s === null || s === "") return;
    const t = this.text(s);
    if (this.shape.inline) this.parts.push(`<c r="${ref}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t>${esc(t)}</t></is></c>`);
    else this.parts.push(`<c r="${ref}"${style ? ` s="${style}"` : ""} t="s"><v>${this.sst.id(t)}</v></c>`);
  }
  /** A number; a date style (1 month, 2 day) with textDates set writes the date as typed text instead. */
  num(ref: string, n: number, style = 0): void {
    if ((style === 1 || style === 2) && this.shape.textDates) {
      const d = new Date(EPOCH + n * 86400000);
      this.str(ref, dateText(colIndexOf(ref), d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
      return;
    }
    this.parts.push(`<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${n}</v></c>`);
  }
  end(): void {
    this.parts.push("</row>");
  }
  take(): string {
    const s = this.parts.join("");
    this.parts = [];
    return s;
  }
}

function colIndexOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length && ref.charCodeAt(i) >= 65; i++) n = n * 26 + ref.charCodeAt(i) - 64;
  return n - 1;
}

/** Writes the roster and returns what it planted. Deterministic for a given row count and shape. */
export async function writeBigRoster(path: string, rows = 100_000, shape: BigShape = {}): Promise<BigRosterStats> {
  const t0 = performance.now();
  const sheetCount = shape.sheets ?? 1;
  const bare = shape.bare === true;
  const head = bare ? 1 : 3; // the header row (1-based); members start below it
  if (Math.ceil(rows / sheetCount) + layoutRows(shape) > EXCEL_ROWS) {
    throw new Error(`${rows} members do not fit one sheet of ${EXCEL_ROWS} rows in this layout${bare ? "" : " (--bare: one header row)"}`);
  }
  const r = makeRng(100_000 + rows);
  const sst = new SharedStrings();
  const fd = fs.openSync(path, "w");
  let bytes = 0;
  const failed: { err?: Error } = {};
  const zip = new Zip((err, chunk) => {
    if (err) failed.err = err;
    else {
      fs.writeSync(fd, chunk);
      bytes += chunk.length;
    }
  });
  const enc = new TextEncoder();
  const mtime = new Date(2025, 11, 31, 8, 30, 0);
  const addText = (name: string, chunks: Iterable<string>) => {
    const f = new ZipDeflate(name, { level: 6 });
    f.mtime = mtime;
    zip.add(f);
    for (const c of chunks) f.push(enc.encode(c));
    f.push(new Uint8Array(0), true);
  };
  const sheetNames = (sheetCount === 1 ? ["党员花名册"] : BRANCHES.slice(0, sheetCount)).map(textOf(shape));
  for (const [name, xml] of Object.entries(packageParts(sheetNames, head))) addText(name, [xml]);
  const cols = shape.wide ? [...COLS, ...WIDE_COLS] : COLS;
  const lastCol = LETTERS[cols.length - 1];

  const problems = Object.fromEntries(BIG_PROBLEMS.map((p) => [p, 0])) as Record<BigProblem, number>;
  const ids = new Set<string>();
  let prevId = "";
  function* sheetXml(sheet: number, from: number, to: number): Generator<string> {
    const w = new RowWriter(sst, shape, cols.length);
    const widths = [6, 10, 6, 8, 11, 21, 8, 12, 12, 20, 10, 14, 26, 22, 9, 8, 24, 20, ...WIDE_COLS.map(() => 12)].slice(0, cols.length);
    const lastRow = to - from + layoutRows(shape);
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${lastCol}${lastRow}"/><sheetViews><sheetView${sheet === 0 ? ' tabSelected="1"' : ""} workbookViewId="0"><pane ySplit="${head}" topLeftCell="A${head + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="13.5"/><cols>${widths.map((wd, i) => `<col min="${i + 1}" max="${i + 1}" width="${wd}" customWidth="1"/>`).join("")}</cols><sheetData>`;
    if (!bare) {
      w.start(1);
      w.str("A1", "铁西街道党员花名册", 4);
      w.end();
      w.start(2);
      w.str("A2", "填报单位：铁西街道党工委　　　　统计截止：2025年12月31日");
      w.end();
    }
    w.start(head);
    cols.forEach((h, i) => w.str(`${LETTERS[i]}${head}`, h, 3));
    w.end();
    for (let i = from; i < to; i++) {
      const row = i - from + head + 1;
      const cat = weighted(r, CATS.map((c) => [c, c[1]] as [Cat, number]), CAT_TOTAL);
      const male = r.next() < cat[4];
      const by = r.int(cat[2], cat[3]), bm = r.int(1, 12), bd = r.int(1, 28);
      let seq = r.int(0, 999);
      if ((seq % 2 === 1) !== male) seq = (seq + 1) % 1000;
      let first17 = `220702${by}${pad2(bm)}${pad2(bd)}${String(seq).padStart(3, "0")}`;
      while (ids.has(first17)) first17 = first17.slice(0, 14) + String((Number(first17.slice(14)) + 2) % 1000).padStart(3, "0");
      ids.add(first17);
      const id = first17 + idCheckChar(first17);
      const pool = male ? MALE : FEMALE; // names repeat at this size, as they do in a real district
      const name = r.pick(SURNAMES) + r.pick(pool) + (r.next() < 0.7 ? r.pick(pool) : "");
      const probationary = r.next() < 0.01;
      let jy: number, jm: number, jd: number;
      if (probationary) [jy, jm, jd] = [2025, r.int(1, 11), r.int(1, 28)];
      else {
        const cap = cat[0].startsWith("油田") ? 2001 : 2023;
        jy = Math.min(cap, by + r.int(20, 38));
        if (jy < by + 19) jy = by + 19;
        [jm, jd] = [r.int(1, 12), r.int(1, 28)];
      }
      const joinSerial = serial(jy, jm, jd);
      const fullSerial = probationary ? 0 : serial(jy + 1, jm, jd) + r.int(0, 45);
      const problem: BigProblem | null = r.next() < 0.02 ? r.pick(BIG_PROBLEMS) : null;
      if (problem) problems[problem]++;

      w.start(row);
      w.num(`A${row}`, i + 1);
      w.str(`B${row}`, problem === "name_space" && name.length === 3 ? `${name[0]} ${name.slice(1)}` : name);
      w.str(`C${row}`, male ? "男" : "女");
      w.str(`D${row}`, weighted(r, ETHNIC, 100));
      if (problem === "ambiguous_date") w.num(`E${row}`, Number(`${by}.1`));
      else w.num(`E${row}`, serial(by, bm, bd), 1);
      if (shape.duplicateIds && i % 2 === 1) w.str(`F${row}`, prevId, 5);
      else if (problem === "id_number_cell") w.num(`F${row}`, Number(id.slice(0, 15) + "000"), 6);
      else if (problem === "id_checksum") w.str(`F${row}`, first17 + (id[17] === "1" ? "2" : "1"), 5);
      else if ((problem === "id_duplicate" || (shape.duplicateIds && i % 2 === 1)) && prevId) w.str(`F${row}`, prevId, 5);
      else if (problem === "id_legacy15") w.str(`F${row}`, id.slice(0, 6) + id.slice(8, 17), 5);
      else w.str(`F${row}`, id, 5);
      prevId = id;
      w.str(`G${row}`, r.pick(cat[5]));
      if (problem === "text_date") w.str(`H${row}`, `${jy}.${jm}.${jd}`);
      else if (problem === "impossible_date") w.str(`H${row}`, `${jy}-02-30`);
      else if (problem === "joined_under_18") w.num(`H${row}`, serial(by + 17, bm, bd), 2);
      else w.num(`H${row}`, joinSerial, 2);
      if (!probationary) w.num(`I${row}`, problem === "full_before_probation" ? joinSerial + r.int(30, 200) : fullSerial, 2);
      w.str(`J${row}`, problem === "category_unknown" ? "临时人员" : cat[0]);
      w.str(`K${row}`, sheetCount > 1 ? BRANCHES[sheet] : r.pick(BRANCHES));
      const phone = r.pick(MOBILE) + String(r.int(0, 99999999)).padStart(8, "0");
      if (problem === "phone_unknown") w.str(`L${row}`, "不详");
      else if (problem === "phone_invalid") w.str(`L${row}`, phone.slice(0, 10));
      else if (problem === "phone_fullwidth") w.str(`L${row}`, phone.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
      else if (problem !== "phone_blank") w.str(`L${row}`, phone);
      if (problem !== "address_blank") w.str(`M${row}`, `${r.pick(BRANCHES).slice(0, 2)}${r.pick(COMPOUNDS)}${r.int(1, 30)}栋${r.int(1, 6)}单元${r.int(1, 6)}0${r.int(1, 4)}号`);
      w.str(`N${row}`, r.pick(WORK));
      w.str(`O${row}`, r.pick(cat[6]));
      if (problem !== "status_missing") w.str(`P${row}`, weighted(r, STATUS, 100));
      w.str(`Q${row}`, r.pick(IDEOLOGY));
      if (r.next() < 0.05) w.str(`R${row}`, r.pick(["支部委员", "党员中心户", "外出务工", "低保户"]));
      if (shape.wide) {
        // the three stage dates (consecutive columns) drawn as before, then put in their order: 申请 <= 积极分子 <= 发展对象
        let stageDays: number[] = [];
        for (let c = COLS.length; c < cols.length; c++) {
          const h = cols[c];
          const stage = WIDE_STAGE_DATES.indexOf(h);
          if (stage === 0) stageDays = [r.int(30, 2000), r.int(30, 2000), r.int(30, 2000)].sort((a, b) => b - a);
          if (stage >= 0) w.num(`${LETTERS[c]}${row}`, joinSerial - stageDays[stage], 2);
          else if (WIDE_DATES.has(h)) w.num(`${LETTERS[c]}${row}`, joinSerial - r.int(30, 2000), 2);
          else w.str(`${LETTERS[c]}${row}`, r.pick(WIDE_VALUES[h]));
        }
      }
      w.end();
      if ((i & 1023) === 1023) yield w.take();
    }
    if (!bare) {
      w.start(lastRow - 1);
      w.str(`A${lastRow - 1}`, `合计：${to - from}人`);
      w.end();
      w.start(lastRow);
      w.str(`A${lastRow}`, "填表人：　　　　审核人：　　　　");
      w.end();
    }
    yield w.take();
    const merges = bare ? "" : `<mergeCells count="2"><mergeCell ref="A1:${lastCol}1"/><mergeCell ref="A2:${lastCol}2"/></mergeCells>`;
    yield `</sheetData>${merges}<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>`;
  }
  for (let k = 0; k < sheetCount; k++) addText(`xl/worksheets/sheet${k + 1}.xml`, sheetXml(k, Math.floor((rows * k) / sheetCount), Math.floor((rows * (k + 1)) / sheetCount)));
  addText("xl/sharedStrings.xml", sst.xml());
  zip.end();
  fs.closeSync(fd);
  if (failed.err) throw failed.err;
  return { rows, bytes, ms: performance.now() - t0, sharedStrings: sst.size, problems };
}

/** Writes a `rows`-member roster .xlsx to `path` (see writeBigRoster for the planted problems). */
export async function makeBigRoster(path: string, rows = 100_000, shape: BigShape = {}): Promise<void> {
  await writeBigRoster(path, rows, shape);
}

/** Reads the file back with ExcelJS's streaming reader; returns the number of member rows (numeric 序号). */
export async function countMemberRowsWithExcelJS(path: string): Promise<number> {
  const ExcelJS = (await import("exceljs")).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", worksheets: "emit", styles: "ignore", hyperlinks: "ignore" });
  let members = 0;
  for await (const ws of reader) {
    for await (const row of ws as AsyncIterable<{ getCell(c: number): { value: unknown } }>) {
      if (typeof row.getCell(1).value === "number") members++;
    }
  }
  return members;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const verify = process.argv.includes("--verify");
  if (!args[0]) {
    console.error("usage: npx tsx bench/make-big.ts out.xlsx [rows] [--shape=KEY] [--bare] [--verify]");
    process.exit(2);
  }
  const rows = args[1] ? Number(args[1]) : 100_000;
  const shapeKey = process.argv.find((a) => a.startsWith("--shape="))?.slice(8);
  const shape = shapeKey === undefined ? {} : SHAPES.find((x) => x.key === shapeKey)?.shape;
  if (!shape) throw new Error(`no shape ${shapeKey}; shapes: ${SHAPES.map((x) => x.key).join(", ")}`);
  const s = await writeBigRoster(args[0], rows, fitLayout(rows, process.argv.includes("--bare") ? { ...shape, bare: true } : shape));
  const planted = Object.entries(s.problems).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", ");
  console.log(`${args[0]}: ${s.rows} members, ${(s.bytes / 1048576).toFixed(1)} MB, ${s.sharedStrings} shared strings, ${(s.ms / 1000).toFixed(2)} s`);
  console.log(`planted problems (${Object.values(s.problems).reduce((a, b) => a + b, 0)} rows): ${planted}`);
  if (verify) {
    const t = performance.now();
    const n = await countMemberRowsWithExcelJS(args[0]);
    console.log(`ExcelJS streaming reader: ${n} member rows (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    if (n !== rows) {
      console.error(`expected ${rows} member rows`);
      process.exit(1);
    }
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
