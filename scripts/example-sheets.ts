// How the example members are typed onto the sheets of examples/铁西街党员花名册.xlsx: one sheet per branch,
// each with its own headers, date habits and mistakes, plus the projects sheet. Pure data: make-example.ts
// only writes these grids. plantedIssues() lists the issues the planted mistakes must raise.
import { BranchName, CategoryCode, EducationCode, EmploymentCode, ExampleMember, exampleMembers, memberByKey } from "./example-members";
import { exampleProjects } from "./example-figures";
import {
  Rng, columnLetter, idAsExcelNumber, legacyIdOf, makeRng, parseIso, toFullWidthDigits, toTraditional, withWrongCheck,
} from "./example-text";

/** A cell: text, a number (General), a real date cell (ISO date + number format), or a number with a format. */
export type ExampleCell = null | string | number | { date: string; fmt: string } | { num: number; fmt: string };

export interface ExampleSheet {
  name: string;
  kind: "roster" | "projects";
  lang: "zh-CN" | "zh-TW";
  /** rows[0] is sheet row 1 */
  rows: ExampleCell[][];
  merges: string[];
  widths: number[];
  headerRow: number;
  /** the header printed again further down (page two) */
  repeatedHeaderRows: number[];
  emptyRows: number[];
  footerRows: number[];
  firstRow: number;
  lastRow: number;
  /** roster sheets: the sheet row of each member */
  memberRows: { row: number; key: string }[];
  /** field code (src/domain/fields.ts) -> column letter */
  columns: Record<string, string>;
  /** the branch when the sheet has no branch column (from the sheet name / title) */
  branchFromTitle?: BranchName;
}

export interface PlantedIssue {
  sheet: string;
  row: number;
  column: string;
  field: string;
  code: string;
  /** member key (example-members.ts) */
  key: string;
}

interface Col {
  header: string;
  field: string;
  width: number;
  cell: (m: ExampleMember, i: number) => ExampleCell;
}

const ymd = (s: string) => parseIso(s);
const dateCell = (s: string, fmt: string): ExampleCell => ({ date: s, fmt });
const dashed = (s: string) => s;
const slashed = (s: string) => { const { y, m, d } = ymd(s); return `${y}/${m}/${d}`; };
const dotted = (s: string) => { const { y, m, d } = ymd(s); return `${y}.${m}.${d}`; };
const compact = (s: string) => s.replace(/-/g, "");
const monthCn = (s: string) => { const { y, m } = ymd(s); return `${y}年${m}月`; };
const monthDot = (s: string) => { const { y, m } = ymd(s); return `${y}.${String(m).padStart(2, "0")}`; };
/** a number typed as year.month: 1968.05; the ambiguous row is typed 1971.1 */
const yearDotMonth = (s: string, sloppy = false) => { const { y, m } = ymd(s); return Number(`${y}.${sloppy ? m : String(m).padStart(2, "0")}`); };

/** Month-only dates are only typed where the full-member month is clearly more than a year after joining. */
const monthSafe = (m: ExampleMember) => {
  if (!m.fullMemberDate) return false;
  const a = ymd(m.joinDate), b = ymd(m.fullMemberDate);
  return b.y * 12 + b.m > a.y * 12 + a.m + 12;
};

