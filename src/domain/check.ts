// The engine's entry: locate every roster in a workbook snapshot, check each row, compare rows, summarise.
import { BLOCK_ROWS, CheckOptions, Matcher, RowScope } from "./check-context";
import { ColumnFacts, columnsFacts } from "./column-facts";
import { collapseColumnIssues } from "./column-issues";
import { OpenVocabulary } from "./open-vocabulary";
import { BranchSpellings, checkDuplicateIds, idHash, settleBranches } from "./check-cross";
import { Matchers, checkMember, keptReaders } from "./check-row";
import { EMPTY_CONFIG, RosterConfig, isSettingsHeader, readConfig } from "./config";
import { F, FIELDS, FIELD_BY_CODE, FIELD_CODES, FieldCode } from "./fields";
import { scriptOf } from "./fold";
import { SheetGrid, WorkbookSnapshot, columnIndex, columnLetter, listAt } from "./grid";
import { RowScopeless } from "./issue-at";
import { sheetOfReference } from "./sheet-reference";
import { RosterLocation, findHeader, locateRoster } from "./locate";
import { cellText } from "./normalise/text";
import { Project, locateProjects, readProjects, tallyProjects } from "./projects";
import { Change, ISSUE_SEVERITY, Member, RawIssue } from "./schema";
import { Summary, Tallies } from "./summary-schema";
import { MemberTallies } from "./summarise";
import { CATEGORY, Lang } from "./vocabulary";
import { stageOf } from "./sheet-facts";
import { keepShape } from "./keep-shape";
import type { Recheck, RowLog } from "./recheck";

export const PRODUCT_NAME_PREFIX = "_RosterAssistant_";
const SETTINGS_SHEET_NAMES = new Set(["名册设置", "名冊設置", "Roster settings"]);

export interface CheckInput {
  /** Today's date (ISO), from the caller's clock: the default asOf. */
  readonly today: string;
  readonly asOf?: string;
  readonly lang?: Lang;
  /** Records each member row's results, or reuses an earlier check's (recheck.ts). */
  readonly recheck?: Recheck;
}

export interface CheckResult {
  readonly asOf: string;
  readonly language: Lang;
  readonly rosters: RosterLocation[];
  /** Every worksheet looked at and why it is not a roster (for the "no roster" message). */
  readonly notRosters: { sheet: string; reason: string }[];
  readonly members: Member[];
  readonly issues: RawIssue[];
  readonly changes: Change[];
  /** The changes whose old value is a number cell (a revert puts back the number). */
  readonly numericFrom: ReadonlySet<Change>;
  readonly projects: Project[];
  readonly summary: Summary;
  readonly tallies: Tallies;
  readonly config: RosterConfig;
  /** The reporting unit (填报单位): the settings sheet's, else the one the sheets' title rows state. */
  readonly unit?: string;
}

/** Sheets the product wrote (named by a workbook-level `_RosterAssistant_*` defined name): never rosters. */
export function productSheets(snapshot: WorkbookSnapshot): Set<string> {
  const out = new Set<string>();
  for (const [name, ref] of snapshot.definedNames) {
    if (!name.startsWith(PRODUCT_NAME_PREFIX)) continue;
    const sheet = sheetOfReference(ref);
    if (sheet !== undefined) out.add(sheet);
  }
  return out;
}

function settingsSheet(snapshot: WorkbookSnapshot, own: Set<string>): SheetGrid | undefined {
  const byName = snapshot.definedNames.get(`${PRODUCT_NAME_PREFIX}settings`);
  return snapshot.sheets.find((s) =>
    (byName !== undefined && own.has(s.name) && byName.includes(s.name)) ||
    (SETTINGS_SHEET_NAMES.has(s.name) && s.rows.slice(0, 5).some((r) => isSettingsHeader(r))),
  );
}

export type SheetRole = "roster" | "projects" | "settings" | "product" | "other";

