// Checks across rows: duplicate IDs, and branch spellings (configured list, or near spellings of a common one).
import { RowScopeless, issueAt } from "./issue-at";
import { RosterConfig } from "./config";
import { foldKey, toSimplified } from "./fold";
import { RawIssue, Member } from "./schema";
import { nearest } from "./similarity";
import { nearMiss } from "./open-vocabulary";
import { Lang } from "./vocabulary";
import { keepShape } from "./keep-shape";

/** FNV-1a of an 18-character ID, never 0; 0 for a member without one (the duplicate check passes it by). */
export function idHash(id: string | null): number {
  if (id === null || id.length !== 18) return 0;
  let h = 0x811c9dc5 | 0;
  for (let j = 0; j < 18; j++) h = Math.imul(h ^ id.charCodeAt(j), 0x01000193);
  return h === 0 ? 1 : h;
}

/**
 * Both rows of a duplicate ID are flagged, each naming the other. The IDs are found in an open-addressing table of
 * member indexes under a hash of the ID's 18 characters, sized once: a Map of 100,000 IDs costs twice as much CPU.
 * `hashes` (idHash of each member's ID) are best made while the row pass has the ID at hand: the table then holds
 * each slot's hash beside it and touches a member and its ID again only where two hashes agree.
 */
export function checkDuplicateIds(members: readonly Member[], at: RowScopeless, issues: RawIssue[], hashes: ArrayLike<number> = members.map((m) => idHash(m.idNumber))): void {
  let size = 16;
  while (size < members.length * 2) size *= 2;
  // by slot, side by side (one cache line a probe): index + 1 of the first member with the ID (0: empty), its ID's hash
  const table = new Int32Array(size * 2);
  const mask = size - 1;
  const flagged = new Uint8Array(members.length);
  for (let k = 0; k < members.length; k++) {
    const h = hashes[k];
    if (h === 0) continue;
    let slot = h & mask;
    let first = -1;
    for (;;) {
      const t = table[slot * 2];
      if (t === 0) {
        table[slot * 2] = k + 1;
        table[slot * 2 + 1] = h;
        break;
      }
      if (table[slot * 2 + 1] === h && members[t - 1].idNumber === members[k].idNumber) {
        first = t - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (first < 0) continue;
    const m = members[k];
    const other = members[first];
    issues.push(issueAt(at, m, "idNumber", "duplicate_id", { otherSheet: other.sheet, otherRow: other.row }));
    if (!flagged[first]) {
      flagged[first] = 1;
      issues.push(issueAt(at, other, "idNumber", "duplicate_id", { otherSheet: m.sheet, otherRow: m.row }));
    }
  }
}

/**
 * The members by branch spelling (in member order), for settleBranches: best gathered as the row pass makes each
 * member (afterwards, a pass fetches each of 100,000 members again from all over the heap).
 */
export class BranchSpellings {
  readonly bySpelling = new Map<string, Member[]>();
  add(m: Member): void {
    if (m.branch === null) return;
    const same = this.bySpelling.get(m.branch);
    if (same) same.push(m);
    else this.bySpelling.set(m.branch, [m]);
  }
}
keepShape(new BranchSpellings());

/** A near spelling used by one member beside one used by at least this many is flagged. */
const COMMON_BRANCH = 3;

/**
 * Settles each member's branch name: configured branches match after folding (others are unknown_value);
 * without a list, spellings that fold alike are one branch (named by its most used spelling, in simplified
 * characters for a zh-CN report), and a spelling
 * used once beside a near one used often is flagged with that one as the suggestion.
 */
export function settleBranches(members: Member[], config: RosterConfig, lang: Lang, at: RowScopeless, hasColumn: (m: Member) => boolean, issues: RawIssue[], grouped?: BranchSpellings): void {
  if (config.branches.length) {
    const byKey = new Map(config.branches.map((b) => [foldKey(b), b]));
    const keys = [...byKey.keys()];
    for (const m of members) {
      if (m.branch === null) continue;
      const key = foldKey(m.branch);
      const hit = byKey.get(key);
      if (hit) m.branch = hit;
      else if (hasColumn(m)) {
        const near = nearest(key, keys);
        issues.push(issueAt(at, m, "branch", "unknown_value", { value: m.branch }, near ? byKey.get(near) : undefined));
      }
    }
    return;
  }
  // members by spelling first (one lookup a member), then the spellings by folded key
  let bySpelling = grouped?.bySpelling;
  if (bySpelling === undefined) {
    const spellings = new BranchSpellings();
    for (const m of members) spellings.add(m);
    bySpelling = spellings.bySpelling;
  }
  // a group's members are written to only where their spelling is not the group's name: most already are it, and
  // a store into each of 100,000 members (old, all over the heap) cost more than the rest of this pass
  const groups = new Map<string, { size: number; spellings: Map<string, Member[]> }>();
  for (const [spelling, same] of bySpelling) {
    const key = foldKey(spelling);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { size: 0, spellings: new Map() }));
    g.size += same.length;
    g.spellings.set(spelling, same);
  }
  const names = new Map<string, string>();
  for (const [key, g] of groups) {
    const most = [...g.spellings].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0][0];
    const name = lang === "zh-CN" ? toSimplified(most) : most;
    names.set(key, name);
    for (const [spelling, same] of g.spellings) if (spelling !== name) for (const m of same) m.branch = name;
  }
  const common = [...groups].filter(([, g]) => g.size >= COMMON_BRANCH).map(([k]) => k);
  for (const [key, g] of groups) {
    if (g.size !== 1 || common.includes(key)) continue;
    const near = nearMiss(key, common);
    const m = g.spellings.values().next().value![0];
    if (near && hasColumn(m)) issues.push(issueAt(at, m, "branch", "unknown_value", { value: m.branch! }, names.get(near)));
  }
}
