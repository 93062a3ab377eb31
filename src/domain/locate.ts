// Finding the roster in a sheet (SPEC section 2): header row, columns, member rows, branch from the title.
import { RosterConfig } from "./config";
import { FIELD_BY_CODE, FieldCode } from "./fields";
import { foldKey, isBlankText, isTrimSpace, toSimplified } from "./fold";
import { CellValue, SheetGrid, columnLetter } from "./grid";
import { isFieldName, matchHeader } from "./header-match";
import { holdsMembershipTypes, holdsOnlyEmploymentValues, holdsOnlyMembershipTypes, holdsPartyOrganisations, recogniseColumn } from "./recognise-column";
import { ListKind, PipelineStage, SheetStatement, StageColumns, kindFromTitle, namesMembersOnly, readStatement, stageDateOf, stageOf, statusOfReductionHeader } from "./sheet-facts";

export interface RosterLocation {
  readonly sheet: string;
  /** 1-based row numbers as Excel shows them. */
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** field -> 0-based column index. */
  readonly columns: Partial<Record<FieldCode, number>>;
  /** Header cells mapped to no field, as "H:籍贯". */
  readonly unmapped: string[];
  /** 0-based indexes of the rows holding members (repeated headers, footers and empty rows left out). */
  readonly memberRows: number[];
  /** Branch for every row where the sheet has no branch column (config, sheet name or title), else null. */
  readonly sheetBranch: string | null;
  /** The header texts, for telling the roster's script (traditional, simplified, Latin). */
  readonly headerTexts: string[];
  /** What kind of list the sheet is (its title, name or a stage column say so); members by default. */
  readonly kind: ListKind;
  /** The column holding pipeline stages, where there is one. */
  readonly stageColumn?: number;
  /** The stage a pipeline or activists list's title names (发展对象名单), for rows without a stage column. */
  readonly titleStage?: PipelineStage;
  /**
   * Columns dating the steps before membership (递交入党申请书时间, 确定为入党积极分子时间, 确定发展对象时间) on a
   * sheet that also has a join date column, furthest stage first: a row with neither join nor full-member date is a
   * person at the furthest stage dated (a 动态信息表 lists applicants and members together); undefined where none.
   */
  readonly stageDates?: readonly (readonly [number, PipelineStage])[];
  /** The status the reduction column's header names (关系转出时间: transferred_out), for values naming none. */
  readonly reductionStatus?: string;
  /** The unit and date the title rows state. */
  readonly statement: SheetStatement;
}

export const HEADER_SEARCH_ROWS = 20;
/** Words a footer or a note inside the data area starts with (注意：, 填表说明, 备注：): never a member. */
const FOOTER_WORDS = ["合计", "总计", "小计", "填表人", "填报人", "审核人", "制表", "说明", "total", "注意", "注:", "注：", "填表说明", "填写说明", "备注:", "备注：", "提示", "温馨提示"];

interface HeaderMatch { row0: number; columns: Partial<Record<FieldCode, number>>; unmapped: string[]; texts: string[] }

function textOf(v: CellValue | undefined): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

/**
 * Maps one row's cells to fields; a field named twice keeps its first column (the other goes to unmapped), unless a
 * later one is headed with the field's own name (入党时间 after 加入党组织日期).
 */
function matchRow(row: ReadonlyArray<CellValue | undefined>, overrides: ReadonlyMap<string, FieldCode>): HeaderMatch {
  const columns: Partial<Record<FieldCode, number>> = {};
  const unmapped: string[] = [];
  const texts: string[] = [];
  for (let c = 0; c < row.length; c++) {
    const text = textOf(row[c]).trim();
    if (!text) continue;
    texts.push(text);
    const field = overrides.get(columnLetter(c)) ?? matchHeader(text, overrides);
    const before = field === undefined ? undefined : columns[field];
    if (field && before === undefined) columns[field] = c;
    else if (field && field !== "ignored" && isFieldName(text, field) && !isFieldName(textOf(row[before!]), field)) {
      columns[field] = c;
      unmapped.push(`${columnLetter(before!)}:${textOf(row[before!]).trim()}`);
    } else if (!field || field !== "ignored") unmapped.push(`${columnLetter(c)}:${text}`);
  }
  return { row0: -1, columns, unmapped, texts };
}