/** What each sheet is; works on a peek of the first rows, so callers can read only what is needed in full. */
export function classifySheets(snapshot: WorkbookSnapshot, config: RosterConfig = EMPTY_CONFIG): Map<string, SheetRole> {
  return classified(snapshot, config).roles;
}

/** classifySheets, and the header found (or why there is none) of each sheet it looked for one in: located once. */
function classified(snapshot: WorkbookSnapshot, config: RosterConfig): { roles: Map<string, SheetRole>; headers: Map<SheetGrid, ReturnType<typeof findHeader>> } {
  const own = productSheets(snapshot);
  const settings = settingsSheet(snapshot, own);
  const roles = new Map<string, SheetRole>();
  const headers = new Map<SheetGrid, ReturnType<typeof findHeader>>();
  for (const sheet of snapshot.sheets) {
    if (sheet === settings) roles.set(sheet.name, "settings");
    else if (own.has(sheet.name)) roles.set(sheet.name, "product");
    else {
      const header = findHeader(sheet, config);
      headers.set(sheet, header);
      if (typeof header !== "string") roles.set(sheet.name, "roster");
      else if (locateProjects(sheet)) roles.set(sheet.name, "projects");
      else roles.set(sheet.name, "other");
    }
  }
  return { roles, headers };
}

/** Reads the settings sheet, if any. */
export function workbookConfig(snapshot: WorkbookSnapshot): { config: RosterConfig; issues: RawIssue[] } {
  const sheet = settingsSheet(snapshot, productSheets(snapshot));
  return sheet ? readConfig(sheet, snapshot.date1904) : { config: EMPTY_CONFIG, issues: [] };
}

