// String closeness for suggestions: Levenshtein distance on UTF-16 code units (CJK is one unit a character).

/** Reused rows for editDistance, grown on demand: suggestions run per unknown cell and should not allocate. */
let prevRow = new Int32Array(64);
let currRow = new Int32Array(64);

/** Levenshtein distance (insert, delete, substitute each cost 1). Meant for short strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (a.length < b.length) [a, b] = [b, a]; // rows over the shorter string
  const n = b.length;
  if (prevRow.length <= n) {
    prevRow = new Int32Array(n + 1);
    currRow = new Int32Array(n + 1);
  }
  let prev = prevRow;
  let curr = currRow;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = curr[j - 1] + 1;
      curr[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = curr;
    curr = t;
  }
  return prev[n];
}

/** Length of the longest common substring (containment gives the shorter string's length). */
export function longestCommonSubstring(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.includes(b)) return b.length;
  if (b.includes(a)) return a.length;
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a.charCodeAt(i + k) === b.charCodeAt(j + k)) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

/** The default tolerance: a third of the value's length, at least 1 (one slip in a 2-3 character word). */
export function defaultMaxDistance(value: string): number {
  return Math.max(1, Math.floor(value.length / 3));
}

/**
 * The candidate closest to value by edit distance, ties broken by the longest common substring (so containment
 * wins), then by order; undefined when none is within maxDistance (default: defaultMaxDistance(value)).
 */
export function nearest(value: string, candidates: readonly string[], maxDistance?: number): string | undefined {
  const limit = maxDistance ?? defaultMaxDistance(value);
  let best: string | undefined;
  let bestDistance = limit + 1;
  let bestCommon = -1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - value.length) > limit) continue;
    const d = editDistance(value, candidate);
    if (d > limit || d > bestDistance) continue;
    if (d === 0) return candidate;
    const common = longestCommonSubstring(value, candidate);
    if (d < bestDistance || common > bestCommon) {
      best = candidate;
      bestDistance = d;
      bestCommon = common;
    }
  }
  return best;
}