/** Whether a header row names a party field. */
function hasPartyField(columns: Partial<Record<FieldCode, number>>): boolean {
  return (Object.keys(columns) as FieldCode[]).some((f) => FIELD_BY_CODE.get(f)?.party);
}

/**
 * 姓名, at least 3 fields and a party field, or the date of a stage before membership (确定入党积极分子时间: a 党校's
 * enrolment list of 积极分子 or 发展对象 names no other party field).
 */
function isRosterHeader(columns: Partial<Record<FieldCode, number>>, texts: readonly string[]): boolean {
  // the stage dates are not counted among the 3: a sheet is taken for a roster on the same headers as before they were fields
  const fields = (Object.keys(columns) as FieldCode[]).filter((f) => f !== "ignored" && !STAGE_DATE_FIELDS.has(f));
  return columns.name !== undefined && fields.length >= 3 && (hasPartyField(columns) || texts.some((t) => stageDateOf(t) !== undefined));
}

const STAGE_DATE_FIELDS: ReadonlySet<FieldCode> = new Set(["applicationDate", "activistDate", "candidateDate"]);

function overridesFor(config: RosterConfig): Map<string, FieldCode> {
  const m = new Map<string, FieldCode>();
  for (const { field, header } of config.columns) {
    m.set(/^[A-Z]{1,3}$/.test(header) ? header : foldKey(header), field);
  }
  return m;
}

/** The header row within the first 20 rows, or why there is none. Content-based recognition fills unknown columns. */
export function findHeader(sheet: SheetGrid, config: RosterConfig): HeaderMatch | string {
  const overrides = overridesFor(config);
  let best: HeaderMatch | undefined;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const m = matchRow(row, overrides);
    m.row0 = r;
    for (const [i, field] of recogniseUnmapped(sheet, r, m)) m.columns[field] = i;
    membershipByValues(sheet, r, m);
    branchByValues(sheet, r, m);
    employmentByValues(sheet, r, m);
    if (isRosterHeader(m.columns, m.texts)) return m;
    if (!best || Object.keys(m.columns).length > Object.keys(best.columns).length) best = m;
  }
  if (!best || Object.keys(best.columns).length === 0) return `no known headers in rows 1-${HEADER_SEARCH_ROWS}`;
  const found = Object.keys(best.columns).filter((f) => f !== "ignored");
  return `row ${best.row0 + 1} has ${found.join(", ") || "no fields"}; a roster needs 姓名 and a party field (入党时间, 转正时间, 党员类别, 预备/正式, 所在支部, 确定入党积极分子时间)`;
}

/**
 * A column holding 正式/预备(党员) is membershipType whatever its header says (党籍状态, 状态, 人员类别). Where a header
 * already named the membership type, a column of other values (转正情况: 按期转正, blank for 预备党员) gives way to it
 * and is left unmapped; beside a column of 正式/预备 itself, the second one is only left unmapped (never a category).
 */
function membershipByValues(sheet: SheetGrid, row0: number, m: HeaderMatch): void {
  for (const f of ["status", "category", "note", "tags"] as FieldCode[]) {
    const c = m.columns[f];
    if (c === undefined || !holdsMembershipTypes(sheet, row0 + 1, c)) continue;
    delete m.columns[f];
    const named = m.columns.membershipType;
    if (named === undefined || !holdsMembershipTypes(sheet, row0 + 1, named)) {
      if (named !== undefined) m.unmapped.push(`${columnLetter(named)}:${textOf(sheet.rows[row0]![named]).trim()}`);
      m.columns.membershipType = c;
    } else if (m.columns.status === undefined && onlyTypesBesideMixed(sheet, row0 + 1, c, named)) {
      // 党员类别 223_正式党员 beside 党籍状态 59325_正式党员 ... 59327_已死亡: the type, and the statuses
      m.columns.membershipType = c;
      m.columns.status = named;
    } else m.unmapped.push(`${columnLetter(c)}:${textOf(sheet.rows[row0]![c]).trim()}`);
    return;
  }
}

