// The readable summary on stdout, in the command line's language: members by category and branch, issue counts by
// their titles (never codes), where to look first.
import { lookFirst } from "../domain/look-first";
import { Report } from "../domain/report-schema";
import { CATEGORY } from "../domain/vocabulary";
import { Lang } from "../domain/vocabulary";
import { CLI_TEXT } from "../i18n/cli-text";
import { renderIssue } from "../i18n/issue-messages";
import { sheetText } from "../i18n/sheet-text";
import { UI_TEXT } from "../i18n/ui-text";

const LOOK_FIRST = 8;

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));
const padLeft = (s: string, n: number) => " ".repeat(Math.max(0, n - width(s))) + s;

/** `lang`: the language to print in (the report's by default); `reportPath`: where the whole report was written. */
export function formatSummary(report: Report, lang: Lang = report.language, reportPath?: string): string {
  const t = CLI_TEXT[lang];
  const lines: string[] = [`${report.input}  ${t.asOf(report.asOf)}`];
  for (const r of report.rosters) lines.push(t.rosterAt(r.sheet, r.headerRow, r.firstRow, r.lastRow));
  lines.push(t.members(report.members, report.rows));
  const pipeline = pipelineParts(report, lang);
  if (pipeline.length) lines.push(t.pipeline(pipeline));
  lines.push("");
  lines.push(...categoryTable(report, lang));
  // a roster that states no status for some members says so: "失联党员 0 名" alone would claim what it does not know
  const { lost_contact: lost = 0, unknown: unstated = 0 } = report.summary.byStatus;
  lines.push("", t.lostContact(lost, unstated));
  const p = report.tallies.projects;
  if (p.count) lines.push(t.projects(p.count, p.jobsCreated, p.laidOffPlaced));
  lines.push("");
  const n = (sev: string) => report.issues.filter((i) => i.severity === sev).length;
  if (!report.issues.length) lines.push(t.noIssues);
  else {
    lines.push(t.issues(n("error"), n("warning"), n("info")));
    const counts = Object.entries(report.issueCounts).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
    const titles = UI_TEXT[lang].issueTitles;
    lines.push("  " + counts.map(([code, c]) => `${titles[code as keyof typeof titles] ?? code} ${c}`).join(lang === "en" ? ", " : "，"));
    lines.push(t.lookFirst);
    const first = lookFirst(report.issues, LOOK_FIRST);
    for (const i of first) {
      const message = lang === report.language ? i.message : renderIssue(i, lang);
      lines.push(`  [${t.severity[i.severity]}] ${i.sheet}!${i.column}${i.row}  ${message}`);
    }
    if (report.issues.length > LOOK_FIRST) lines.push(t.more(report.issues.length - LOOK_FIRST, reportPath));
  }
  return lines.join("\n") + "\n";
}

/** The pipeline's stages with rows, in the summary sheet's order: "发展对象 24 名" (a number alone in English). */
export function pipelineParts(report: Report, lang: Lang): string[] {
  const counts = report.summary.pipeline ?? {};
  const stages = sheetText(lang).summary.stages;
  return Object.keys(stages).filter((k) => (counts[k] ?? 0) > 0).map((k) => (lang === "en" ? `${stages[k]} ${counts[k]}` : `${stages[k]} ${counts[k]} 名`));
}

function categoryTable(report: Report, lang: Lang): string[] {
  const t = CLI_TEXT[lang];
  const matrix = report.summary.byCategoryAndBranch;
  const branches = Object.keys(report.summary.byBranch).filter((b) => b !== "unknown" || report.summary.byBranch[b] > 0);
  const label = (code: string) => (code === "unknown" ? t.unknown : CATEGORY.find((c) => c.code === code)?.labels[lang] ?? code);
  const rows = Object.keys(matrix).filter((k) => k !== "_total" && (k !== "unknown" || (matrix[k]._total ?? 0) > 0));
  const head = [t.category, ...branches.map((b) => (b === "unknown" ? t.unknown : b)), t.total];
  const body = rows.map((cat) => [label(cat), ...branches.map((b) => String(matrix[cat][b] ?? 0)), String(matrix[cat]._total ?? 0)]);
  const totals = matrix._total ?? {};
  body.push([t.total, ...branches.map((b) => String(totals[b] ?? 0)), String(totals._total ?? report.members)]);
  const widths = head.map((h, c) => Math.max(width(h), ...body.map((r) => width(r[c]))));
  const fmt = (r: string[]) => "  " + r.map((cell, c) => (c === 0 ? pad(cell, widths[c]) : padLeft(cell, widths[c]))).join("  ");
  return [t.byCategoryAndBranch, fmt(head), ...body.map(fmt)];
}
