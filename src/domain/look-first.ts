// Where to look first: errors before warnings before notes, and within a severity the rarest codes first (a code
// on two rows is more likely a real slip than one on two hundred), then in sheet order.
import { RawIssue, Severity } from "./schema";

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function lookFirst<T extends Pick<RawIssue, "severity" | "code">>(issues: readonly T[], n: number): T[] {
  const count = new Map<string, number>();
  for (const i of issues) count.set(i.code, (count.get(i.code) ?? 0) + 1);
  return issues
    .map((issue, at) => ({ issue, at }))
    .sort((a, b) => SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity] || count.get(a.issue.code)! - count.get(b.issue.code)! || a.at - b.at)
    .slice(0, n)
    .map((x) => x.issue);
}