/** Without a branch column, a 所在单位 column whose values are party organisations (…党支部, …党总支) is the branch. */
function branchByValues(sheet: SheetGrid, row0: number, m: HeaderMatch): void {
  const c = m.columns.workUnit;
  if (m.columns.branch !== undefined || c === undefined || !holdsPartyOrganisations(sheet, row0 + 1, c)) return;
  delete m.columns.workUnit;
  m.columns.branch = c;
}

/** Headers of an HR column that is the employment column when its values say so (在岗, 退休, 内退: an export's). */
const ON_DUTY_HEADERS: ReadonlySet<string> = new Set(["在岗情况", "在岗状态", "在岗状况"]);

/**
 * Without an employment column, a 在岗情况 column (a company export's: 在岗, 退休, 内退) whose every value is an
 * employment value is the employment column; one holding anything else (离岗, 病休) stays unread, never flagged.
 */
function employmentByValues(sheet: SheetGrid, row0: number, m: HeaderMatch): void {
  if (m.columns.employment !== undefined) return;
  const row = sheet.rows[row0]!;
  const taken = new Set(Object.values(m.columns));
  for (let c = 0; c < row.length; c++) {
    if (taken.has(c) || !ON_DUTY_HEADERS.has(textOf(row[c]).trim()) || !holdsOnlyEmploymentValues(sheet, row0 + 1, c)) continue;
    m.columns.employment = c;
    m.unmapped = m.unmapped.filter((u) => u.split(":")[0] !== columnLetter(c));
    return;
  }
}

/** A column of nothing but 正式/预备 beside the named type column that holds other values too (已死亡, 已停止党籍). */
function onlyTypesBesideMixed(sheet: SheetGrid, firstRow0: number, only: number, mixed: number): boolean {
  return holdsOnlyMembershipTypes(sheet, firstRow0, only) && !holdsOnlyMembershipTypes(sheet, firstRow0, mixed);
}

/** Unmapped columns whose values say what they are (IDs, mobiles, 预备/正式, 男/女). */
function recogniseUnmapped(sheet: SheetGrid, row0: number, m: HeaderMatch): [number, FieldCode][] {
  const row = sheet.rows[row0]!;
  const out: [number, FieldCode][] = [];
  const width = Math.max(row.length, sheet.rows[row0 + 1]?.length ?? 0);
  const taken = new Set(Object.values(m.columns));
  for (let c = 0; c < width; c++) {
    if (taken.has(c)) continue;
    const text = textOf(row[c]).trim();
    if (text && matchHeader(text)) continue; // a second column for a mapped field stays unmapped
    const field = recogniseColumn(sheet, row0 + 1, c);
    if (field && m.columns[field] === undefined) {
      out.push([c, field]);
      m.columns[field] = c;
      m.unmapped = m.unmapped.filter((u) => u.split(":")[0] !== columnLetter(c));
    }
  }
  return out;
}

/** First characters a footer word can start with (simplified, traditional, full-width): a cheap test before folding. */
const FOOTER_STARTS = codes("合总總小填审審制说說注註备備提温溫TtＴｔ");

/** The code units of a text, as a set (tested by code unit: no one-character string made per row). */
function codes(chars: string): ReadonlySet<number> {
  return new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));
}

/** The first code unit String.prototype.trim would keep (-1 if none): no iterator, no string per character. */
function firstNonSpace(t: string): number {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!isTrimSpace(c)) return c;
  }
  return -1;
}

