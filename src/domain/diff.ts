// The sync diff (SPEC 8), pure: incoming records matched to the master's by ID number, else name + birth date;
// additions, updates, conflicts, absences and rejections. An empty incoming cell never blanks a master value.
import { MasterCell, SYNC_FIELDS, SyncField, SyncRecord } from "./diff-records";
import { MatchKind, SyncAdded, SyncConflict, SyncRejected, SyncReport, SyncUpdated } from "./diff-schema";
import { foldKey } from "./fold";
import { idBirthDateMatches, idGender } from "./normalise/id-number";
import { CURRENT_STATUSES } from "./vocabulary";

/** Where an update or accepted conflict writes: the master's cell and what it shows now. */
export interface PlannedUpdate {
  readonly sheet: string;
  readonly row: number;
  readonly field: SyncField;
  readonly cell: MasterCell;
  readonly to: string;
  readonly key: string;
}

/** A member to add: the master sheet it goes into and its values by field. */
export interface PlannedAddition {
  readonly sheet: string;
  readonly key: string;
  readonly values: Partial<Record<SyncField, string>>;
}

export interface SyncDiff {
  readonly report: SyncReport;
  /** Parallel to report.updated and report.conflicts. */
  readonly updates: PlannedUpdate[];
  readonly conflictWrites: (PlannedUpdate | undefined)[];
  /** Parallel to report.added. */
  readonly additions: PlannedAddition[];
}

export interface MasterRoster {
  readonly sheet: string;
  /** The branch the whole sheet belongs to (no branch column), else null. */
  readonly sheetBranch: string | null;
}

const nameBirthKey = (name: string, birth: string): string => `${name}/${birth}`;

function keyOf(r: SyncRecord): string {
  if (r.id) return r.id;
  const name = r.values.name ?? r.member.name ?? "";
  const birth = r.values.birthDate ?? r.member.birthDate ?? "";
  return name && birth ? nameBirthKey(name, birth) : name;
}

function branchOf(r: SyncRecord): string | null {
  return r.values.branch ?? r.member.branch ?? null;
}

/** The master sheet an addition of this branch goes into, or why there is none. */
function sheetFor(branch: string | null, rosters: readonly MasterRoster[], master: readonly SyncRecord[]): string | Pick<SyncRejected, "reason" | "params"> {
  if (rosters.length === 1) return rosters[0].sheet;
  if (branch) {
    const b = foldKey(branch);
    const own = rosters.find((r) => r.sheetBranch !== null && foldKey(r.sheetBranch) === b);
    if (own) return own.sheet;
    const counts = new Map<string, number>();
    for (const m of master) if (m.member.branch && foldKey(m.member.branch) === b) counts.set(m.sheet, (counts.get(m.sheet) ?? 0) + 1);
    const best = [...counts].sort((x, y) => y[1] - x[1])[0];
    if (best) return best[0];
    return { reason: "no_branch_sheet", params: { branch } };
  }
  return { reason: "no_branch", params: {} };
}

/** An incoming birth date or gender the ID number contradicts (the master's ID, else the incoming one). */
function contradictsId(field: SyncField, value: string, incoming: SyncRecord, masterRec: SyncRecord): boolean {
  const id = masterRec.id ?? incoming.id;
  if (!id) return false;
  if (field === "birthDate") return /^\d{4}-\d{2}(-\d{2})?$/.test(value) && !idBirthDateMatches(value, id);
  if (field === "gender") {
    const g = incoming.member.gender;
    return g !== null && incoming.values.gender === value && g !== idGender(id);
  }
  return false;
}

export interface DiffInput {
  readonly masterName: string;
  readonly incomingName: string;
  readonly master: readonly SyncRecord[];
  readonly rosters: readonly MasterRoster[];
  readonly incoming: readonly SyncRecord[];
  /** Whether the incoming file has an ID column at all. */
  readonly incomingHasIds: boolean;
}

