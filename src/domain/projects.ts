// The projects sheet of SPEC section 5: find its header row, read each project, and tally jobs by type and branch.
import { z } from "zod";
import { ISSUE_SEVERITY, IssueCode, RawIssue } from "./schema";
import { CellValue, SheetGrid, columnLetter } from "./grid";
import { Lang, PROJECT_TYPE } from "./vocabulary";
import { UNKNOWN_KEY } from "./age-bands";
import { ProjectTallies, ProjectTotals } from "./summary-schema";
import { foldKey } from "./fold";
import { cellText, normaliseText } from "./normalise/text";
import { normaliseCount } from "./normalise/count";
import { buildEnumMatcher } from "./normalise/enum";

/** PROJECT_TYPE's codes (vocabulary.ts): a project of no readable type is `unknown` in the tallies. */
export const ProjectType = z.enum(["investment", "self_employment", "other"]);
export type ProjectType = z.infer<typeof ProjectType>;

export const Project = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  name: z.string().nullable(),
  leader: z.string().nullable(),
  branch: z.string().nullable(),
  origin: z.string().nullable(),
  type: ProjectType.nullable(),
  /** null where empty or unreadable (an approximate count such as 约20 is read as 20, with an info issue). */
  jobsCreated: z.number().nonnegative().nullable(),
  laidOffPlaced: z.number().nonnegative().nullable(),
  status: z.string().nullable(),
});
export type Project = z.infer<typeof Project>;

export type ProjectField = "name" | "leader" | "branch" | "origin" | "type" | "jobsCreated" | "laidOffPlaced" | "status";

/** Header aliases (simplified; traditional forms match after folding). A trailing unit such as (个) or （人） is ignored. */
export const PROJECT_HEADERS: Readonly<Record<ProjectField | "ignored", readonly string[]>> = {
  name: ["项目名称", "项目", "项目名", "project", "projectname"],
  leader: ["引进人/负责人", "负责人/引进人", "引进人(负责人)", "引进人", "负责人", "项目负责人", "引进党员", "带头人", "创办人", "leader"],
  branch: ["所属社区", "社区", "所在社区", "所属支部", "所在支部", "支部", "所属党支部", "党支部", "branch", "community"],
  origin: ["来源地", "来源", "项目来源地", "项目来源", "origin"],
  type: ["类型", "项目类型", "项目类别", "类别", "type"],
  jobsCreated: ["新增岗位", "新增就业岗位", "新增岗位数", "岗位数", "提供岗位", "提供就业岗位", "就业岗位", "岗位", "jobs", "jobscreated"],
  laidOffPlaced: [
    "安置下岗失业人员", "安置下岗失业人员数", "安置下岗失业人数", "安置人数", "安置下岗职工", "安置下岗人员",
    "安置失业人员", "安置下岗", "安置就业", "安置", "laidoffplaced",
  ],
  status: ["状态", "项目状态", "进展情况", "进展", "运营状态", "status"],
  ignored: ["序号", "编号", "no.", "no", "#"],
};

/** First cell of a row that is not a project: totals, signatures, notes (SPEC section 4). */
const FOOTER_PREFIXES = ["合计", "总计", "小计", "填表人", "填报人", "审核人", "制表", "说明", "Total"];
const HEADER_ROWS = 20;
const COUNT_FIELDS = ["jobsCreated", "laidOffPlaced"] as const;
const TEXT_FIELDS = ["name", "leader", "branch", "origin", "status"] as const;
const PROJECT_TYPES: ReadonlySet<string> = new Set(ProjectType.options);

export interface LocatedProjects {
  /** 1-based row of the header. */
  readonly headerRow: number;
  /** field -> 0-based column (the first column wins where two headers map to one field). */
  readonly columns: Partial<Record<ProjectField, number>>;
}

let aliasIndex: Map<string, ProjectField | "ignored"> | null = null;
function aliases(): Map<string, ProjectField | "ignored"> {
  if (aliasIndex === null) {
    aliasIndex = new Map();
    for (const [field, list] of Object.entries(PROJECT_HEADERS) as [ProjectField | "ignored", readonly string[]][]) {
      for (const a of list) if (!aliasIndex.has(foldKey(a))) aliasIndex.set(foldKey(a), field);
    }
  }
  return aliasIndex;
}

function headerField(v: CellValue | undefined): ProjectField | "ignored" | null {
  if (typeof v !== "string") return null;
  const key = foldKey(v);
  if (key === "") return null;
  // 新增岗位(个), 安置人数（人）: NFKC has made the brackets half-width.
  return aliases().get(key) ?? aliases().get(key.replace(/\([^()]*\)$/, "")) ?? null;
}

/**
 * The projects table: a header row within the first 20 holding the project name and at least two other fields, one
 * of them a count (新增岗位 or 安置...): 项目 | 负责人 | 状态 alone is any task list, not the projects-and-jobs sheet.
 */