function isFooter(row: ReadonlyArray<CellValue | undefined>): boolean {
  for (const v of row) {
    if (v === undefined || v === null || v === "") continue;
    if (typeof v !== "string") return false; // a number (序号) or date first: a member row, not a footer
    const t = v;
    if (!t.trim()) continue;
    if (!FOOTER_STARTS.has(firstNonSpace(t))) return false;
    const s = foldKey(t).replace(/^[*※★\d.、]+/, "");
    return FOOTER_WORDS.some((w) => s.startsWith(w));
  }
  return false;
}

/** The branch a sheet name or title names: 铁西街道铁康社区党员名单 -> 铁康社区. */
export function branchFromTitle(text: string): string | null {
  const s = toSimplified(text.normalize("NFKC")).replace(/\s+/g, "");
  for (const suffix of ["社区", "党支部", "支部", "村"]) {
    const at = s.indexOf(suffix);
    if (at <= 0) continue;
    let start = at;
    while (start > 0 && at - start < 8 && !/[街道镇乡区市县:：()（）\d]/.test(s[start - 1])) start--;
    if (start < at) return s.slice(start, at + suffix.length);
  }
  return null;
}

/** `found`: findHeader's answer for this sheet and config where the caller has it already (the sheet is not searched again). */
export function locateRoster(sheet: SheetGrid, config: RosterConfig, found?: HeaderMatch | string): RosterLocation | string {
  const header = found ?? findHeader(sheet, config);
  if (typeof header === "string") return header;
  const { row0, columns } = header;
  const headerRow = sheet.rows[row0]!;
  const headerKeys = new Map<number, FieldCode>();
  for (const [f, c] of Object.entries(columns) as [FieldCode, number][]) {
    const t = textOf(headerRow[c]).trim();
    if (t && matchHeader(t)) headerKeys.set(c, f);
  }
  const dataCols = Object.entries(columns).filter(([f]) => f !== "ignored").map(([, c]) => c as number);
  const nameCol = columns.name!;
  const width = headerRow.length;
  const idCol = columns.idNumber;
  const memberRows: number[] = [];
  const stages = new StageColumns(width);
  const rows = sheet.rows; // read once: grids of more than one producer (hidden class) pass here
  for (let r = row0 + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    if (!stages.done) stages.row(row);
    let filled = 0;
    for (let i = 0; i < dataCols.length && filled < 2; i++) if (!isBlank(row[dataCols[i]])) filled++;
    if (filled === 0) continue;
    if (isFooter(row)) continue;
    if (isRepeatedHeader(row, headerKeys, nameCol)) continue;
    // a lone value (a 续 title, a note) is not a member row, unless it is an ID number: a member whose name is missing;
    // a row without a name but with other cells of its own (学工号, 支部, a stage) is a person whose name is missing
    if (isBlank(row[nameCol]) && filled <= 1 && !(idCol !== undefined && looksLikeId(row[idCol])) && cellsFilled(row, width, columns.ignored) <= 1) continue;
    memberRows.push(r);
  }
  let sheetBranch: string | null = null;
  if (columns.branch === undefined) {
    sheetBranch = config.sheetBranches[sheet.name] ?? branchFromTitle(sheet.name);
    for (let r = 0; !sheetBranch && r < row0; r++) {
      const t = (sheet.rows[r] ?? []).map(textOf).find((x) => x.trim());
      if (t) sheetBranch = branchFromTitle(t);
    }
  }
  // the sheet's name and each title row's first text (not a note: 填表说明 may name any kind of list)
  const firstTexts = sheet.rows.slice(0, row0).map((r) => (r ?? []).map(textOf).find((t) => t.trim()) ?? "");
  const titles = [sheet.name, ...firstTexts.filter((t) => t.trim().length <= 40 && !/^\s*(注|说明|填表说明|填写说明)/.test(t))];
  const stageCol = stages.column();
  // a header of the history library (转至历史党员库详细原因, 停用原因) says the list is of former members
  const formerHeader = header.texts.some((t) => /历史党员|停用原因|注销原因/.test(foldKey(t)));
  const dated = stageDateColumns(columns);
  // no party field but stage dates: a list of the furthest stage dated (确定发展对象时间: 发展对象)
  const datedStage = dated !== undefined && !hasPartyField(columns) ? dated[0][1] : undefined;
  const datedKind: ListKind = datedStage === "activist" ? "activists" : datedStage ? "pipeline" : "members";
  const kind = titles.map(kindFromTitle).find((k) => k !== undefined) ?? (formerHeader ? "former" : stageCol !== undefined ? "pipeline" : datedKind);
  const titleStage = kind === "activists" ? "activist" : kind === "pipeline" ? titles.map(stageOf).find((x) => x !== undefined) ?? datedStage : undefined;
  const reductionCol = columns.reductionReason;
  return {
    kind,
    stageColumn: stageCol,
    titleStage, // undefined where none, the key always there (a plain literal, no spread: one hidden class for every location; JSON leaves it out)
    // a title naming members only (党员花名册): a row without a join date is a member missing it
    stageDates: columns.joinDate === undefined || titles.some(namesMembersOnly) ? undefined : dated,
    reductionStatus: reductionCol === undefined ? undefined : statusOfReductionHeader(textOf(headerRow[reductionCol])),
    statement: readStatement(sheet, row0, false),
    sheet: sheet.name,
    headerRow: row0 + 1,
    firstRow: memberRows.length ? memberRows[0] + 1 : row0 + 2,
    lastRow: memberRows.length ? memberRows[memberRows.length - 1] + 1 : row0 + 1,
    columns,
    unmapped: header.unmapped,
    memberRows,
    sheetBranch,
    headerTexts: header.texts,
  };
}