export function checkWorkbook(snapshot: WorkbookSnapshot, input: CheckInput): CheckResult {
  const { config, issues } = workbookConfig(snapshot);
  const { roles, headers } = classified(snapshot, config);
  const rosters: { sheet: SheetGrid; loc: RosterLocation }[] = [];
  const notRosters: { sheet: string; reason: string }[] = [];
  const projectSheets: SheetGrid[] = [];
  for (const sheet of snapshot.sheets) {
    const role = roles.get(sheet.name);
    if (role === "roster") rosters.push({ sheet, loc: locateRoster(sheet, config, headers.get(sheet)) as RosterLocation });
    else if (role === "projects") {
      projectSheets.push(sheet);
      notRosters.push({ sheet: sheet.name, reason: "a projects sheet" });
    } else {
      const why = role === "other" ? (headers.get(sheet) as string) : `the product's ${role} sheet`;
      notRosters.push({ sheet: sheet.name, reason: why });
    }
  }
  // The report date: the caller's, else the settings sheet's, else the date the sheets state, else today.
  const stated = rosters.map((r) => r.loc.statement.asOf).find((d) => d !== undefined);
  const asOf = input.asOf ?? config.asOf ?? stated ?? input.today;
  const unit = config.unit ?? rosters.map((r) => r.loc.statement.unit).find((u) => u !== undefined);
  // The workbook's own language (settings, else its headers' script) names branches and the canonical labels fixes
  // write, per roster sheet; --lang changes only the messages and the product's sheets, never the roster's cells.
  const workbookLang = config.language ?? langOf(rosters.flatMap((r) => r.loc.headerTexts));
  const language = input.lang ?? workbookLang;
  const opts: CheckOptions = { asOf, lang: workbookLang, config, date1904: snapshot.date1904 };
  const projects: Project[] = [];
  for (const sheet of projectSheets) {
    const read = readProjects(sheet, locateProjects(sheet)!, snapshot.date1904, language);
    for (const p of read.projects) projects.push(p);
    for (const i of read.issues) issues.push(i);
  }
  const { matchers, readers } = keptReaders(config, snapshot.date1904);
  const members: Member[] = [];
  const changes: Change[] = [];
  const numericFrom = new Set<Change>();
  // every list is checked; party members are counted from member rosters, due lists and a pipeline's 预备/正式 rows
  const memberLists = rosters.filter((r) => r.loc.kind === "members" || r.loc.kind === "due");
  const facts = rosters.map(({ sheet, loc }) => enumFacts(sheet, loc, snapshot.date1904));
  const categories = categoryVocabulary(rosters.map((r) => r.loc), facts, config, matchers[F.category]!);
  input.recheck?.begin([config, asOf, unit, workbookLang, language], rosters, facts);
  const bySheet = new Map<string, Member[]>();
  // each member's ID hashed while the row pass has it at hand (check-cross: the duplicate check's table)
  const hashesBySheet = new Map<string, Int32Array>();
  // what the steps after the row pass need of every member, gathered as each member is made
  const after = new AfterRows(asOf);
  for (const [i, { sheet, loc }] of rosters.entries()) {
    const typeHoldsStatus = holdsStatuses(facts[i][F.membershipType], matchers[F.status]!);
    if (memberLists.includes(rosters[i])) headerIssues(sheet, loc, opts, issues, typeHoldsStatus);
    const sheetLang = config.language ?? langOf(loc.headerTexts);
    const scope = new RowScope(sheet, loc, { ...opts, lang: sheetLang }, issues, changes, { facts: facts[i], categories, typeHoldsStatus }, numericFrom, readers);
    const rows: Member[] = [];
    const hashes = new Int32Array(loc.memberRows.length);
    checkRows(scope, matchers, rows, members, hashes, after, input.recheck?.sheet(sheet.name, loc, facts[i], scope, rows));
    bySheet.set(sheet.name, rows);
    hashesBySheet.set(sheet.name, hashes);
  }
  const at = new RosterCells(rosters, snapshot.date1904);
  // IDs repeat across the member lists, and within any one list; a pipeline's 预备党员 is also on the roster
  const listed = memberLists.map((r) => r.sheet.name);
  checkDuplicateIds(listed.length === 1 ? bySheet.get(listed[0])! : listed.flatMap((s) => bySheet.get(s)!), at, issues, joined(listed.map((s) => hashesBySheet.get(s)!)));
  for (const r of rosters) if (!memberLists.includes(r)) checkDuplicateIds(bySheet.get(r.sheet.name)!, at, issues, hashesBySheet.get(r.sheet.name));
  const withColumn = new Set(rosters.filter((r) => r.loc.columns.branch !== undefined).map((r) => r.sheet.name));
  settleBranches(members, config, workbookLang, at, (m) => withColumn.has(m.sheet), issues, after.branches);
  const pipeline = after.stageCounts();
  input.recheck?.end(issues, changes, numericFrom);
  const reported = collapseColumnIssues(issues, rosters.map((r) => r.loc));
  sortIssues(reported, snapshot);
  const { summary, employment } = after.tallies.finish({ branches: config.branches, categories: categories.keys() });
  return {
    asOf, language, rosters: rosters.map((r) => r.loc), notRosters, members, issues: reported, changes, numericFrom, projects,
    unit,
    summary: { ...summary, ...(pipeline ? { pipeline } : {}) },
    tallies: { projects: tallyProjects(projects), employment },
    config,
  };
}

/**
 * Checks the roster's member rows a block at a time into its rows and all members, each member's ID hashed while the
 * row pass has it at hand (the duplicate check's table); with a log, rows are recorded or reused (recheck.ts). Its own function: the row loop is compiled once and kept, not again inside each check.
 */