const CATEGORY_CN: Record<CategoryCode, string> = { oilfield_released: "油田有偿解除劳动合同", laid_off: "下岗职工", veteran: "复员军人", retired: "离退休", resident: "居民", agency: "机关", other: "其他" };
const CATEGORY_TW: Record<CategoryCode, string> = { oilfield_released: "油田有償解除勞動合同", laid_off: "下崗職工", veteran: "復員軍人", retired: "離退休", resident: "居民", agency: "機關", other: "其他" };
const CATEGORY_ALT: Record<CategoryCode, string> = { oilfield_released: "有偿解除", laid_off: "下岗", veteran: "退伍军人", retired: "退休", resident: "社区居民", agency: "机关干部", other: "其他" };
const EDU_A: Record<EducationCode, string> = { graduate: "研究生", bachelor: "本科", associate: "大专", secondary_vocational: "中专", high_school: "高中", junior_or_below: "初中" };
const EDU_K: Record<EducationCode, string> = { graduate: "研究生", bachelor: "本科", associate: "大專", secondary_vocational: "中專", high_school: "高中", junior_or_below: "初中" };
const EDU_X: Record<EducationCode, string> = { graduate: "硕士研究生", bachelor: "大学本科", associate: "大学专科", secondary_vocational: "技校", high_school: "高中", junior_or_below: "初中" };
const EMP_A: Record<EmploymentCode, string> = { employed: "在职", unemployed: "下岗", reemployed: "再就业", self_employed: "自主创业", retired: "退休" };
const EMP_K: Record<EmploymentCode, string> = { employed: "在職", unemployed: "下崗", reemployed: "再就業", self_employed: "個體", retired: "退休" };
const EMP_X: Record<EmploymentCode, string> = { employed: "在岗", unemployed: "失业", reemployed: "再就业", self_employed: "自谋职业", retired: "离退休" };
const ETHNIC_TW: Record<string, string> = { 汉族: "漢族", 满族: "滿族", 蒙古族: "蒙古族", 朝鲜族: "朝鮮族", 回族: "回族" };
const has = (m: ExampleMember, mess: ExampleMember["messes"][number]) => m.messes.includes(mess);

function nameCell(m: ExampleMember, tw = false): string {
  const n = tw ? toTraditional(m.name) : m.name;
  if (has(m, "nameSpace")) return `${n[0]} ${n.slice(1)}`;
  if (has(m, "nameIdeographicSpace")) return `${n[0]}\u3000${n.slice(1)}`;
  return n;
}

function idCell(m: ExampleMember, lowerX = false): ExampleCell {
  if (has(m, "idNumberCell")) return { num: idAsExcelNumber(m.idNumber), fmt: "0" };
  if (has(m, "idLegacy15")) return legacyIdOf(m.idNumber);
  if (has(m, "idWrongCheck")) return withWrongCheck(m.idNumber);
  if (has(m, "idFullWidth")) return toFullWidthDigits(m.idNumber);
  const id = m.idCopiedFrom ? memberByKey(m.idCopiedFrom).idNumber : m.idNumber;
  return lowerX ? id.replace("X", "x") : id;
}

function phoneCell(m: ExampleMember): ExampleCell {
  if (has(m, "phoneUnknown")) return "不详";
  if (has(m, "phoneBlank")) return null;
  if (has(m, "phoneInvalid")) return m.phone.slice(0, 10);
  if (has(m, "phoneFullWidth")) return toFullWidthDigits(m.phone);
  return m.phone;
}

const TITLE_DATE = "2025年12月31日";

function rosterSheet(opts: {
  name: string; lang: "zh-CN" | "zh-TW"; branch: BranchName; title: string; subtitle: string; cols: Col[];
  footer: string[]; repeatHeaderAfter?: number; emptyRowAfter?: number; branchFromTitle?: boolean;
}): ExampleSheet {
  const members = exampleMembers().filter((m) => m.branch === opts.branch);
  const width = opts.cols.length;
  const last = columnLetter(width);
  const header = opts.cols.map((c) => c.header);
  const rows: ExampleCell[][] = [[opts.title], [opts.subtitle], header];
  const sheet: ExampleSheet = {
    name: opts.name, kind: "roster", lang: opts.lang, rows, merges: [`A1:${last}1`, `A2:${last}2`],
    widths: opts.cols.map((c) => c.width), headerRow: 3, repeatedHeaderRows: [], emptyRows: [], footerRows: [],
    firstRow: 4, lastRow: 0, memberRows: [], columns: {},
    ...(opts.branchFromTitle ? { branchFromTitle: opts.branch } : {}),
  };
  opts.cols.forEach((c, i) => (sheet.columns[c.field] = columnLetter(i + 1)));
  members.forEach((m, i) => {
    rows.push(opts.cols.map((c) => c.cell(m, i)));
    sheet.memberRows.push({ row: rows.length, key: m.key });
    if (opts.repeatHeaderAfter === i + 1) {
      rows.push(header.slice());
      sheet.repeatedHeaderRows.push(rows.length);
    }
    if (opts.emptyRowAfter === i + 1) {
      rows.push([]);
      sheet.emptyRows.push(rows.length);
    }
  });
  sheet.lastRow = rows.length;
  for (const f of opts.footer) {
    rows.push([f]);
    sheet.footerRows.push(rows.length);
  }
  sheet.merges.push(`A${rows.length}:${last}${rows.length}`);
  return sheet;
}