export function diffRosters(input: DiffInput): SyncDiff {
  const { master, incoming } = input;
  // key -> the record, or every record where the key is on several (the master's own duplicates)
  const byId = new Map<string, SyncRecord | SyncRecord[]>();
  const byNameBirth = new Map<string, SyncRecord | SyncRecord[]>();
  function push(m: Map<string, SyncRecord | SyncRecord[]>, k: string, r: SyncRecord): void {
    const had = m.get(k);
    if (had === undefined) m.set(k, r);
    else if (Array.isArray(had)) had.push(r);
    else m.set(k, [had, r]);
  }
  const all = (x: SyncRecord | SyncRecord[] | undefined): SyncRecord[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
  for (const r of master) {
    const id = r.id ?? r.idProblem?.value;
    if (id) push(byId, id, r);
    const name = r.values.name ?? r.member.name;
    if (name && r.member.birthDate) push(byNameBirth, nameBirthKey(name, r.member.birthDate), r);
  }

  const report: SyncReport = {
    version: 1, master: input.masterName, incoming: input.incomingName,
    matchedBy: "idNumber", added: [], updated: [], conflicts: [], unchanged: 0, notInIncoming: [], rejected: [],
  };
  const updates: PlannedUpdate[] = [];
  const conflictWrites: (PlannedUpdate | undefined)[] = [];
  const additions: PlannedAddition[] = [];
  const kinds = new Set<MatchKind>();

  // Pass 1: each incoming row to its master row (or to an addition), rejections said with their reason.
  type Match = { rec: SyncRecord; master: SyncRecord; kind: MatchKind };
  const matched = new Map<SyncRecord, Match[]>();
  const added = new Map<string, SyncRecord>();
  for (const rec of incoming) {
    const name = rec.values.name ?? null;
    const birth = rec.values.birthDate ?? rec.member.birthDate ?? null;
    if (rec.idProblem) {
      report.rejected.push({ row: rec.row, reason: rec.idProblem.reason, value: rec.idProblem.value });
      continue;
    }
    if (!rec.id && !(name && birth)) {
      report.rejected.push({ row: rec.row, reason: "unmatchable", value: name ?? "" });
      continue;
    }
    let target: SyncRecord | undefined;
    let kind: MatchKind = "idNumber";
    if (rec.id) {
      const found = all(byId.get(rec.id));
      // the master's own duplicate IDs (flagged duplicate_id): the row of the same name, else the first
      target = found.length > 1 ? found.find((f) => (f.values.name ?? f.member.name) === name) ?? found[0] : found[0];
    }
    if (!target && name && birth) {
      const found = all(byNameBirth.get(nameBirthKey(name, birth)));
      if (found.length > 1) {
        report.rejected.push({ row: rec.row, reason: "ambiguous_match", params: { rows: found.map((f) => `${f.sheet}!${f.row}`).join(", ") }, value: name });
        continue;
      }
      if (found.length === 1) {
        target = found[0];
        kind = "nameBirthDate";
        if (rec.id && target.id && target.id !== rec.id) {
          conflict(report, conflictWrites, rec, target, "idNumber", target.id, rec.id, "id_differs", undefined);
          continue;
        }
      }
    }
    if (target) {
      kinds.add(kind);
      const list = matched.get(target);
      const m = { rec, master: target, kind };
      if (list) list.push(m);
      else matched.set(target, [m]);
      continue;
    }
    kinds.add(rec.id ? "idNumber" : "nameBirthDate");
    const key = keyOf(rec);
    const first = added.get(key);
    if (first) {
      const same = SYNC_FIELDS.every((f) => (first.values[f] ?? "") === (rec.values[f] ?? ""));
      report.rejected.push({ row: rec.row, reason: same ? "duplicate_row" : "duplicate_new_member", params: { of: first.row }, value: name ?? key });
      continue;
    }
    added.set(key, rec);
    const branch = branchOf(rec);
    const sheet = sheetFor(branch, input.rosters, master);
    if (typeof sheet !== "string") {
      report.rejected.push({ row: rec.row, ...sheet, value: name ?? key });
      continue;
    }
    const entry: SyncAdded = { key, name: name ?? "", branch: branch ?? "", row: rec.row, sheet, match: rec.id ? "idNumber" : "nameBirthDate", accept: true };
    report.added.push(entry);
    additions.push({ sheet, key, values: rec.values });
    rejectUnreadable(report, rec);
  }

  // Pass 2: per matched member, field by field; two incoming rows for one member that disagree are a conflict.
  for (const [target, list] of matched) {
    const key = target.id ?? keyOf(target);
    const name = target.values.name ?? target.member.name ?? "";
    let changed = false;
    for (let i = 1; i < list.length; i++) {
      const same = SYNC_FIELDS.every((f) => (list[0].rec.values[f] ?? "") === (list[i].rec.values[f] ?? ""));
      if (same) report.rejected.push({ row: list[i].rec.row, reason: "duplicate_row", params: { of: list[0].rec.row }, value: name });
    }
    const only = list.length === 1 ? list[0].rec : undefined;
    for (const field of SYNC_FIELDS) {
      if (only !== undefined) {
        const v = only.values[field];
        if (v === undefined || v === (target.values[field] ?? "")) continue; // the common case: nothing to do
      }
      const said = new Map<string, SyncRecord>();
      for (const { rec } of list) {
        const v = rec.values[field];
        if (v !== undefined && !said.has(v)) said.set(v, rec);
      }
      if (said.size === 0) continue; // an empty incoming cell never blanks a master value
      const cell = target.cell?.(field);
      const from = target.values[field] ?? "";
      const kind = list[0].kind;
      if (said.size > 1) {
        const [rec, value] = [...said].map(([v, r]) => [r, v] as const).pop()!;
        const all = [...said].map(([v, r]) => `row ${r.row}: ${v}`).join("; ");
        conflict(report, conflictWrites, rec, target, field, from, value, "duplicate_incoming", cell, all);
        changed = true;
        continue;
      }
      const [[to, rec]] = [...said];
      if (to === from || coarser(field, to, from)) continue;
      if (cell === undefined) continue; // the master sheet has no column for it: nothing to write into
      if (contradictsId(field, to, rec, target)) {
        conflict(report, conflictWrites, rec, target, field, from, to, "contradicts_id", cell);
      } else if (cell.formula) {
        conflict(report, conflictWrites, rec, target, field, from, to, "formula_cell", undefined);
      } else {
        const u: SyncUpdated = { key, name, field, from, to, match: kind, row: rec.row, sheet: target.sheet, masterRow: target.row, accept: true };
        report.updated.push(u);
        updates.push({ sheet: target.sheet, row: target.row, field, cell, to, key });
      }
      changed = true;
    }
    for (const { rec } of list) rejectUnreadable(report, rec);
    if (!changed) report.unchanged++;
  }

  // Master members the incoming file does not have: listed, never deleted; a branch's own submission only
  // speaks for that branch.
  const branches = new Set(incoming.map((r) => branchOf(r)).map((b) => (b ? foldKey(b) : "")));
  const onlyBranch = branches.size === 1 && !branches.has("") ? [...branches][0] : undefined;
  for (const m of master) {
    if (matched.has(m)) continue;
    if (m.member.status !== null && !CURRENT_STATUSES.has(m.member.status)) continue;
    if (onlyBranch !== undefined && foldKey(m.member.branch ?? "") !== onlyBranch) continue;
    report.notInIncoming.push({ key: m.id ?? keyOf(m), name: m.values.name ?? "", sheet: m.sheet, row: m.row });
  }
  report.matchedBy = !input.incomingHasIds || (kinds.size === 1 && kinds.has("nameBirthDate")) ? "nameBirthDate" : kinds.has("nameBirthDate") ? "mixed" : "idNumber";
  report.rejected.sort((a, b) => a.row - b.row);
  return { report, updates, conflictWrites, additions };
}

function conflict(
  report: SyncReport, writes: (PlannedUpdate | undefined)[], rec: SyncRecord, target: SyncRecord, field: SyncField,
  master: string, incoming: string, reason: SyncConflict["reason"], cell: MasterCell | undefined, detail?: string,
): void {
  const key = target.id ?? keyOf(target);
  report.conflicts.push({
    key, name: target.values.name ?? target.member.name ?? "", field, master, incoming: detail ?? incoming, reason,
    row: rec.row, sheet: target.sheet, masterRow: target.row, accept: false,
  });
  writes.push(cell && !cell.formula ? { sheet: target.sheet, row: target.row, field, cell, to: incoming, key } : undefined);
}

const DATE_FIELDS = new Set<SyncField>(["birthDate", "joinDate", "fullMemberDate"]);

/** An incoming month-only date the master already knows to the day (1960-03 under 1960-03-05): no change, never
 * a coarser value over a finer one (SPEC 3). */
function coarser(field: SyncField, to: string, from: string): boolean {
  return DATE_FIELDS.has(field) && to.length === 7 && from.length === 10 && from.startsWith(to);
}

/** Values the incoming row holds but the engine could not read: kept out of the master, said in `rejected`. */
function rejectUnreadable(report: SyncReport, rec: SyncRecord): void {
  for (const [field, value] of Object.entries(rec.unreadable)) report.rejected.push({ row: rec.row, reason: "unreadable_value", params: { field }, value: value ?? "" });
}
