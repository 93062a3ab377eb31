// Bordered count tables for the summary sheets: a caption row, a header row, one row per key and a 合计 row, every
// total a SUM over the cells above or to the left (cached value included).
import { TOTAL_KEY, UNKNOWN_KEY } from "../domain/age-bands";
import { EnumTable, Lang } from "../domain/vocabulary";
import { SheetBuilder, num, text } from "./sheet-builder";

export interface TableRow {
  readonly key: string;
  readonly label: string;
  readonly values: readonly number[];
}

export interface TableSpec {
  readonly caption: string;
  /** The label column's heading, then one heading per value column. */
  readonly heads: readonly string[];
  readonly rows: readonly TableRow[];
  /** The 合计 word: label of the total row (and heading of the row-total column). */
  readonly totalLabel: string;
  /** Adds a column of row totals (SUM across each row), for cross tables. */
  readonly rowTotals?: boolean;
  /** Leaves out the total row (a caller adding rows of its own below). */
  readonly noTotalRow?: boolean;
}

export interface TablePlace {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** The 合计 row, or 0 with noTotalRow. */
  readonly totalRow: number;
  /** 1-based last column of the table. */
  readonly lastCol: number;
}

/** Writes a table from column A below what the builder holds; the caller adds blank rows between tables. */
export function writeTable(b: SheetBuilder, spec: TableSpec): TablePlace {
  const nValues = spec.heads.length - 1;
  const lastValueCol = 1 + nValues;
  const lastCol = lastValueCol + (spec.rowTotals ? 1 : 0);
  b.addRow([text(spec.caption, "subtitle")], false);
  const heads = spec.heads.map((h) => text(h, "header"));
  if (spec.rowTotals) heads.push(text(spec.totalLabel, "header"));
  const headerRow = b.addRow(heads);
  for (const row of spec.rows) {
    const r = b.addRow([text(row.label), ...row.values.map((v) => num(v))]);
    if (spec.rowTotals) b.set(r, lastCol, b.sum(r, 2, r, lastValueCol));
  }
  const firstRow = headerRow + 1;
  const lastRow = headerRow + spec.rows.length;
  if (spec.noTotalRow || spec.rows.length === 0) return { headerRow, firstRow, lastRow, totalRow: 0, lastCol };
  const totalRow = b.addRow([text(spec.totalLabel, "total")]);
  for (let c = 2; c <= lastCol; c++) b.set(totalRow, c, b.sum(firstRow, c, lastRow, c));
  return { headerRow, firstRow, lastRow, totalRow, lastCol };
}

/** code -> label in `lang` for an enumeration table. */
export function enumLabels(table: EnumTable, lang: Lang): Map<string, string> {
  return new Map(table.map((e) => [e.code, e.labels[lang]]));
}

export interface KeyOrder {
  /** Keys in print order, listed even where the map has none (zeros). */
  readonly known: readonly string[];
  /** Whether to list `unknown` when it is zero (it is always listed when not). */
  readonly unknownWhenZero: boolean;
}

/**
 * The keys of a breakdown in print order: the known ones (zeros too), then any other key the report holds (so the
 * totals always match it), `unknown` last. `_total` is never a row.
 */
export function orderedKeys(keys: Iterable<string>, count: (k: string) => number, order: KeyOrder): string[] {
  const out = order.known.filter((k) => k !== UNKNOWN_KEY && k !== TOTAL_KEY);
  const seen = new Set(out);
  for (const k of keys) {
    if (k === UNKNOWN_KEY || k === TOTAL_KEY || seen.has(k)) continue;
    seen.add(k);
    out.push(k);
  }
  if (order.unknownWhenZero || count(UNKNOWN_KEY) !== 0) out.push(UNKNOWN_KEY);
  return out;
}

/** Rows of a one-column count table from a CountMap. */
export function countRows(
  map: Readonly<Record<string, number>>, known: readonly string[], label: (k: string) => string | undefined, unknownLabel: string,
): TableRow[] {
  const keys = orderedKeys(Object.keys(map), (k) => map[k] ?? 0, { known, unknownWhenZero: true });
  return keys.map((key) => ({ key, label: key === UNKNOWN_KEY ? unknownLabel : label(key) ?? key, values: [map[key] ?? 0] }));
}
