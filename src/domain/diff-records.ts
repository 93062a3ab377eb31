// One roster row as the sync compares it: each field's normalised value as a cell would show it (enum labels in the
// workbook's language, ISO dates, clean IDs and phones), taken only from columns the sheet has, plus, for the
// master, where each field's cell is and what it shows now (a write is refused when the cell changed since).
import { CheckResult } from "./check";
import { FIELD_BY_CODE, FieldCode } from "./fields";
import { CellValue, SheetGrid, WorkbookSnapshot, cellKey } from "./grid";
import { RosterLocation } from "./locate";
import { buildEnumMatcher } from "./normalise/enum";
import { normaliseIdNumber } from "./normalise/id-number";
import { cellText, normaliseName, normaliseText } from "./normalise/text";
import { Member } from "./schema";
import { Lang, YES_NO } from "./vocabulary";

const YES_NO_MATCHER = buildEnumMatcher(YES_NO);

/** The fields a sync compares and writes, in the order a preview lists them. */
export const SYNC_FIELDS = [
  "name", "idNumber", "gender", "ethnicity", "birthDate", "education", "joinDate", "fullMemberDate", "category",
  "membershipType", "branch", "phone", "address", "workUnit", "employment", "status", "lostContactFlag", "mobileFlag",
  "ideology", "livingSituation", "role", "responsibilityArea", "note",
] as const satisfies readonly FieldCode[];
export type SyncField = (typeof SYNC_FIELDS)[number];

export interface MasterCell {
  /** 0-based column. */
  readonly col: number;
  /** What the cell shows now (a plan's `expect`). */
  readonly shown: string;
  /** The cell holds a number (a revert must put a number back). */
  readonly numeric: boolean;
  readonly formula: boolean;
}

export interface SyncRecord {
  readonly sheet: string;
  /** 1-based row as the sheet or file shows it. */
  readonly row: number;
  readonly member: Member;
  /** The normalised ID when it is a valid one; else null (see idProblem). */
  readonly id: string | null;
  /** Why a non-empty ID cell is unusable (invalid_id_format, invalid_id_checksum, id_precision_lost), with its text. */
  readonly idProblem?: { reason: "invalid_id_format" | "invalid_id_checksum" | "id_precision_lost"; value: string };
  /** Non-empty normalised values, by field (only fields the sheet has a column for). */
  readonly values: Partial<Record<SyncField, string>>;
  /** Non-empty cells whose value could not be read (an unknown enum value, an impossible date), by field. */
  readonly unreadable: Partial<Record<SyncField, string>>;
  /** Master only: a mapped field's cell (made on demand: most fields of most members never change). */
  readonly cell?: (field: SyncField) => MasterCell | undefined;
}

/** code -> label, per language and field (built once: this runs for every enum cell of both files). */
const LABELS = new Map<Lang, Map<FieldCode, Map<string, string>>>();

function label(field: FieldCode, code: string, lang: Lang): string {
  let byField = LABELS.get(lang);
  if (byField === undefined) LABELS.set(lang, (byField = new Map()));
  let byCode = byField.get(field);
  if (byCode === undefined) {
    byCode = new Map((FIELD_BY_CODE.get(field)?.enumTable ?? []).map((e) => [e.code, e.labels[lang]]));
    byField.set(field, byCode);
  }
  return byCode.get(code) ?? code;
}

/** A record's values with every field present (undefined where empty): one object shape for all records, which
 * keeps the diff's field-by-field loop fast on 100,000 rows. */
function emptyValues(): Partial<Record<SyncField, string>> {
  return {
    name: undefined, idNumber: undefined, gender: undefined, ethnicity: undefined, birthDate: undefined, education: undefined,
    joinDate: undefined, fullMemberDate: undefined, category: undefined, membershipType: undefined, branch: undefined,
    phone: undefined, address: undefined, workUnit: undefined, employment: undefined, status: undefined,
    lostContactFlag: undefined, mobileFlag: undefined, ideology: undefined, livingSituation: undefined, role: undefined,
    responsibilityArea: undefined, note: undefined,
  };
}

