// The shapes of roster the bench measures (issue 13): the same 100,000 members written the ways real rosters come.
// Each option changes only how the members are written; bench/make-big.ts generates them.
import { Converter } from "opencc-js";

export interface BigShape {
  /** Inline strings (<is><t>), as ExcelJS, openpyxl and many exporting systems write, instead of shared strings. */
  readonly inline?: boolean;
  /** Headers and text in traditional characters (opencc cn -> tw). */
  readonly traditional?: boolean;
  /** Dates typed as text: birth months 1955.3, join dates 1980.03.05, full-member dates 1981年3月5日. */
  readonly textDates?: boolean;
  /** 27 more columns after the 18, as the wide import templates of real systems have (45 in all). */
  readonly wide?: boolean;
  /** Members spread over this many branch sheets (one per branch), each with its title rows and headers. */
  readonly sheets?: number;
  /** Every odd row repeats the row above's ID: every row has a duplicate_id issue. */
  readonly duplicateIds?: boolean;
  /** One header row and nothing else (no title rows, no footer): the layout of Excel's largest sheet, where 1,048,575
   *  members fill every row under the header. The 100,000-member files keep their titles and footers. */
  readonly bare?: boolean;
}

/** Excel's last row: a bench roster of more members than fit with titles and footers is written bare. */
export const EXCEL_ROWS = 1_048_576;
/** The rows a layout takes besides the members: two title rows, the header, two footer rows; bare, the header. */
export const layoutRows = (shape: BigShape): number => (shape.bare ? 1 : 5);
/** The shape as written for `rows` members on one sheet: bare when they do not fit under titles and above footers. */
export const fitLayout = (rows: number, shape: BigShape): BigShape =>
  !shape.bare && Math.ceil(rows / (shape.sheets ?? 1)) + layoutRows(shape) > EXCEL_ROWS ? { ...shape, bare: true } : shape;

export interface NamedShape {
  readonly key: string;
  readonly label: string;
  readonly shape: BigShape;
  /** The RSS limit (MB) this shape is held to; the others' default. */
  readonly rssLimitMb?: number;
  /** Held to the engine and ratio targets too (the every-row-an-issue roster is held to memory only). */
  readonly timed: boolean;
}

export const SHAPES: readonly NamedShape[] = [
  { key: "today", label: "(a) shared strings + date cells + simplified", shape: {}, timed: true },
  { key: "inline-trad", label: "(b) inline strings + traditional + text dates", shape: { inline: true, traditional: true, textDates: true }, timed: true },
  { key: "wide", label: "(c) wide template, 45 columns", shape: { wide: true }, timed: true },
  { key: "branches", label: "(d) 20 branch sheets", shape: { sheets: 20 }, timed: true },
  { key: "all-issues", label: "(e) every row an issue (duplicate IDs)", shape: { duplicateIds: true }, rssLimitMb: 600, timed: false },
];

/** Headers of the 27 extra columns: from the owip 校外 member template (test/fixtures/real-world/files-university.ts). */
export const WIDE_COLS = [
  "国家/地区", "人员结构", "最高学位", "学位授予日期", "所学专业", "毕业学校", "到校日期", "编制类别", "在岗情况",
  "专业技术职务（职称）", "职称级别", "联系邮箱", "是否退休", "退休时间", "是否离休", "所在分党委编码", "所在分党委",
  "所在党支部编码", "组织关系转入时间", "提交书面申请书时间", "确定为入党积极分子时间", "确定为发展对象时间", "入党介绍人",
  "入党时所在党支部", "转正时所在党支部", "党内职务", "党内奖励",
];
/** Which extra columns hold dates (written as date cells, or as text with textDates). */
export const WIDE_DATES = new Set(["学位授予日期", "到校日期", "退休时间", "组织关系转入时间", "提交书面申请书时间", "确定为入党积极分子时间", "确定为发展对象时间"]);
/** The extra columns dating the steps before membership, in their order (consecutive in WIDE_COLS): dated in that order. */
export const WIDE_STAGE_DATES = ["提交书面申请书时间", "确定为入党积极分子时间", "确定为发展对象时间"];
/** Values for the other extra columns. */
export const WIDE_VALUES: Record<string, readonly string[]> = {
  "国家/地区": ["中国"], 人员结构: ["教职工", "退休人员", "学生"], 最高学位: ["学士", "硕士", "博士", ""], 所学专业: ["机械工程", "会计学", "汉语言文学", "计算机科学与技术"],
  毕业学校: ["吉林大学", "东北师范大学", "长春工业大学", "松原职业技术学院"], 编制类别: ["事业编制", "企业编制", "合同制"], 在岗情况: ["在岗", "离岗", "退休"],
  "专业技术职务（职称）": ["工程师", "高级工程师", "会计师", "助理工程师", ""], 职称级别: ["初级", "中级", "副高级", "正高级"],
  联系邮箱: ["", "dangjian@example.cn"], 是否退休: ["否", "是"], 是否离休: ["否"], 所在分党委编码: ["0201", "0202", "0203"],
  所在分党委: ["铁西街道党工委", "宁江区委组织部"], 所在党支部编码: ["020100012", "020100080", "020100091"], 入党介绍人: ["王建国、李红", "张志刚、刘丽", ""],
  入党时所在党支部: ["原吉林油田采油二厂党支部", "铁西街道机关党支部", "宁江区民政局党支部"], 转正时所在党支部: ["原吉林油田采油二厂党支部", "铁西街道机关党支部"],
  党内职务: ["", "", "", "支部委员", "支部书记"], 党内奖励: ["", "", "优秀共产党员"],
};

/** The text a shape writes for s: itself, or in traditional characters (cached per distinct text). */
export function textOf(shape: BigShape): (s: string) => string {
  if (!shape.traditional) return (s) => s;
  const convert = Converter({ from: "cn", to: "tw" });
  const seen = new Map<string, string>();
  return (s) => {
    let t = seen.get(s);
    if (t === undefined) seen.set(s, (t = convert(s)));
    return t;
  };
}

/** How a date in column (0-based) col is typed as text: year.month, yyyy.mm.dd or yyyy年m月d日, by column. */
export function dateText(col: number, y: number, m: number, d: number): string {
  const p2 = (n: number) => (n < 10 ? "0" + n : String(n));
  if (col === 4) return `${y}.${m}`;
  if (col % 2 === 1) return `${y}.${p2(m)}.${p2(d)}`;
  return `${y}年${m}月${d}日`;
}