// 铁安: simplified headers, a branch column, real date cells with text dates mixed in, archive columns,
// the header printed again on page two.
function tieAn(r: Rng): ExampleSheet {
  const lost = ["失联", "未找到", "联系不上", "失联党员", "未找到"];
  const mobile = ["流动", "流动党员"];
  let nLost = 0, nMobile = 0;
  const joinStyle = new Map<string, string>();
  const trailingSpaceKey = exampleMembers().find((m) => m.branch === "铁安社区" && m.messes.length === 0 && m.note === "" && m.key > "A20")?.key;
  const cols: Col[] = [
    { header: "序号", field: "ignored", width: 6, cell: (_m, i) => i + 1 },
    { header: "姓名", field: "name", width: 10, cell: (m) => nameCell(m) },
    { header: "性别", field: "gender", width: 6, cell: (m) => (m.gender === "male" ? "男" : "女") },
    { header: "民族", field: "ethnicity", width: 8, cell: (m) => m.ethnicity },
    { header: "出生年月", field: "birthDate", width: 11, cell: (m) => (m.messes.length === 0 && r.chance(0.1) ? monthCn(m.birthDate) : dateCell(m.birthDate, 'yyyy"年"m"月"')) },
    { header: "身份证号", field: "idNumber", width: 21, cell: (m) => idCell(m) },
    { header: "学历", field: "education", width: 8, cell: (m) => (m.education === "junior_or_below" && m.birthDate < "1950" ? "小学" : EDU_A[m.education]) },
    { header: "入党时间", field: "joinDate", width: 12, cell: (m) => {
      const style = m.messes.length > 0 || !m.fullMemberDate ? "date" : monthSafe(m) && r.chance(0.08) ? "month" : r.pick(["date", "date", "date", "date", "date", "date", "dash", "slash"]);
      joinStyle.set(m.key, style);
      return style === "month" ? monthCn(m.joinDate) : style === "dash" ? dashed(m.joinDate) : style === "slash" ? slashed(m.joinDate) : dateCell(m.joinDate, "yyyy-mm-dd");
    } },
    { header: "转正时间", field: "fullMemberDate", width: 12, cell: (m) => {
      if (!m.fullMemberDate) return null;
      if (joinStyle.get(m.key) === "month") return monthCn(m.fullMemberDate);
      return r.chance(0.08) ? dotted(m.fullMemberDate) : dateCell(m.fullMemberDate, "yyyy-mm-dd");
    } },
    { header: "党员类别", field: "category", width: 22, cell: (m) => {
      if (has(m, "categoryTraditional")) return CATEGORY_TW.oilfield_released;
      if (m.category === "oilfield_released" && r.chance(0.3)) return "油田有偿解除";
      return m.category === "laid_off" ? "下岗职工党员" : CATEGORY_CN[m.category];
    } },
    { header: "所在支部", field: "branch", width: 10, cell: (m) => (m.key === trailingSpaceKey ? "铁安社区 " : "铁安社区") },
    { header: "联系电话", field: "phone", width: 14, cell: phoneCell },
    { header: "家庭住址", field: "address", width: 26, cell: (m) => m.address },
    { header: "工作单位", field: "workUnit", width: 22, cell: (m) => m.workUnit || null },
    { header: "就业情况", field: "employment", width: 9, cell: (m) => EMP_A[m.employment] },
    { header: "状态", field: "status", width: 9, cell: (m) => m.status === "lost_contact" ? lost[nLost++ % lost.length] : m.status === "mobile" ? mobile[nMobile++ % mobile.length] : m.status === null ? null : "正常" },
    { header: "思想动态", field: "ideology", width: 30, cell: (m) => m.ideology || null },
    { header: "生活状况", field: "livingSituation", width: 10, cell: (m) => m.living || null },
    { header: "备注", field: "note", width: 26, cell: (m) => m.note || null },
  ];
  const n = exampleMembers().filter((m) => m.branch === "铁安社区").length;
  const auditor = exampleMembers().find((m) => m.branch === "铁安社区" && m.category === "agency" && m.fullMemberDate !== null && m.messes.length === 0)!.name;
  return rosterSheet({
    name: "铁安社区党员花名册", lang: "zh-CN", branch: "铁安社区", cols, repeatHeaderAfter: 40,
    title: "铁西街道铁安社区党员花名册", subtitle: `填报单位：铁安社区党支部　　　　　　　　统计截止：${TITLE_DATE}`,
    footer: [`合计：${n}人`, `填表人：初桂兰　　　　审核人：${auditor}　　　　填报日期：${TITLE_DATE}`],
  });
}

