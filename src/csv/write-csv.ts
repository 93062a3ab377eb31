// Writing CSV for upward systems (SPEC 8): values only, cells that a spreadsheet would take for a formula
// (= + - @) prefixed with an apostrophe (a re-import takes it off again), ID numbers masked on request.
import Papa from "papaparse";

/** A cell a spreadsheet would evaluate: prefixed with an apostrophe. */
export function guardCell(text: string): string {
  return text !== "" && "=+-@".includes(text[0]) ? `'${text}` : text;
}

/** 220702196503151234 -> 220702********1234 (region prefix and last four kept); other lengths: all but the ends. */
export function maskId(id: string): string {
  const t = id.trim();
  if (t.length < 10) return t.replace(/./g, "*");
  return t.slice(0, 6) + "*".repeat(t.length - 10) + t.slice(-4);
}

export interface CsvTable {
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
  /** 0-based columns holding ID numbers (masked when asked). */
  readonly idColumns?: readonly number[];
  /** Rows (0-based) whose ID cells are data, not headers: from this row on. */
  readonly firstDataRow?: number;
  /** Mask any cell that looks like an ID number (an issue list quotes IDs in its value column). */
  readonly idsAnywhere?: boolean;
}

/** An ID number inside any text (a message quoting it). */
const ID_IN_TEXT = /(?<![\dXx])(\d{17}[\dXx]|\d{15})(?![\dXx])/g;

/** CSV text (CRLF, quoted where needed); the caller adds the BOM or encodes to GBK. */
export function writeCsv(table: CsvTable, opts: { maskIds?: boolean } = {}): string {
  const ids = new Set(opts.maskIds ? table.idColumns ?? [] : []);
  const first = table.firstDataRow ?? 0;
  const anywhere = !!opts.maskIds && !!table.idsAnywhere;
  const cell = (v: string, c: number, i: number): string => {
    if (ids.has(c) && i >= first && v.trim() !== "") return maskId(v);
    return anywhere ? v.replace(ID_IN_TEXT, (id) => maskId(id)) : v;
  };
  const rows = table.rows.map((r, i) => r.map((v, c) => guardCell(cell(v, c, i))));
  const width = Math.max(0, ...rows.map((r) => r.length));
  return Papa.unparse(rows.map((r) => [...r, ...Array(width - r.length).fill("")]), { newline: "\r\n", quotes: false }) + "\r\n";
}

/** UTF-8 with a BOM, so Excel opens the Chinese right. */
export function utf8WithBom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