/** The member's value for a field, as a cell would show it; null where the member has none. */
function memberValue(m: Member, field: SyncField, raw: CellValue | undefined, lang: Lang, date1904: boolean): string | null {
  switch (field) {
    case "name": return m.name;
    case "gender": case "education": case "category": case "membershipType": case "employment": case "status": {
      const code = m[field];
      return code === null ? null : label(field, code, lang);
    }
    case "birthDate": case "joinDate": case "fullMemberDate": case "phone": case "ethnicity":
      return m[field];
    case "lostContactFlag": case "mobileFlag": {
      const r = YES_NO_MATCHER(raw);
      return r.kind === "ok" ? label(field, r.code, lang) : null;
    }
    default:
      return normaliseText(raw, date1904);
  }
}

function isBlank(v: CellValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === "string" && normaliseText(v, false) === null);
}

function masterCell(grid: SheetGrid, loc: RosterLocation, row: number, date1904: boolean): (field: SyncField) => MasterCell | undefined {
  return (field) => {
    const col = loc.columns[field];
    if (col === undefined) return undefined;
    const raw = grid.rows[row - 1]?.[col];
    return { col, shown: cellText(raw, date1904), numeric: typeof raw === "number", formula: grid.formulaCells.has(cellKey(row - 1, col)) };
  };
}

/** Records of every member of the checked snapshot; `master` adds each field's cell. */
export function syncRecords(snapshot: WorkbookSnapshot, result: CheckResult, opts: { lang: Lang; master: boolean }): SyncRecord[] {
  const grids = new Map<string, SheetGrid>(snapshot.sheets.map((s) => [s.name, s]));
  const locs = new Map<string, RosterLocation>(result.rosters.map((r) => [r.sheet, r]));
  // each sheet's mapped sync fields with their columns, worked out once per sheet, not per row
  const mapped = new Map<string, [SyncField, number][]>();
  for (const loc of result.rosters) mapped.set(loc.sheet, SYNC_FIELDS.filter((f) => loc.columns[f] !== undefined).map((f) => [f, loc.columns[f]!]));
  const { date1904 } = snapshot;
  const out: SyncRecord[] = [];
  for (const m of result.members) {
    const grid = grids.get(m.sheet);
    const loc = locs.get(m.sheet);
    if (!grid || !loc) continue;
    const cellsRow = grid.rows[m.row - 1] ?? [];
    const values = emptyValues();
    const unreadable: Partial<Record<SyncField, string>> = {};
    const idRaw = loc.columns.idNumber === undefined ? undefined : cellsRow[loc.columns.idNumber];
    const idr = normaliseIdNumber(idRaw);
    for (const [field, col] of mapped.get(m.sheet)!) {
      const raw = cellsRow[col];
      if (raw === undefined || raw === null || raw === "") continue;
      const v = field === "idNumber" ? (idr.kind === "empty" ? null : idr.value) : memberValue(m, field, raw, opts.lang, date1904);
      if (v !== null) values[field] = v;
      else if (!isBlank(raw)) unreadable[field] = cellText(raw, date1904).trim(); // not a blank or a placeholder
    }
    const record: SyncRecord = {
      sheet: m.sheet, row: m.row, member: m, values, unreadable,
      id: idr.kind === "ok" ? idr.value : null,
      ...(idr.kind !== "ok" && idr.kind !== "empty" ? { idProblem: { reason: idr.kind === "precision_lost" ? "id_precision_lost" as const : idr.kind === "invalid_format" ? "invalid_id_format" as const : "invalid_id_checksum" as const, value: idr.value } } : {}),
      ...(opts.master ? { cell: masterCell(grid, loc, m.row, date1904) } : {}),
    };
    out.push(record);
  }
  return out;
}
