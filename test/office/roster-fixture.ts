// A roster of any size put into the fake Excel as a real one looks: title and subtitle rows, an 18-column header,
// text, date-formatted numbers, a few numbers where text is usual (phones, an ID), a few formulas, footer rows. It
// also returns the grid the engine should see, to hold the back end's reading to it.
import { CellValue, SheetGrid, cellKey } from "../../src/domain/grid";
import { idCheckChar, makeRng } from "../../scripts/example-text";
import { CellInput, Fake } from "../fakes/excel-fake";

export const HEADER = ["序号", "姓名", "性别", "民族", "出生年月", "身份证号", "学历", "入党时间", "转正时间", "党员类别", "所在支部", "联系电话", "家庭住址", "工作单位", "就业情况", "状态", "思想动态", "备注"];
export const MONTH_FORMAT = 'yyyy"年"m"月"';
export const DAY_FORMAT = "yyyy\\-mm\\-dd";

const SURNAMES = [..."王李张刘陈杨赵孙于马高郭徐周吴朱胡林宋郑董曹姜崔谭田韩冯邓许"];
const GIVEN = [..."国建军伟明志刚勇强海东平杰宏涛斌波辉峰红丽英梅兰桂玉凤秀霞艳敏静芳萍"];
const BRANCHES = ["铁安社区", "铁康社区", "铁兴社区", "铁东社区", "新华社区", "民主社区"];
const CATEGORIES = ["油田有偿解除劳动合同", "下岗职工", "复员军人", "离退休", "居民", "机关"];
const EDUCATION = ["高中", "中专", "大专", "本科", "初中"];
const EMPLOYMENT = ["再就业", "自主创业", "下岗", "在职", "退休"];
const WORK = ["原吉林油田采油二厂", "宁江区物业公司", "个体经营", "铁西街道办事处", "社区服务站"];
const IDEOLOGY = ["思想稳定", "思想稳定，积极参加组织生活", "拥护党的政策，热心社区事务", ""];
const EPOCH = Date.UTC(1899, 11, 30);
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - EPOCH) / 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export interface RosterFixture {
  readonly sheet: string;
  /** The grid the engine should get for the sheet. */
  readonly expected: SheetGrid;
  /** 1-based rows holding a formula in column A. */
  readonly formulaRows: number[];
  readonly lastMemberRow: number;
}

/**
 * Puts a roster of `members` rows on sheet `sheet` (created when absent). Every `formulaEvery`-th member's 序号 is a
 * formula; from row `numberPhonesFrom` on, every 50th phone is a number (a number column the peek did not show); every
 * `badPhoneEvery`-th phone is too short (an issue to flag).
 */
export function putRoster(fake: Fake, sheet: string, members: number, opts: { formulaEvery?: number; numberPhonesFrom?: number; badPhoneEvery?: number; seed?: number; fullWidthPhones?: boolean } = {}): RosterFixture {
  if (!fake.model.sheet(sheet)) fake.addSheet(sheet);
  const s = fake.sheet(sheet);
  const rng = makeRng(opts.seed ?? 7);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rng.next() * a.length)];
  const rows: (CellValue | undefined)[][] = [];
  const formulaCells = new Set<number>();
  const formulaRows: number[] = [];
  const put = (r0: number, c0: number, input: CellInput, seen: CellValue | undefined) => {
    const c = typeof input === "object" && input !== null ? input : { v: input ?? undefined };
    s.put(r0, c0, { v: c.v, nf: c.nf, f: c.f });
    if (c.f) formulaCells.add(cellKey(r0, c0));
    if (seen !== undefined) (rows[r0] ??= [])[c0] = seen;
  };
  put(0, 0, "铁西街道党员花名册", "铁西街道党员花名册");
  put(1, 0, "填报单位：铁西街道党工委　　统计截止：2025年12月31日", "填报单位：铁西街道党工委　　统计截止：2025年12月31日");
  HEADER.forEach((h, c) => put(2, c, h, h));
  const every = opts.formulaEvery ?? 1000;
  const numberPhonesFrom = opts.numberPhonesFrom ?? Infinity;
  for (let i = 0; i < members; i++) {
    const r0 = i + 3;
    const male = rng.next() < 0.55;
    const [by, bm, bd] = [1940 + Math.floor(rng.next() * 60), 1 + Math.floor(rng.next() * 12), 1 + Math.floor(rng.next() * 28)];
    let seq = Math.floor(rng.next() * 1000);
    if ((seq % 2 === 1) !== male) seq = (seq + 1) % 1000;
    const first17 = `220702${by}${pad(bm)}${pad(bd)}${pad(seq, 3)}`;
    const id = first17 + idCheckChar(first17);
    const join = serial(Math.min(2020, by + 25), 1 + Math.floor(rng.next() * 12), 1 + Math.floor(rng.next() * 28));
    if (i % every === every - 1) {
      put(r0, 0, { v: i + 1, f: `=ROW()-3` }, i + 1);
      formulaRows.push(r0 + 1);
    } else put(r0, 0, i + 1, i + 1);
    const name = pick(SURNAMES) + pick(GIVEN) + (rng.next() < 0.7 ? pick(GIVEN) : "");
    put(r0, 1, name, name);
    put(r0, 2, male ? "男" : "女", male ? "男" : "女");
    put(r0, 3, "汉族", "汉族");
    const b = serial(by, bm, bd);
    put(r0, 4, { v: b, nf: MONTH_FORMAT }, { kind: "date", serial: b });
    put(r0, 5, { v: id, nf: "@" }, id);
    const edu = pick(EDUCATION);
    put(r0, 6, edu, edu);
    put(r0, 7, { v: join, nf: DAY_FORMAT }, { kind: "date", serial: join });
    put(r0, 8, { v: join + 366, nf: DAY_FORMAT }, { kind: "date", serial: join + 366 });
    for (const [c, list] of [[9, CATEGORIES], [10, BRANCHES]] as const) {
      const v = pick(list);
      put(r0, c, v, v);
    }
    const phone = `139${pad(Math.floor(rng.next() * 1e8), 8)}`;
    if (opts.badPhoneEvery && i % opts.badPhoneEvery === 0) put(r0, 11, phone.slice(0, 7), phone.slice(0, 7));
    else if (r0 + 1 >= numberPhonesFrom && i % 50 === 0) put(r0, 11, Number(phone), Number(phone));
    else if (opts.fullWidthPhones) {
      // Full-width digits, as typed with a Chinese input method: one fix per member (to the ASCII digits).
      const wide = phone.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
      put(r0, 11, wide, wide);
    } else put(r0, 11, phone, phone);
    const addr = `${pick(BRANCHES).slice(0, 2)}小区${1 + Math.floor(rng.next() * 30)}栋${1 + Math.floor(rng.next() * 6)}单元${1 + Math.floor(rng.next() * 6)}0${1 + Math.floor(rng.next() * 4)}号`;
    put(r0, 12, addr, addr);
    for (const [c, list] of [[13, WORK], [14, EMPLOYMENT], [16, IDEOLOGY]] as const) {
      const v = pick(list);
      put(r0, c, v === "" ? undefined : v, v === "" ? undefined : v);
    }
    put(r0, 15, "正常", "正常");
    if (rng.next() < 0.05) put(r0, 17, "支部委员", "支部委员");
  }
  const total = members + 3;
  put(total, 0, `合计：${members}人`, `合计：${members}人`);
  put(total + 1, 0, "填表人：　　审核人：", "填表人：　　审核人：");
  return { sheet, expected: { name: sheet, state: "visible", rows, formulaCells }, formulaRows, lastMemberRow: members + 3 };
}
