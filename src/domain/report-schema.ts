// The report JSON of SPEC section 6 (version 1): what `roster check --report` writes and the add-in reads.
import { z } from "zod";
import { FIELD_CODES } from "./fields";
import { Change, Issue, IssueCode } from "./schema";
import { Summary, Tallies } from "./summary-schema";

export const RosterEntry = z.object({
  sheet: z.string(),
  headerRow: z.number().int().positive(),
  firstRow: z.number().int().positive(),
  lastRow: z.number().int().positive(),
  /** field -> column letter. */
  columns: z.partialRecord(z.enum(FIELD_CODES), z.string().regex(/^[A-Z]{1,3}$/)),
  /** Header cells mapped to no field, as "H:籍贯". */
  unmapped: z.array(z.string()),
  /** What kind of list the sheet is: members (and due lists) are counted; the others by stage (summary.pipeline). */
  kind: z.enum(["members", "due", "pipeline", "activists", "former"]),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const Report = z.object({
  version: z.literal(1),
  input: z.string(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The reporting unit (填报单位): the settings sheet's, else the one the roster's title rows state. */
  unit: z.string().optional(),
  language: z.enum(["zh-CN", "zh-TW", "en"]),
  rosters: z.array(RosterEntry),
  /** Current members (deceased and transferred_out rows left out). */
  members: z.number().int().nonnegative(),
  /** Member rows read. */
  rows: z.number().int().nonnegative(),
  issues: z.array(Issue),
  issueCounts: z.partialRecord(IssueCode, z.number().int().positive()),
  changes: z.array(Change),
  changesApplied: z.boolean(),
  summary: Summary,
  tallies: Tallies,
}).strict();
export type Report = z.infer<typeof Report>;