/** The columns dating a stage before membership (applicationDate ...), furthest stage first; undefined where none. */
function stageDateColumns(columns: Partial<Record<FieldCode, number>>): [number, PipelineStage][] | undefined {
  const out: [number, PipelineStage][] = [];
  if (columns.candidateDate !== undefined) out.push([columns.candidateDate, "candidate"]);
  if (columns.activistDate !== undefined) out.push([columns.activistDate, "activist"]);
  if (columns.applicationDate !== undefined) out.push([columns.applicationDate, "applicant"]);
  return out.length ? out : undefined;
}

/** Non-empty cells within the header's width but the 序号 column, counting to 2 at most. */
function cellsFilled(row: ReadonlyArray<CellValue | undefined>, width: number, seqCol: number | undefined): number {
  let n = 0;
  for (let c = 0; c < width && c < row.length && n < 2; c++) if (c !== seqCol && !isBlank(row[c])) n++;
  return n;
}

/** 15 or 18 characters of digits (a final X allowed), or a number of 15+ digits: what an ID cell holds. */
function looksLikeId(v: CellValue | undefined): boolean {
  if (typeof v === "number") return v >= 1e14;
  return typeof v === "string" && /^\s*(\d{17}[\dXx]|\d{15})\s*$/.test(v);
}

function isBlank(v: CellValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === "string" && isBlankText(v));
}

/** First characters of the name aliases (simplified, traditional, full-width): a cheap test before folding. */
const NAME_STARTS = codes("姓名党黨NnＮｎ");

/** A header printed again (page two): at least 3 cells name the same fields in the same columns. */
function isRepeatedHeader(row: ReadonlyArray<CellValue | undefined>, headerKeys: ReadonlyMap<number, FieldCode>, nameCol: number): boolean {
  const name = row[nameCol];
  if (typeof name !== "string" || !NAME_STARTS.has(firstNonSpace(name))) return false;
  let same = 0;
  for (const [c, f] of headerKeys) {
    const v = row[c];
    if (typeof v === "string" && matchHeader(v) === f && ++same >= 3) return true;
  }
  return false;
}