// 铁康: traditional headers and values, birth months typed as numbers (1968.05), dotted text dates.
function tieKang(r: Rng): ExampleSheet {
  const lost = ["失聯", "聯繫不上"];
  let nLost = 0;
  const joinStyle = new Map<string, string>();
  const cols: Col[] = [
    { header: "序號", field: "ignored", width: 6, cell: (_m, i) => i + 1 },
    { header: "姓名", field: "name", width: 10, cell: (m) => nameCell(m, true) },
    { header: "性別", field: "gender", width: 6, cell: (m) => (m.gender === "male" ? "男" : "女") },
    { header: "民族", field: "ethnicity", width: 8, cell: (m) => ETHNIC_TW[m.ethnicity] ?? m.ethnicity },
    { header: "出生年月", field: "birthDate", width: 10, cell: (m) => yearDotMonth(m.birthDate, has(m, "birthAmbiguous")) },
    { header: "身份證號碼", field: "idNumber", width: 21, cell: (m) => idCell(m) },
    { header: "文化程度", field: "education", width: 9, cell: (m) => EDU_K[m.education] },
    { header: "入黨時間", field: "joinDate", width: 12, cell: (m) => {
      const style = m.messes.length > 0 || !m.fullMemberDate ? "dot" : monthSafe(m) && r.chance(0.12) ? "month" : r.pick(["dot", "dot", "dot", "dot", "dot", "date"]);
      joinStyle.set(m.key, style);
      return style === "month" ? monthCn(m.joinDate) : style === "date" ? dateCell(m.joinDate, 'yyyy"年"m"月"d"日"') : dotted(m.joinDate);
    } },
    { header: "轉正時間", field: "fullMemberDate", width: 12, cell: (m) => {
      if (!m.fullMemberDate) return null;
      const s = joinStyle.get(m.key);
      return s === "month" ? monthCn(m.fullMemberDate) : s === "date" ? dateCell(m.fullMemberDate, 'yyyy"年"m"月"d"日"') : dotted(m.fullMemberDate);
    } },
    { header: "黨員類別", field: "category", width: 22, cell: (m) => CATEGORY_TW[m.category] },
    { header: "所在支部", field: "branch", width: 10, cell: () => "鐵康社區" },
    { header: "聯繫電話", field: "phone", width: 14, cell: phoneCell },
    { header: "家庭住址", field: "address", width: 26, cell: (m) => (has(m, "addressNone") ? "無" : toTraditional(m.address)) },
    { header: "工作單位", field: "workUnit", width: 22, cell: (m) => (m.workUnit ? toTraditional(m.workUnit) : null) },
    { header: "就業情況", field: "employment", width: 9, cell: (m) => EMP_K[m.employment] },
    { header: "狀態", field: "status", width: 9, cell: (m) => (m.status === "lost_contact" ? lost[nLost++ % lost.length] : m.status === "mobile" ? "外出" : "正常") },
    { header: "備註", field: "note", width: 26, cell: (m) => (m.note ? toTraditional(m.note) : null) },
  ];
  const n = exampleMembers().filter((m) => m.branch === "铁康社区").length;
  const clerk = toTraditional(exampleMembers().find((m) => m.branch === "铁康社区" && m.category === "agency" && m.fullMemberDate !== null && m.messes.length === 0)!.name);
  return rosterSheet({
    name: "鐵康社區黨員花名冊", lang: "zh-TW", branch: "铁康社区", cols,
    title: "鐵西街道鐵康社區黨員花名冊", subtitle: `填報單位：鐵康社區黨支部　　　　　　　　統計截止：${TITLE_DATE}`,
    footer: [`合計：${n}人`, `填表人：${clerk}　　　　審核人：劉子貴　　　　填報日期：${TITLE_DATE}`],
  });
}