export function locateProjects(sheet: SheetGrid): LocatedProjects | null {
  const last = Math.min(HEADER_ROWS, sheet.rows.length);
  for (let r = 0; r < last; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const columns: Partial<Record<ProjectField, number>> = {};
    for (let c = 0; c < row.length; c++) {
      const field = headerField(row[c]);
      if (field !== null && field !== "ignored" && columns[field] === undefined) columns[field] = c;
    }
    const hasCount = columns.jobsCreated !== undefined || columns.laidOffPlaced !== undefined;
    if (columns.name !== undefined && hasCount && Object.keys(columns).length >= 3) return { headerRow: r + 1, columns };
  }
  return null;
}

function typeLabel(code: string | undefined, lang: Lang): string | undefined {
  return PROJECT_TYPE.find((e) => e.code === code)?.labels[lang];
}

function isFooter(text: string): boolean {
  const key = foldKey(text);
  return FOOTER_PREFIXES.some((p) => key.startsWith(foldKey(p)));
}

/** Text of the row's first non-empty cell, or null for an empty row. */
function firstText(row: ReadonlyArray<CellValue | undefined>, date1904: boolean): string | null {
  for (const v of row) {
    const t = normaliseText(v, date1904);
    if (t !== null) return t;
  }
  return null;
}

/**
 * Every project below the header row, skipping empty and footer rows; unreadable values become issues, never guesses.
 * `lang` is the language of an unknown type's suggestion (the canonical label, as on the member sheets).
 */
export function readProjects(
  sheet: SheetGrid, located: LocatedProjects, date1904: boolean, lang: Lang = "zh-CN",
): { projects: Project[]; issues: RawIssue[] } {
  const projects: Project[] = [];
  const issues: RawIssue[] = [];
  const matchType = buildEnumMatcher(PROJECT_TYPE);
  const cols = located.columns;
  const at = (row: ReadonlyArray<CellValue | undefined>, f: ProjectField): CellValue | undefined =>
    cols[f] === undefined ? undefined : row[cols[f]!];

  for (let r = located.headerRow; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const first = firstText(row, date1904);
    if (first === null || isFooter(first)) continue;
    const fields = Object.keys(cols) as ProjectField[];
    if (fields.every((f) => normaliseText(at(row, f), date1904) === null)) continue; // only a 序号 or stray cell

    const issue = (f: ProjectField, code: IssueCode, params: RawIssue["params"], suggestion?: string): void => {
      const v = at(row, f);
      issues.push({
        sheet: sheet.name, row: r + 1, column: columnLetter(cols[f]!), field: f, code,
        severity: ISSUE_SEVERITY[code], params, value: v === undefined ? "" : cellText(v, date1904),
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    };

    const project: Project = {
      sheet: sheet.name, row: r + 1, name: null, leader: null, branch: null, origin: null, type: null,
      jobsCreated: null, laidOffPlaced: null, status: null,
    };
    for (const f of TEXT_FIELDS) project[f] = normaliseText(at(row, f), date1904);

    const type = matchType(at(row, "type"));
    if (type.kind === "ok" && PROJECT_TYPES.has(type.code)) project.type = type.code as ProjectType;
    else if (type.kind === "unknown") issue("type", "unknown_value", { field: "type", value: type.value }, typeLabel(type.suggestion, lang));

    for (const f of COUNT_FIELDS) {
      const n = normaliseCount(at(row, f));
      if (n.kind === "ok") {
        project[f] = n.value;
        if (n.approximate) issue(f, "approximate_count", { field: f, value: cellText(at(row, f), date1904), number: n.value });
      } else if (n.kind === "invalid") {
        issue(f, "invalid_count", { field: f, value: n.value });
      }
    }
    projects.push(project);
  }
  return { projects, issues };
}

function emptyTotals(): ProjectTotals {
  return { count: 0, jobsCreated: 0, laidOffPlaced: 0 };
}

function add(t: ProjectTotals, p: Project): void {
  t.count++;
  t.jobsCreated += p.jobsCreated ?? 0;
  t.laidOffPlaced += p.laidOffPlaced ?? 0;
}

/**
 * Totals, by type (every PROJECT_TYPE code, zeros too; `unknown` for an empty or unreadable type) and by branch
 * (names folding alike are one branch, shown as first seen; `unknown` for none). Unreadable counts add nothing.
 */
export function tallyProjects(projects: readonly Project[]): ProjectTallies {
  const total = emptyTotals();
  const byType: Record<string, ProjectTotals> = {};
  for (const e of PROJECT_TYPE) byType[e.code] = emptyTotals();
  byType[UNKNOWN_KEY] = emptyTotals();
  const branchByFold = new Map<string, string>();
  const byBranch: Record<string, ProjectTotals> = {};

  for (const p of projects) {
    add(total, p);
    add(byType[p.type ?? UNKNOWN_KEY], p);
    const fold = p.branch === null ? "" : foldKey(p.branch);
    let branch = fold === "" ? UNKNOWN_KEY : branchByFold.get(fold);
    if (branch === undefined) {
      branch = p.branch!.trim();
      branchByFold.set(fold, branch);
    }
    add((byBranch[branch] ??= emptyTotals()), p);
  }
  const unknown = byBranch[UNKNOWN_KEY] ?? emptyTotals();
  delete byBranch[UNKNOWN_KEY];
  byBranch[UNKNOWN_KEY] = unknown; // last, as in every breakdown
  return { ...total, byType, byBranch };
}
