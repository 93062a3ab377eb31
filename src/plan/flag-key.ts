// The flag key: what ties a flag to its member's cell rather than to a position. A flag is stored, on the very hidden
// flag sheet, as the key of the flagged cell at check time: the row's ID number and name, the cell's column and the
// cell's own value (typed: text stays text, a number or date becomes "#" and its 15 significant digits). Each
// severity's conditional-format rule builds the same key from the row's own cells and looks it up, so a flag follows
// its member through sort, filter, insert and delete, and a cell edited since the check no longer matches.
//
// The lookup has to stay fast on a 100,000-row roster, so it is a binary MATCH; and a binary MATCH on text would
// depend on the spreadsheet's collation (Excel and LibreOffice order Chinese text by locale, not by code point). So
// the sorted column is a number: a fingerprint of the row's ID and name text, the sum of each character's code
// (UNICODE) times a fixed weight, which every engine computes alike. The rule finds the run of entries with the row's
// fingerprint (two approximate MATCHes, from just below and just above it) and compares the full key exactly within
// that run; a cell matches only when its key equals one stored, so a collision costs a longer run, never a wrong flag.
//
// Limits, stated where they apply: only the first FP_CHARS characters of ID and name feed the fingerprint (the full
// key is still compared); a value longer than VALUE_CHARS characters is compared on its first VALUE_CHARS; text
// compares case-insensitively (as "=" does in Excel); characters outside the Basic Multilingual Plane (rare CJK
// extension B names) are counted differently by LibreOffice's MID, so such a row shows no flag there (never a
// wrong one); a column inserted left of a flagged cell changes COLUMN() and drops that row's flags; UNICODE needs
// Excel 2013 or later (Excel 2010 shows no flags).
import { CellValue, columnLetter, isDateCell } from "../domain/grid";

/** Characters of "ID|name" that feed the fingerprint. */
export const FP_CHARS = 24;
/** Weights per character position: fixed small primes, so the sum stays an exact integer below 2^31. */
export const FP_WEIGHTS: readonly number[] = [
  3, 7, 13, 19, 29, 37, 43, 53, 61, 71, 79, 89, 101, 107, 113, 131, 139, 151, 163, 173, 181, 193, 199, 211,
];
/** Characters of a cell's value that go into its key. */
export const VALUE_CHARS = 100;
/** TEXT format for a number in a key: 15 significant digits, the same in Excel and LibreOffice. */
export const NUMBER_FORMAT = "0.00000000000000E+0";
/** Above every fingerprint: the sentinel row that closes each block's key table. */
export const FP_SENTINEL = 2 ** 31;

/** What `T(cell)` gives: the text of a text cell, "" for anything else. */
function textOf(v: CellValue | undefined): string {
  return typeof v === "string" ? v : "";
}

/** What `TEXT(n,"0.00000000000000E+0")` gives: "1.20000000000000E+1". */
export function numberKeyText(n: number): string {
  return n.toExponential(14).replace("e", "E");
}

/** A cell's value as the key holds it: `IF(ISNUMBER(c),"#"&TEXT(c,fmt),T(c))`, cut to VALUE_CHARS. */
export function valueKeyText(v: CellValue | undefined): string {
  if (typeof v === "number") return `#${numberKeyText(v)}`;
  if (isDateCell(v)) return `#${numberKeyText(v.serial)}`;
  return textOf(v).slice(0, VALUE_CHARS);
}

/** The fingerprint of a row: ID and name text (numbers count as empty), joined by "|". */
export function fingerprint(id: CellValue | undefined, name: CellValue | undefined): number {
  const s = `${textOf(id)}|${textOf(name)}`.padEnd(FP_CHARS, " ");
  let sum = 0;
  for (let i = 0; i < FP_CHARS; i++) sum += s.charCodeAt(i) * FP_WEIGHTS[i];
  return sum;
}

/** The key of one flagged cell (1-based column), ending with its severity code. */
export function flagKey(id: CellValue | undefined, name: CellValue | undefined, col: number, value: CellValue | undefined, code: number): string {
  return `${valueKeyText(id)}|${textOf(name)}|${col}|${valueKeyText(value)}|${code}`;
}

/** Where a block's rules are anchored: their formulas are relative to the block's top-left cell. */
export interface KeyedBlock {
  readonly firstRow: number;
  readonly firstCol: number;
  /** 1-based ID number column; undefined where the roster has none. */
  readonly idCol?: number;
  readonly nameCol: number;
}

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** The formula of a cell's value text, for a reference such as `$F3` or `A3`. */
function valueFormula(ref: string): string {
  return `LEFT(IF(ISNUMBER(${ref}),"#"&TEXT(${ref},${q(NUMBER_FORMAT)}),T(${ref})),${VALUE_CHARS})`;
}

/**
 * The conditional-format formula for severity `code` of a block whose key table is the defined name `table` (two
 * columns: fingerprint, key; sorted by fingerprint; closed by a sentinel row). Written in Excel's UI form, relative
 * to the block's top-left cell; the file back end adds the _xlfn. prefix UNICODE needs in a file.
 */
export function flagRuleFormula(b: KeyedBlock, table: string, code: number): string {
  const r = b.firstRow;
  const self = `${columnLetter(b.firstCol - 1)}${r}`;
  const name = `$${columnLetter(b.nameCol - 1)}${r}`;
  const id = b.idCol === undefined ? undefined : `$${columnLetter(b.idCol - 1)}${r}`;
  const identity = `${id === undefined ? "" : `T(${id})&`}"|"&T(${name})`;
  const positions = Array.from({ length: FP_CHARS }, (_, i) => i + 1).join(",");
  const fp = `SUMPRODUCT(UNICODE(MID(${identity}&REPT(" ",${FP_CHARS}),{${positions}},1)),{${FP_WEIGHTS.join(",")}})`;
  const idText = id === undefined ? `""` : valueFormula(id);
  const key = `${idText}&"|"&T(${name})&"|"&COLUMN()&"|"&${valueFormula(self)}&"|${code}"`;
  const fps = `INDEX(${table},0,1)`;
  const first = `INDEX(${table},IFERROR(MATCH(${fp}-0.5,${fps},1),0)+1,2)`;
  const last = `INDEX(${table},MATCH(${fp}+0.5,${fps},1),2)`;
  return `SUMPRODUCT(--(${first}:${last}=${key}))>0`;
}
