// The zod schemas: the only source of the engine's record and report types.
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

/** One member row after normalisation. Enum fields hold canonical codes; null where empty or unreadable. */
export const Member = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  name: z.string().nullable(),
  gender: z.enum(["male", "female"]).nullable(),
  ethnicity: z.string().nullable(),
  /** yyyy-mm-dd, or yyyy-mm where only a month is known. From the ID where the column is missing or empty. */
  birthDate: isoDate.nullable(),
  idNumber: z.string().nullable(),
  education: z.string().nullable(),
  joinDate: isoDate.nullable(),
  fullMemberDate: isoDate.nullable(),
  category: z.string().nullable(),
  membershipType: z.enum(["probationary", "full"]).nullable(),
  branch: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  workUnit: z.string().nullable(),
  employment: z.string().nullable(),
  /** Canonical status code; null where empty or unreadable (counted as `unknown`). */
  status: z.string().nullable(),
  /**
   * Who the row is: a party member (absent means member), a former member (listed in byStatus only), or a prospect
   * (applicant, activist, candidate of a pipeline or activists list: counted by stage, never as a member).
   */
  listed: z.enum(["member", "former", "prospect"]).optional(),
  /** The pipeline stage as the row's list names it (pipeline and activists lists): 入党积极分子, 列入发展计划 ... */
  stage: z.string().optional(),
});
export type Member = z.infer<typeof Member>;

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export const ISSUE_CODES = [
  "missing_required", "missing_contact", "missing_status", "invalid_id_format", "invalid_id_checksum",
  "id_precision_lost", "duplicate_id", "id_birthdate_mismatch", "id_gender_mismatch", "invalid_date",
  "ambiguous_date", "date_in_future", "joined_under_18", "full_member_before_probation", "probation_overdue", "stage_date_order",
  "invalid_phone", "unknown_value", "legacy_id_upgraded", "approximate_count", "invalid_count", "text_too_long",
] as const;
export const IssueCode = z.enum(ISSUE_CODES);
export type IssueCode = z.infer<typeof IssueCode>;

export const ISSUE_SEVERITY: Readonly<Record<IssueCode, Severity>> = {
  missing_required: "error",
  missing_contact: "warning",
  missing_status: "warning",
  invalid_id_format: "error",
  invalid_id_checksum: "error",
  id_precision_lost: "error",
  duplicate_id: "error",
  id_birthdate_mismatch: "warning",
  id_gender_mismatch: "warning",
  invalid_date: "error",
  ambiguous_date: "warning",
  date_in_future: "error",
  joined_under_18: "warning",
  full_member_before_probation: "warning",
  probation_overdue: "info",
  stage_date_order: "warning",
  invalid_phone: "warning",
  unknown_value: "error",
  legacy_id_upgraded: "info",
  approximate_count: "info",
  invalid_count: "error",
  text_too_long: "warning",
};

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** An issue as the engine emits it: a code and its params; `message` is rendered at the edge (i18n). */
export const RawIssue = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  column: z.string(),
  field: z.string(),
  code: IssueCode,
  severity: Severity,
  params: z.record(z.string(), paramValue),
  /** The cell's value as text, as the sheet shows it ("" where empty). */
  value: z.string(),
  suggestion: z.string().optional(),
});
export type RawIssue = z.infer<typeof RawIssue>;

export const Issue = RawIssue.extend({ message: z.string() });
export type Issue = z.infer<typeof Issue>;

/** A normalisation --fix would make (or made): old and new cell text. */
export const Change = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  column: z.string(),
  field: z.string(),
  from: z.string(),
  to: z.string(),
});
export type Change = z.infer<typeof Change>;
