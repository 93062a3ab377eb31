// One real error never drowns: a code that hits most of a column (a mis-mapped column, a system's own spelling)
// is reported once, on the header row, with the count and a few examples, instead of once per member.
import { RosterLocation } from "./locate";
import { RawIssue } from "./schema";

/** Collapsed where a code hits at least this many rows of a column ... */
export const COLUMN_ISSUE_MIN = 20;
/** ... and at least this share of the sheet's member rows. */
export const COLUMN_ISSUE_SHARE = 0.6;
const EXAMPLES = 3;
/** Each duplicate is a real pair of people: never collapsed. */
const KEEP: ReadonlySet<string> = new Set(["duplicate_id"]);

export function collapseColumnIssues(issues: RawIssue[], rosters: readonly RosterLocation[]): RawIssue[] {
  const rowsOf = new Map(rosters.map((r) => [r.sheet, { n: r.memberRows.length, header: r.headerRow }]));
  const groups = new Map<string, RawIssue[]>();
  for (const i of issues) {
    const sheet = rowsOf.get(i.sheet);
    if (!sheet || KEEP.has(i.code) || i.row <= sheet.header) continue;
    const key = `${i.sheet}\u0000${i.column}\u0000${i.code}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  const collapsed = new Set<RawIssue>();
  const out: RawIssue[] = [];
  for (const g of groups.values()) {
    const sheet = rowsOf.get(g[0].sheet)!;
    if (g.length < COLUMN_ISSUE_MIN || g.length < COLUMN_ISSUE_SHARE * sheet.n) continue;
    for (const i of g) collapsed.add(i);
    const examples = [...new Set(g.map((i) => i.value).filter((v) => v !== ""))].slice(0, EXAMPLES);
    const first = g[0];
    out.push({
      ...first, row: sheet.header, value: "",
      params: { ...first.params, columnCount: g.length, examples: examples.join("、"), firstRow: first.row },
    });
  }
  if (!collapsed.size) return issues;
  return [...issues.filter((i) => !collapsed.has(i)), ...out];
}
