// Moving references when rows are inserted into a sheet (the file back end's version of Excel's Insert): references
// at or below the insertion point move down; a range that spans it, or ends on the row just above it, grows, so a
// 合计 row's SUM(K3:K10) takes in members added at row 11. String literals are left alone.

export interface RowShift {
  /** 1-based row the new rows go before. */
  readonly before: number;
  readonly count: number;
}

const REF = /(?<![A-Za-z0-9_.$\u00c0-\uffff])((?:'(?:[^']|'')+'|[A-Za-z_\u00c0-\uffff][A-Za-z0-9_.\u00c0-\uffff]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(\u00c0-\uffff!])/g;

function shiftRow(r: number, s: RowShift): number {
  return r >= s.before ? r + s.count : r;
}

/** A range's rows after the insertion: moved, grown where it spans the insertion or ends just above it. */
export function shiftRange(r1: number, r2: number, s: RowShift, grow = true): [number, number] {
  const lo = Math.min(r1, r2);
  const hi = Math.max(r1, r2);
  if (lo >= s.before) return [lo + s.count, hi + s.count];
  if (hi >= s.before || (grow && hi === s.before - 1 && lo < hi + 1 && lo !== hi)) return [lo, hi + s.count];
  return [lo, hi];
}

function unquote(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * The formula with its references into `sheet` moved. `local`: unqualified references are to that sheet (a formula
 * on the sheet itself); otherwise only references naming it move.
 */
export function shiftFormula(formula: string, sheet: string, local: boolean, s: RowShift): string {
  return mapRefs(formula, sheet, local, (r1, r2) => (r2 === undefined ? [shiftRow(r1, s)] : shiftRange(r1, r2, s)));
}

/**
 * The formula with each reference into `sheet` given new rows by `rows` (r2 undefined for a single cell; undefined
 * back: the reference is #REF!). String literals are left alone, and a bare name that only looks like a cell past
 * row 1,048,576 (LOG10000000 as A1 style) is no reference.
 */
function mapRefs(formula: string, sheet: string, local: boolean, rows: (r1: number, r2: number | undefined) => readonly number[] | undefined): string {
  const parts = formula.split(/("(?:[^"]|"")*")/); // odd parts are string literals
  const target = sheet.toLowerCase();
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i].replace(REF, (all, prefix: string | undefined, d1: string, c1: string, e1: string, r1: string, d2?: string, c2?: string, e2?: string, r2?: string) => {
      const mine = prefix === undefined ? local : unquote(prefix).toLowerCase() === target;
      if (!mine) return all;
      const p = prefix ?? "";
      if (r2 === undefined && e1 === "" && d1 === "" && Number(r1) > 1048576) return all;
      const to = rows(Number(r1), r2 === undefined ? undefined : Number(r2));
      if (to === undefined) return `${p}#REF!`;
      if (r2 === undefined) return `${p}${d1}${c1}${e1}${to[0]}`;
      return `${p}${d1}${c1}${e1}${to[0]}:${d2}${c2}${e2}${to[1]}`;
    });
  }
  return parts.join("");
}

/** A space-separated list of cells and ranges (sqref, ref) moved; ranges grow as in formulas when `grow`. */
export function shiftRefList(list: string, s: RowShift, grow = true): string {
  return list.split(/\s+/).filter(Boolean).map((ref) => {
    const m = /^(\$?[A-Z]{1,3}\$?)(\d+)(?::(\$?[A-Z]{1,3}\$?)(\d+))?$/.exec(ref);
    if (!m) return ref;
    if (m[4] === undefined) return `${m[1]}${shiftRow(Number(m[2]), s)}`;
    const [a, b] = shiftRange(Number(m[2]), Number(m[4]), s, grow);
    return `${m[1]}${a}:${m[3]}${b}`;
  }).join(" ");
}

/**
 * After Excel's own Insert (which moves references but grows only the ranges the new rows land inside): ranges that
 * ended on the row just above the new rows, `before - 1`, made to end on the last new row, as a total should.
 */
export function growFormula(formula: string, sheet: string, local: boolean, s: RowShift): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  const target = sheet.toLowerCase();
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i].replace(REF, (all, prefix: string | undefined, d1: string, c1: string, e1: string, r1: string, d2?: string, c2?: string, e2?: string, r2?: string) => {
      if (r2 === undefined) return all;
      const mine = prefix === undefined ? local : unquote(prefix).toLowerCase() === target;
      const lo = Math.min(Number(r1), Number(r2));
      const hi = Math.max(Number(r1), Number(r2));
      if (!mine || hi !== s.before - 1 || lo === hi) return all;
      return `${prefix ?? ""}${d1}${c1}${e1}${lo}:${d2}${c2}${e2}${hi + s.count}`;
    });
  }
  return parts.join("");
}

/** Rows deleted from a sheet (the inverse of an insert): `count` rows from 1-based row `first`. */
export interface RowCut {
  readonly first: number;
  readonly count: number;
}

/** A range's rows after the deletion, as Excel's Delete leaves them: moved up, shrunk where it spans the deleted rows;
 * undefined where every row of it is deleted. */
export function cutRange(r1: number, r2: number, c: RowCut): [number, number] | undefined {
  const lo = Math.min(r1, r2);
  const hi = Math.max(r1, r2);
  const last = c.first + c.count - 1;
  if (hi < c.first) return [lo, hi];
  if (lo > last) return [lo - c.count, hi - c.count];
  if (lo >= c.first && hi <= last) return undefined;
  return [lo < c.first ? lo : c.first, hi > last ? hi - c.count : c.first - 1];
}

/** The formula with its references into `sheet` moved for the deletion; a reference to deleted cells only is #REF!,
 * as Excel writes it. */
export function cutFormula(formula: string, sheet: string, local: boolean, c: RowCut): string {
  return mapRefs(formula, sheet, local, (r1, r2) => cutRange(r1, r2 ?? r1, c));
}

/** A space-separated list of cells and ranges (sqref, ref) after the deletion; what lay only in deleted rows goes. */
export function cutRefList(list: string, c: RowCut): string {
  return list.split(/\s+/).filter(Boolean).flatMap((ref) => {
    const m = /^(\$?[A-Z]{1,3}\$?)(\d+)(?::(\$?[A-Z]{1,3}\$?)(\d+))?$/.exec(ref);
    if (!m) return [ref];
    const rows = cutRange(Number(m[2]), Number(m[4] ?? m[2]), c);
    if (rows === undefined) return [];
    return [m[4] === undefined ? `${m[1]}${rows[0]}` : `${m[1]}${rows[0]}:${m[3]}${rows[1]}`];
  }).join(" ");
}
