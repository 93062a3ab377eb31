// What a sheet says about itself: which kind of list it is (title, sheet name, a stage column), the reporting unit
// and the date it is stated as of (title rows: 填报单位：…　统计截止日期：…).
import { foldKey, isBlankText, isPlaceholder } from "./fold";
import { CellValue, SheetGrid } from "./grid";
import { keepShape } from "./keep-shape";
import { normaliseDate } from "./normalise/date";
import { stripSystemCode } from "./normalise/system-code";
import { cellText } from "./normalise/text";

/**
 * members: a roster of party members; due: probationary members applying for full membership; pipeline: the
 * development pipeline (申请人, 积极分子, 发展对象); activists: an 入党积极分子 list; former: former members.
 */
export type ListKind = "members" | "due" | "pipeline" | "activists" | "former";

export const PIPELINE_STAGES = ["applicant", "activist", "candidate", "probationary", "full"] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** Stage words (folded, system codes stripped), most specific first. */
const STAGE_WORDS: [RegExp, PipelineStage][] = [
  [/申请人|申请入党/, "applicant"],
  [/积极分子/, "activist"],
  [/发展对象|发展计划|志愿书|政治审查|政审|支部大会讨论|上级党委审批/, "candidate"],
  [/预备/, "probationary"],
  [/正式/, "full"],
];

/** The stage's usual name, for a list whose title names its stage and has no stage column. */
export const STAGE_LABELS: Readonly<Record<PipelineStage, string>> = {
  applicant: "入党申请人", activist: "入党积极分子", candidate: "发展对象", probationary: "预备党员", full: "正式党员",
};

export function stageOf(text: string): PipelineStage | undefined {
  const t = foldKey(stripSystemCode(text));
  for (const [re, stage] of STAGE_WORDS) if (re.test(t)) return stage;
  return undefined;
}

/** A trailing bracketed note (确定发展对象时间（党委备案时间）): left out before a header is read for its stage. */
const HEADER_NOTE = /[(（[【][^)）\]】]*[)）\]】]$/;

/**
 * The stage before membership whose date a header names: 递交入党申请书时间 (applicant), 确定为入党积极分子时间
 * (activist), 确定发展对象时间 (candidate); undefined for any other header, and for the dates of members' steps
 * (递交转正申请书时间, 确定为预备党员时间).
 */
export function stageDateOf(header: string): PipelineStage | undefined {
  const t = foldKey(header).replace(HEADER_NOTE, "");
  if (!/(时间|日期|年月)$/.test(t) || /转正|预备|正式/.test(t)) return undefined;
  if (/发展对象/.test(t)) return "candidate";
  if (/积极分子/.test(t)) return "activist";
  if (/申请书|申请入党|入党申请/.test(t)) return "applicant";
  return undefined;
}

function blankCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && isPlaceholder(v));
}

/**
 * The stage a row's dates put it at where nothing says it is a member: the furthest of `stageDates` (furthest first)
 * that is filled; undefined for a row with a join date, a full-member date or a stated 正式/预备 (memberCols: a member
 * missing a date is still a member), or with no stage dated.
 */
export function datedStage(
  cells: ReadonlyArray<CellValue | undefined>,
  stageDates: readonly (readonly [number, PipelineStage])[],
  memberCols: readonly number[],
): PipelineStage | undefined {
  for (const c of memberCols) if (c >= 0 && !blankCell(cells[c])) return undefined;
  for (const [c, stage] of stageDates) if (!blankCell(cells[c])) return stage;
  return undefined;
}

/**
 * The status a reduction column's header itself names (转出原因, 关系转出时间: transferred out), for values that name
 * none (a date, 工作调动, D.就业); undefined where the header is neutral (减少原因, 停用原因).
 */
export function statusOfReductionHeader(header: string): string | undefined {
  const t = foldKey(header).replace(HEADER_NOTE, "");
  if (/停止党籍/.test(t)) return "suspended";
  if (/出党/.test(t)) return "left_party";
  if (/转出|迁出|调出/.test(t)) return "transferred_out";
  return undefined;
}

/** Title and sheet-name words that say what a list is, checked in this order. */
const KIND_WORDS: [RegExp, ListKind][] = [
  [/历史党员|已故党员|出党|减少党员|党员减少|转出党员名单/, "former"],
  [/转正/, "due"],
  [/发展对象|申请人|申请入党|发展进度|发展流程|发展阶段/, "pipeline"],
  [/积极分子/, "activists"],
];

/** A title naming a list of party members and nothing else (党员花名册, 党员名册, 党员信息, 党员信息库): its rows are
 * members, so one without a join date is a member missing it, not a prospect dated by stage (a 动态信息表 or a
 * 发展/申请/积极分子 title lists prospects too). */
