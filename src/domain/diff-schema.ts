// The sync report (SPEC 6 and 8), version 1: what merging an incoming file into the master would change. Every
// addition, update and conflict carries `accept`; the preview report, edited to set it false (or true on a conflict),
// is handed back with `roster sync --accept`.
import { z } from "zod";

/** How rows were matched: by ID number, or by name + birth date (weaker: the incoming file has no usable ID). */
export const MatchKind = z.enum(["idNumber", "nameBirthDate"]);
export type MatchKind = z.infer<typeof MatchKind>;

export const ConflictReason = z.enum([
  "duplicate_incoming", // two incoming rows for one member disagree on this field
  "id_differs", // a name + birth date match whose ID number differs
  "contradicts_id", // the incoming birth date or gender contradicts the member's ID number
  "formula_cell", // the master cell holds a formula: never overwritten
]);
export type ConflictReason = z.infer<typeof ConflictReason>;

export const SyncAdded = z.object({
  key: z.string(), name: z.string(), branch: z.string(), row: z.number().int().positive(),
  /** The master sheet the member goes into. */
  sheet: z.string(),
  match: MatchKind,
  accept: z.boolean(),
});
export const SyncUpdated = z.object({
  key: z.string(), name: z.string(), field: z.string(), from: z.string(), to: z.string(),
  match: MatchKind,
  /** The incoming row and the master's sheet and row. */
  row: z.number().int().positive(), sheet: z.string(), masterRow: z.number().int().positive(),
  accept: z.boolean(),
});
export const SyncConflict = z.object({
  key: z.string(), name: z.string(), field: z.string(), master: z.string(), incoming: z.string(), reason: ConflictReason,
  row: z.number().int().positive(), sheet: z.string(), masterRow: z.number().int().positive(),
  /** A conflict is applied (the incoming value written) only when set true by the reviewer. */
  accept: z.boolean(),
});
export const SyncAbsent = z.object({ key: z.string(), name: z.string(), sheet: z.string(), row: z.number().int().positive() });
/** Why an incoming row (or one of its values) is not taken: invalid_id_format, invalid_id_checksum,
 * id_precision_lost, unmatchable (no ID, no name with a birth date), ambiguous_match {rows}, duplicate_row {of},
 * duplicate_new_member {of}, no_branch_sheet {branch}, no_branch, unreadable_value {field} (that value only). */
export const RejectReason = z.enum([
  "invalid_id_format", "invalid_id_checksum", "id_precision_lost", "unmatchable", "ambiguous_match", "duplicate_row",
  "duplicate_new_member", "no_branch_sheet", "no_branch", "unreadable_value",
]);
export type RejectReason = z.infer<typeof RejectReason>;
export const SyncRejected = z.object({
  row: z.number().int().positive(), reason: RejectReason, value: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type SyncRejected = z.infer<typeof SyncRejected>;

export const SyncReport = z.object({
  version: z.literal(1),
  master: z.string(),
  incoming: z.string(),
  /** idNumber where the incoming rows carry IDs; nameBirthDate where none does (every match then is the weaker one). */
  matchedBy: z.enum(["idNumber", "nameBirthDate", "mixed"]),
  added: z.array(SyncAdded),
  updated: z.array(SyncUpdated),
  conflicts: z.array(SyncConflict),
  unchanged: z.number().int().nonnegative(),
  notInIncoming: z.array(SyncAbsent),
  rejected: z.array(SyncRejected),
});
export type SyncReport = z.infer<typeof SyncReport>;
export type SyncAdded = z.infer<typeof SyncAdded>;
export type SyncUpdated = z.infer<typeof SyncUpdated>;
export type SyncConflict = z.infer<typeof SyncConflict>;