// 铁兴: no branch column (the branch is in the sheet name and title), 8-digit text dates, a 是否失联党员
// column instead of a lost-contact status, an empty row mid-sheet.
function tieXing(r: Rng): ExampleSheet {
  const cols: Col[] = [
    { header: "序号", field: "ignored", width: 6, cell: (_m, i) => i + 1 },
    { header: "姓名", field: "name", width: 10, cell: (m) => nameCell(m) },
    { header: "性别", field: "gender", width: 6, cell: (m) => (m.gender === "male" ? "男" : "女") },
    { header: "民族", field: "ethnicity", width: 8, cell: (m) => m.ethnicity },
    { header: "出生日期", field: "birthDate", width: 11, cell: (m) => (r.chance(0.15) ? dashed(m.birthDate) : compact(m.birthDate)) },
    { header: "身份证号码", field: "idNumber", width: 21, cell: (m) => idCell(m, true) },
    { header: "文化程度", field: "education", width: 11, cell: (m) => EDU_X[m.education] },
    { header: "入党日期", field: "joinDate", width: 12, cell: (m) => {
      const s = m.messes.length > 0 || !m.fullMemberDate ? "dash" : r.pick(["dash", "dash", "dash", "dash", "slash", "compact"]);
      return s === "slash" ? slashed(m.joinDate) : s === "compact" ? compact(m.joinDate) : dashed(m.joinDate);
    } },
    { header: "转正日期", field: "fullMemberDate", width: 12, cell: (m) => {
      if (!m.fullMemberDate) return null;
      if (m.messes.length === 0 && monthSafe(m) && r.chance(0.1)) return monthDot(m.fullMemberDate);
      return r.chance(0.15) ? dotted(m.fullMemberDate) : dateCell(m.fullMemberDate, "yyyy/m/d");
    } },
    { header: "人员类别", field: "category", width: 10, cell: (m) => CATEGORY_ALT[m.category] },
    { header: "联系方式", field: "phone", width: 14, cell: phoneCell },
    { header: "现住址", field: "address", width: 26, cell: (m) => m.address },
    { header: "工作单位", field: "workUnit", width: 22, cell: (m) => m.workUnit || null },
    { header: "就业情况", field: "employment", width: 9, cell: (m) => EMP_X[m.employment] },
    { header: "状态", field: "status", width: 8, cell: (m) => (m.status === "lost_contact" ? null : m.status === "mobile" ? "外出" : "正常") },
    { header: "是否失联党员", field: "lostContactFlag", width: 8, cell: (m) => (m.status === "lost_contact" ? "是" : "否") },
    { header: "备注", field: "note", width: 26, cell: (m) => m.note || null },
  ];
  const n = exampleMembers().filter((m) => m.branch === "铁兴社区").length;
  return rosterSheet({
    name: "铁兴社区", lang: "zh-CN", branch: "铁兴社区", cols, emptyRowAfter: 30, branchFromTitle: true,
    title: "铁西街道铁兴社区党员花名册", subtitle: "（2025年12月）", footer: [`合计：${n}人`, "填表人：　　　　　　审核人：　　　　　　（盖章）"],
  });
}

const PROJECT_TYPE_CN = { investment: "招商引资", self_employment: "自主创业", other: "其他" } as const;