export function namesMembersOnly(text: string): boolean {
  const t = foldKey(text);
  return /党员(花名册|名册|名单|信息|基本信息)/.test(t) && !/发展|申请|积极分子|动态|预备党员名单/.test(t);
}

export function kindFromTitle(text: string): ListKind | undefined {
  const t = foldKey(text);
  if (!t) return undefined;
  for (const [re, kind] of KIND_WORDS) if (re.test(t)) return kind;
  return undefined;
}

export interface SheetStatement {
  readonly unit?: string;
  /** yyyy-mm-dd: the date the sheet says it is stated as of (a month: its last day). */
  readonly asOf?: string;
}

const UNIT_LABEL = /(填报单位|报送单位|单位名称|党组织名称|党委名称|党总支名称|支部名称|所属党组织|单位)\s*[:：]\s*(.*)$/;
const DATE_LABEL = /(统计截止日期|统计截止时间|统计截止|截止日期|截止时间|截至日期|截至|上报时间|上报日期|填表日期|填报日期|填表时间|统计时间|统计日期)\s*[:：]\s*(.*)$/;

function lastDayOf(yyyyMm: string): string {
  const [y, m] = yyyyMm.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function dateIn(text: string, date1904: boolean, next: CellValue | undefined): string | undefined {
  const raw = text.trim();
  const d = normaliseDate(raw ? raw : next, date1904);
  if (d.kind !== "ok") return undefined;
  return d.precision === "day" ? d.value : lastDayOf(d.value);
}

/** The unit and stated date in the rows above the header (a label with its value in the cell, or the next one). */
export function readStatement(sheet: SheetGrid, headerRow0: number, date1904: boolean): SheetStatement {
  let unit: string | undefined;
  let asOf: string | undefined;
  for (let r = 0; r < headerRow0; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || !v.trim()) continue;
      const next = row.slice(c + 1).find((x) => x !== null && x !== undefined && x !== "");
      // a cell may hold both: 填报单位：XX党委　　统计截止：2025-06-30
      for (const piece of v.split(/\s{2,}|　+/).map((p) => p.trim()).filter(Boolean)) {
        const u = UNIT_LABEL.exec(piece);
        if (u && unit === undefined && !DATE_LABEL.test(u[1])) {
          const value = u[2].trim() || (typeof next === "string" ? next.trim() : "");
          if (value && !/^_+$/.test(value)) unit = value;
        }
        const d = DATE_LABEL.exec(piece);
        if (d && asOf === undefined) asOf = dateIn(d[2], date1904, next);
      }
    }
  }
  return { unit, asOf };
}

/**
 * A column whose values are pipeline stages (申请人, 积极分子, 发展对象, 预备, 正式) with at least one pre-member stage:
 * judged on each column's first 200 texts. Fed the rows below the header one by one (locate's own pass down the
 * rows: a sheet is read once, not once per column); a column closes at 200 texts, or once more than 40 of them are
 * no stage, when it can no longer qualify; done when every column is closed.
 */
export class StageColumns {
  private readonly n: Int32Array;
  private readonly staged: Int32Array;
  private readonly preMember: Uint8Array;
  private open: number[];
  constructor(private readonly width: number) {
    this.n = new Int32Array(width);
    this.staged = new Int32Array(width);
    this.preMember = new Uint8Array(width);
    this.open = Array.from({ length: width }, (_, c) => c);
  }

  get done(): boolean {
    return this.open.length === 0;
  }

  row(row: ReadonlyArray<CellValue | undefined>): void {
    const { n, staged, preMember } = this;
    let closed = false;
    for (const c of this.open) {
      const v = row[c];
      if (typeof v !== "string" || isBlankText(v)) continue;
      n[c]++;
      const s = stageOf(v);
      if (s) staged[c]++;
      if (s === "applicant" || s === "activist" || s === "candidate") preMember[c] = 1;
      if (n[c] >= 200 || n[c] - staged[c] > 40) closed = true;
    }
    if (closed) this.close();
  }

  /** Leaves out the columns closed (not in row(): an arrow over its locals made it allocate a context a row). */
  private close(): void {
    const { n, staged } = this;
    this.open = this.open.filter((c) => n[c] < 200 && n[c] - staged[c] <= 40);
  }

  /** The stage column, if any. */
  column(): number | undefined {
    for (let c = 0; c < this.width; c++) if (this.n[c] >= 1 && this.preMember[c] && this.staged[c] / this.n[c] >= 0.8) return c;
    return undefined;
  }
}

keepShape(new StageColumns(0));
