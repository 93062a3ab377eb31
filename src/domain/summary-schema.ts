// The report's summary and tallies (SPEC sections 5 and 6): the zod schemas are the only source of their types.
// Keys are canonical codes (branches by name); `unknown` (UNKNOWN_KEY) holds empty or unreadable values in every
// breakdown, and byCategoryAndBranch carries a `_total` (TOTAL_KEY) row and column. See age-bands.ts.
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);
const count = z.number().int().nonnegative();

/** code (or branch name) -> number of current member rows. */
export const CountMap = z.record(z.string(), count);
export type CountMap = z.infer<typeof CountMap>;

/** row key -> column key -> count. */
export const CountMatrix = z.record(z.string(), CountMap);
export type CountMatrix = z.infer<typeof CountMatrix>;

/** A probationary member whose year of probation ends within 30 days of asOf or has ended (the secretaries' to-do). */
export const DueForFullMembership = z.object({
  name: z.string().nullable(),
  branch: z.string().nullable(),
  sheet: z.string(),
  row: z.number().int().positive(),
  joinDate: isoDate,
  /** joinDate + 1 year; yyyy-mm where joinDate has month precision only (never invent a day). */
  dueDate: isoDate,
  /** The sheet gives neither a membership type nor a full-member date: whether the member was made full is to confirm. */
  toConfirm: z.boolean().optional(),
});
export type DueForFullMembership = z.infer<typeof DueForFullMembership>;

export const SummaryCounts = z.object({
  women: count,
  ethnicMinorities: count,
  /** 大专及以上: education in COLLEGE_OR_ABOVE. */
  collegeOrAbove: count,
  probationary: count,
});
export type SummaryCounts = z.infer<typeof SummaryCounts>;

export const Summary = z.object({
  byCategory: CountMap,
  byBranch: CountMap,
  /** category -> branch -> n; every category (zeros too), every branch seen, `unknown`, and `_total` row and column. */
  byCategoryAndBranch: CountMatrix,
  /** Every member row read, deceased and transferred_out included (the only such breakdown). */
  byStatus: CountMap,
  byGender: CountMap,
  byEducation: CountMap,
  byMembershipType: CountMap,
  byAgeBand: CountMap,
  byPartyStanding: CountMap,
  byEmployment: CountMap,
  counts: SummaryCounts,
  dueForFullMembership: z.array(DueForFullMembership),
  /** Rows per stage of the development pipeline, activists and former-members lists (not members); absent: none. */
  pipeline: CountMap.optional(),
});
export type Summary = z.infer<typeof Summary>;

/** Projects and what they brought: jobs created and laid-off workers placed (sums of the readable counts). */
export const ProjectTotals = z.object({
  count,
  jobsCreated: z.number().nonnegative(),
  laidOffPlaced: z.number().nonnegative(),
});
export type ProjectTotals = z.infer<typeof ProjectTotals>;

export const ProjectTallies = ProjectTotals.extend({
  /** PROJECT_TYPE code (investment, self_employment, other) or `unknown` -> totals. */
  byType: z.record(z.string(), ProjectTotals),
  /** branch name (or `unknown`) -> totals. */
  byBranch: z.record(z.string(), ProjectTotals),
});
export type ProjectTallies = z.infer<typeof ProjectTallies>;

export const EmploymentTallies = z.object({
  /** category -> employment code -> n (current members; every category and code, zeros too, plus `unknown`). */
  byCategory: CountMatrix,
});
export type EmploymentTallies = z.infer<typeof EmploymentTallies>;

export const Tallies = z.object({
  projects: ProjectTallies,
  employment: EmploymentTallies,
});
export type Tallies = z.infer<typeof Tallies>;