function projectsSheet(): ExampleSheet {
  const ps = exampleProjects();
  const header = ["序号", "项目名称", "引进人/负责人", "所属社区", "来源地", "类型", "新增岗位", "安置下岗失业人员", "状态", "备注"];
  const rows: ExampleCell[][] = [["铁西街道党员引领项目及就业安置情况统计表"], [`统计截止：${TITLE_DATE}`], header];
  ps.forEach((p, i) => rows.push([i + 1, p.name, p.leader, p.branch, p.origin, PROJECT_TYPE_CN[p.type], p.jobsTyped, p.placedTyped, p.state, p.note || null]));
  const lastRow = rows.length;
  rows.push(["合计", null, null, null, null, null, ps.reduce((s, p) => s + p.jobs, 0), ps.reduce((s, p) => s + p.placed, 0), null, "新增岗位近百个，安置下岗失业人员60余人"]);
  rows.push(["填表人：　　　　　　审核人：　　　　　　"]);
  const columns: Record<string, string> = {};
  ["ignored", "projectName", "leader", "branch", "origin", "projectType", "jobsCreated", "laidOffPlaced", "projectState", "note"].forEach((f, i) => (columns[f] = columnLetter(i + 1)));
  return {
    name: "党员引领项目", kind: "projects", lang: "zh-CN", rows, merges: ["A1:J1", "A2:J2", `A${rows.length}:J${rows.length}`],
    widths: [6, 28, 14, 12, 8, 10, 10, 16, 10, 34], headerRow: 3, repeatedHeaderRows: [], emptyRows: [],
    footerRows: [lastRow + 1, lastRow + 2], firstRow: 4, lastRow, memberRows: [], columns,
  };
}

let sheets: ExampleSheet[] | undefined;
/** The workbook's sheets in order: 铁安社区党员花名册, 鐵康社區黨員花名冊, 铁兴社区, 党员引领项目. */
export function exampleSheets(): readonly ExampleSheet[] {
  if (!sheets) {
    const r = makeRng(8352); // the seed's household count
    sheets = [tieAn(r), tieKang(r), tieXing(r), projectsSheet()];
  }
  return sheets;
}

const MESS_ISSUES: [ExampleMember["messes"][number], string, string][] = [
  ["idNumberCell", "idNumber", "id_precision_lost"],
  ["idLegacy15", "idNumber", "legacy_id_upgraded"],
  ["idWrongCheck", "idNumber", "invalid_id_checksum"],
  ["idDuplicateOriginal", "idNumber", "duplicate_id"],
  ["idDuplicateCopy", "idNumber", "duplicate_id"],
  ["idDuplicateCopy", "birthDate", "id_birthdate_mismatch"],
  ["phoneUnknown", "phone", "missing_contact"],
  ["phoneBlank", "phone", "missing_contact"],
  ["addressNone", "address", "missing_contact"],
  ["phoneInvalid", "phone", "invalid_phone"],
  ["statusMissing", "status", "missing_status"],
  // "birthAmbiguous" (1971.1) is not an issue: the member's ID says January 1971, which settles the month (issue 7)
  ["joinedUnder18", "joinDate", "joined_under_18"],
];

/**
 * Every issue the planted mistakes must raise (and, on these rows, the only ones expected). Nothing else in
 * the workbook is wrong: the other text dates, full-width digits, spaced names, lower-case x, traditional
 * spellings and the trailing space in one branch cell are normalisations, not issues.
 */
export function plantedIssues(): PlantedIssue[] {
  const out: PlantedIssue[] = [];
  for (const s of exampleSheets()) {
    for (const { row, key } of s.memberRows) {
      const m = memberByKey(key);
      for (const [mess, field, code] of MESS_ISSUES) {
        if (m.messes.includes(mess)) out.push({ sheet: s.name, row, column: s.columns[field], field, code, key });
      }
    }
  }
  return out;
}

/** Cells of the projects sheet whose counts are approximate (约20): an info issue each. */
export function approximateCountCells(): { sheet: string; row: number; column: string }[] {
  const s = exampleSheets().find((x) => x.kind === "projects")!;
  return exampleProjects().flatMap((p, i) => (p.approximate ? [{ sheet: s.name, row: s.firstRow + i, column: s.columns.jobsCreated }] : []));
}

