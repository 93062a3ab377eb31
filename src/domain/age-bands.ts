// The bands of SPEC section 5 (age, party standing) and the keys every summary breakdown shares.

/** Key for empty or unreadable values in every breakdown (and for a branch-less member in byBranch). */
export const UNKNOWN_KEY = "unknown";
/** Key of the total row and the total column of byCategoryAndBranch (underscore: no code or branch is spelt so). */
export const TOTAL_KEY = "_total";
/** byPartyStanding key for probationary members, counted apart from the standing bands. */
export const PROBATIONARY_KEY = "probationary";

interface Band {
  readonly key: string;
  /** Inclusive upper bound in completed years; Infinity for the open band. */
  readonly max: number;
}

const AGE: readonly Band[] = [
  { key: "<=30", max: 30 },
  { key: "31-35", max: 35 },
  { key: "36-40", max: 40 },
  { key: "41-45", max: 45 },
  { key: "46-50", max: 50 },
  { key: "51-55", max: 55 },
  { key: "56-60", max: 60 },
  { key: "61-65", max: 65 },
  { key: "66-70", max: 70 },
  { key: ">=71", max: Infinity },
];

const STANDING: readonly Band[] = [
  { key: "<1", max: 0 },
  { key: "1-5", max: 5 },
  { key: "6-10", max: 10 },
  { key: "11-20", max: 20 },
  { key: "21-30", max: 30 },
  { key: "31-40", max: 40 },
  { key: "41-50", max: 50 },
  { key: ">=51", max: Infinity },
];

/** byAgeBand keys in print order, `unknown` last. */
export const AGE_BAND_KEYS: readonly string[] = [...AGE.map((b) => b.key), UNKNOWN_KEY];
/** byPartyStanding keys in print order: the bands, then `probationary`, then `unknown`. */
export const STANDING_BAND_KEYS: readonly string[] = [...STANDING.map((b) => b.key), PROBATIONARY_KEY, UNKNOWN_KEY];

function bandOf(bands: readonly Band[], years: number | null): string {
  // A negative span (a date after asOf) is a data error, already flagged by the checks: not a band.
  if (years === null || !Number.isFinite(years) || years < 0) return UNKNOWN_KEY;
  for (const b of bands) if (years <= b.max) return b.key;
  return UNKNOWN_KEY;
}

/** The byAgeBand key for an age in completed years (null: unknown). */
export function ageBand(age: number | null): string {
  return bandOf(AGE, age);
}

/** The byPartyStanding key for completed years of full membership (null: unknown). */
export function standingBand(years: number | null): string {
  return bandOf(STANDING, years);
}
