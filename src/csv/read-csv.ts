// An incoming CSV or "Unicode text" file -> a SheetGrid the engine reads like a roster sheet (title rows, notes and
// footers handled by the same locate code). Every cell is text; papaparse finds the delimiter.
import Papa from "papaparse";
import { CellValue, SheetGrid } from "../domain/grid";
import { decodeText, TextEncoding } from "./decode";

export interface IncomingCsv {
  readonly grid: SheetGrid;
  readonly encoding: TextEncoding;
  /** The delimiter papaparse found ("," "\t" ";" "|"). */
  readonly delimiter: string;
}

const DELIMITERS = [",", "\t", ";", "|"];

/** An export's guard apostrophe before = + - @ (SPEC 8): taken off again, so a re-import gives back the value. */
export function unguardCell(text: string): string {
  return text.length > 1 && text.charCodeAt(0) === 39 && "=+-@".includes(text[1]) ? text.slice(1) : text;
}

/** The file name without folders and extension: the sheet's name (a branch may be read from it, 铁康社区名单.csv). */
export function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

export function readCsv(bytes: Uint8Array, fileName: string): IncomingCsv {
  const decoded = decodeText(bytes);
  let text = decoded.text;
  let forced: string | undefined;
  const sep = /^sep=(.)\r?\n/.exec(text); // Excel's own delimiter line
  if (sep) {
    forced = sep[1];
    text = text.slice(sep[0].length);
  }
  const parsed = Papa.parse<string[]>(text, {
    delimiter: forced ?? "",
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const rows: (CellValue[] | undefined)[] = parsed.data.map((r) => {
    if (!Array.isArray(r) || r.every((c) => c === "")) return undefined;
    return r.map((c) => (c === "" ? null : unguardCell(c)));
  });
  while (rows.length && rows[rows.length - 1] === undefined) rows.pop();
  return {
    grid: { name: baseName(fileName), state: "visible", rows, formulaCells: new Set() },
    encoding: decoded.encoding,
    delimiter: parsed.meta.delimiter,
  };
}