function checkRows(scope: RowScope, matchers: Matchers, rows: Member[], members: Member[], hashes: Int32Array, after: AfterRows, log?: RowLog): void {
  const memberRows = scope.loc.memberRows;
  const sheetRows = scope.rows;
  for (let from = 0; from < memberRows.length; from += BLOCK_ROWS) {
    const to = Math.min(from + BLOCK_ROWS, memberRows.length);
    const single = log?.reusing === true; // most rows reused: the others read one at a time
    if (!single) scope.readBlock(memberRows, from, to);
    for (let i = from; i < to; i++) {
      let member = log?.reused(i, scope);
      let hash: number;
      if (member === undefined) {
        if (single) scope.readBlock(memberRows, i, i + 1);
        scope.pos = single ? 0 : i - from;
        scope.index = i;
        scope.row0 = memberRows[i];
        scope.cells = sheetRows[scope.row0]!;
        member = checkMember(scope, matchers);
        hash = scope.readsId ? scope.idHash() : idHash(member.idNumber);
      } else hash = idHash(member.idNumber);
      log?.done(i, member, scope);
      hashes[i] = hash;
      rows.push(member);
      members.push(member);
      after.add(member);
    }
  }
}

/** The arrays one after another (the one itself where there is one). */
function joined(parts: Int32Array[]): Int32Array {
  if (parts.length === 1) return parts[0];
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The facts (dropdown, values used) of each enumeration column of a roster, by field ordinal. */
function enumFacts(sheet: SheetGrid, loc: RosterLocation, date1904: boolean): (ColumnFacts | undefined)[] {
  const out: (ColumnFacts | undefined)[] = FIELD_CODES.map(() => undefined);
  const fields = FIELDS.filter((def) => def.kind === "enum" && loc.columns[def.code] !== undefined).map((def) => def.code);
  const facts = columnsFacts(sheet, fields.map((f) => loc.columns[f]!), loc.memberRows, date1904);
  fields.forEach((f, k) => (out[F[f]] = facts[k]));
  // the ethnicity column's dropdown only (868_汉族 …): a fix writes its entry; its values are not counted
  const ethnic = loc.columns.ethnicity;
  const list = ethnic === undefined || loc.memberRows.length === 0 ? undefined : listAt(sheet, loc.memberRows[0], ethnic);
  if (list?.length) out[F.ethnicity] = new ColumnFacts(list, new Map());
  return out;
}

/** The workbook's categories: every roster's category values, its dropdown or the configured list. */
function categoryVocabulary(locs: RosterLocation[], facts: (ColumnFacts | undefined)[][], config: RosterConfig, seed: Matcher): OpenVocabulary {
  const counts = new Map<string, number>();
  const list: string[] = [...config.categories];
  for (const [i, loc] of locs.entries()) {
    const f = facts[i][F.category];
    if (loc.columns.category === undefined || !f) continue;
    for (const [t, n] of f.counts) counts.set(t, (counts.get(t) ?? 0) + n);
    for (const v of f.list) if (!list.includes(v)) list.push(v);
  }
  return new OpenVocabulary(seed, list, counts, CATEGORY.map((e) => e.code));
}

/** What the steps after the row pass need of each member, gathered as the row pass makes it, in member order. */
class AfterRows {
  /** settleBranches' members by spelling. */
  readonly branches = new BranchSpellings();
  /** The summaries' counts (finished once the branches are settled). */
  readonly tallies: MemberTallies;
  private readonly stages: Record<string, number> = {};
  private staged = false;
  constructor(asOf: string) {
    this.tallies = new MemberTallies(asOf);
  }
  add(m: Member): void {
    this.branches.add(m);
    this.tallies.add(m);
    const key = m.listed === "former" ? "former" : m.stage === undefined ? undefined : stageOf(m.stage) ?? "candidate";
    if (key !== undefined) {
      this.stages[key] = (this.stages[key] ?? 0) + 1;
      this.staged = true;
    }
  }
  /** Rows per pipeline stage (pipeline and activists lists), and former members; undefined where there are none. */
  stageCounts(): Record<string, number> | undefined {
    return this.staged ? this.stages : undefined;
  }
}
keepShape(new AfterRows("2000-01-01"));

function langOf(headerTexts: string[]): Lang {
  const script = scriptOf(headerTexts);
  return script === "traditional" ? "zh-TW" : script === "latin" ? "en" : "zh-CN";
}

/** A required column missing from the sheet altogether: one issue on the header row, not one per member. */
/** Whether a membership-type column's values include statuses (正常, 流动党员): a status column of mixed values. */
function holdsStatuses(facts: ColumnFacts | undefined, status: Matcher): boolean {
  if (!facts) return false;
  for (const text of facts.counts.keys()) if (status(text).kind === "ok") return true;
  return false;
}

function headerIssues(sheet: SheetGrid, loc: RosterLocation, opts: CheckOptions, issues: RawIssue[], typeHoldsStatus: boolean): void {
  const has = (f: FieldCode) => loc.columns[f] !== undefined;
  const required = (f: FieldCode) => opts.config.required[f] ?? FIELD_BY_CODE.get(f)!.required;
  const missing: FieldCode[] = [];
  for (const def of FIELD_BY_CODE.values()) {
    if (!required(def.code) || has(def.code)) continue;
    if ((def.code === "gender" || def.code === "birthDate") && has("idNumber")) continue;
    if (def.code === "branch" && loc.sheetBranch) continue;
    missing.push(def.code);
  }
  const at = (field: string, code: RawIssue["code"], params: RawIssue["params"]) =>
    issues.push({ sheet: sheet.name, row: loc.headerRow, column: columnLetter(0), field, code, severity: ISSUE_SEVERITY[code], params, value: "" });
  for (const f of missing) at(f, "missing_required", { column: "missing" });
  if (!has("status") && !has("lostContactFlag") && !has("mobileFlag") && !has("tags") && !typeHoldsStatus) at("status", "missing_status", { column: "missing" });
  const contact = (["phone", "address"] as const).filter((f) => !has(f) && opts.config.required[f] !== false);
  if (contact.length) at(contact[0], "missing_contact", { column: "missing", missing: contact.join(",") });
}

/** Where a field of a member's row is, and what its cell shows: a class, not closures (see keep-shape.ts). */
class RosterCells implements RowScopeless {
  private readonly bySheet: Map<string, { sheet: SheetGrid; loc: RosterLocation }>;
  constructor(rosters: { sheet: SheetGrid; loc: RosterLocation }[], private readonly date1904: boolean) {
    this.bySheet = new Map(rosters.map((r) => [r.sheet.name, r]));
  }
  column(sheet: string, field: FieldCode): number | undefined {
    return this.bySheet.get(sheet)?.loc.columns[field];
  }
  text(sheet: string, row: number, col: number): string {
    return cellText(this.bySheet.get(sheet)?.sheet.rows[row - 1]?.[col], this.date1904);
  }
}
keepShape(new RosterCells([], false));

/** Places below 2^21 rows and 2^14 columns (Excel's are 2^20 and 2^14) make one number: sheet, row, column. */
const ROW_UNIT = 2 ** 14;
const SHEET_UNIT = 2 ** 35;

/**
 * By sheet (the workbook's order), row and column; ties keep the order found. Each issue's place is made one number
 * once (not two Map lookups and two column parses a comparison: every row an issue is 3 million of them), and a
 * list already in order (the row pass emits in order) is left as it is.
 */
function sortIssues(issues: RawIssue[], snapshot: WorkbookSnapshot): void {
  const order = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  const keys = new Float64Array(issues.length);
  let sorted = true;
  for (let i = 0; i < issues.length; i++) {
    const { sheet, row, column } = issues[i];
    const col = columnIndex(column);
    const at = order.get(sheet) ?? 0;
    if (!(col >= 0 && col < ROW_UNIT && Number.isInteger(row) && row >= 0 && row < SHEET_UNIT / ROW_UNIT && at < 2 ** 17)) {
      issues.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row || columnIndex(a.column) - columnIndex(b.column));
      return;
    }
    keys[i] = at * SHEET_UNIT + row * ROW_UNIT + col;
    if (i > 0 && keys[i] < keys[i - 1]) sorted = false;
  }
  if (sorted) return;
  const index = Array.from(keys, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  const copy = issues.slice();
  for (let i = 0; i < index.length; i++) issues[i] = copy[index[i]];
}
