// The change-log sheet (修改记录) of SPEC sections 7 and 9: every value a fix, a sync or a revert wrote, with the old
// one, so any batch can be put back. Written by changeLogSheet and read back, exactly, by readChangeLog.
import { z } from "zod";
import { CellValue, SheetGrid, isDateCell } from "../domain/grid";
import { serialToIso } from "../domain/normalise/date";
import { cellText } from "../domain/normalise/text";
import { Lang } from "../domain/vocabulary";
import { FIELD_LABELS, fieldLabel } from "../i18n/field-labels";
import { SHEET_TEXT, sheetText } from "../i18n/sheet-text";
import { MAX_CELL_CHARS, SheetBuilder, cutToCellLimit, num, rangeRef, text, textOrNone } from "./sheet-builder";
import { PlanCell, ProductSheet, RowSource } from "./write-plan";

export const ChangeLogEntry = z.object({
  /** Batch number: one fix, sync or revert run (1, 2, ...). */
  batch: z.number().int().positive(),
  /** When the batch ran, ISO 8601 as the caller's clock gave it. */
  time: z.string().regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/),
  /** "fix", "revert", or "sync:<incoming file name>". */
  source: z.string().min(1),
  sheet: z.string().min(1),
  /** "F7" */
  cell: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/),
  /** The member's normalised ID number, else the name ("" where neither). */
  key: z.string(),
  /** Field code (idNumber, phone, ...). */
  field: z.string(),
  /** The old and new values: text, or a number where the cell held a number (so a revert restores a number). */
  from: z.union([z.string(), z.number()]),
  to: z.union([z.string(), z.number()]),
  reverted: z.boolean(),
});
export type ChangeLogEntry = z.infer<typeof ChangeLogEntry>;

export const SYNC_SOURCE_PREFIX = "sync:";
/** The field of an entry that logs rows a sync inserted: its cell is column A of the first new row, `to` their count
 * (`from` ""), so a revert deletes them again (older logs have none: their revert leaves the rows, emptied). */
export const INSERTED_ROWS_FIELD = "insertedRows";
/** Rows searched for the header (row 1 as written; a user may have inserted a title above). */
const HEADER_SEARCH_ROWS = 10;
const KEYS = ["batch", "time", "source", "sheet", "cell", "key", "field", "from", "to", "reverted"] as const;
const WIDTHS = [6, 22, 12, 14, 8, 20, 12, 24, 24, 8];

const two = (n: number): string => String(n).padStart(2, "0");

/**
 * The change log's one clock format, local time to the second: `2025-12-31 16:05:09`. Every shell (the CLI, the task
 * pane) stamps a batch with this, so a log written by both reads the same.
 */
export function logTime(d: Date): string {
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** The next batch number: one more than the largest logged, 1 for an empty log. */
/** Changes a revert could still put back: fix or sync entries not marked reverted (what dropping the log loses). */
export function unrevertedChanges(entries: readonly ChangeLogEntry[]): number {
  return entries.filter((e) => e.source !== "revert" && !e.reverted).length;
}

export function nextBatch(entries: readonly ChangeLogEntry[]): number {
  return entries.reduce((n, e) => Math.max(n, e.batch), 0) + 1;
}

/** 1-based row and column of "F7". */
export function parseCellRef(cell: string): { row: number; col: number } {
  const m = /^([A-Z]{1,3})([1-9]\d*)$/.exec(cell);
  if (!m) throw new Error(`"${cell}" is not a cell address`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function sourceShown(source: string, lang: Lang): string {
  const t = sheetText(lang).changeLog;
  if (source === "fix") return t.fix;
  if (source === "revert") return t.revert;
  if (source.startsWith(SYNC_SOURCE_PREFIX)) return t.syncPrefix + source.slice(SYNC_SOURCE_PREFIX.length);
  return source;
}

const SOURCE_WORDS = new Map<string, string>();
const SYNC_PREFIXES = new Set<string>([SYNC_SOURCE_PREFIX, "同步:"]);
const YES_WORDS = new Set<string>(["true", "1", "y"]);
const FIELD_BY_LABEL = new Map<string, string>();
for (const t of Object.values(SHEET_TEXT)) {
  SOURCE_WORDS.set(t.changeLog.fix, "fix");
  SOURCE_WORDS.set(t.changeLog.revert, "revert");
  SYNC_PREFIXES.add(t.changeLog.syncPrefix);
  YES_WORDS.add(t.changeLog.yes.toLowerCase());
}
for (const labels of Object.values(FIELD_LABELS)) for (const [code, label] of Object.entries(labels)) FIELD_BY_LABEL.set(label, code);

function sourceRead(shown: string): string {
  const word = SOURCE_WORDS.get(shown);
  if (word !== undefined) return word;
  for (const p of SYNC_PREFIXES) if (shown.startsWith(p)) return SYNC_SOURCE_PREFIX + shown.slice(p.length);
  return shown;
}

/** A logged value keeps its type: a number is written as a number cell and read back as one. */
const logValue = (v: string | number): PlanCell => (typeof v === "number" ? num(v, "text") : textOrNone(v));
const readValue = (v: CellValue | undefined, date1904: boolean): string | number => (typeof v === "number" ? v : cellText(v, date1904));

/** Cells made once a key (a batch's number, time, source..: shared by the rows that repeat it), fitted when made. */
class SharedCells<K> {
  private readonly cells = new Map<K, PlanCell>();
  /** The key asked for last and its cell: entries of one batch repeat it row after row. */
  private lastKey: K | undefined;
  private lastCell: PlanCell | undefined;
  constructor(private readonly b: SheetBuilder, private readonly col: number, private readonly make: (k: K) => PlanCell) {}

  get(k: K): PlanCell {
    if (k === this.lastKey && this.lastCell !== undefined) return this.lastCell;
    this.lastKey = k;
    return (this.lastCell = this.made(k));
  }

  private made(k: K): PlanCell {
    let cell = this.cells.get(k);
    if (cell === undefined) {
      cell = cut(this.make(k));
      this.cells.set(k, cell);
      fitCell(this.b, this.col, cell);
    }
    return cell;
  }
}

/** A cell as planRow gives it: text cut to Excel's cell limit. */
const cut = (c: PlanCell): PlanCell => (typeof c.v === "string" && c.v.length > MAX_CELL_CHARS ? { ...c, v: cutToCellLimit(c.v) } : c);
/** Widens a column to show a cell, as SheetBuilder.fitRow does (an empty textOrNone cell: ""). */
const fitCell = (b: SheetBuilder, col: number, c: PlanCell): void => b.fit(col, c.v === null ? "" : String(c.v));

/** Entries in log order, each taken by its index: an array, or a log whose entries are made as they are asked for. */
export interface ChangeLogEntries {
  readonly length: number;
  at(j: number): ChangeLogEntry | undefined;
}

/** Header row 1, one row per entry in log order; filterable, the header frozen. The entries' rows are made as they
 * are written (a fix of a large roster logs hundreds of thousands): the sheet's `source`; the columns are fitted to
 * their cells first, entry by entry, without making the rows. */
export function changeLogSheet(entries: ChangeLogEntries, lang: Lang): ProductSheet {
  const t = sheetText(lang);
  const b = new SheetBuilder();
  b.addRow(t.changeLog.headers.map((h) => text(h, "header")));
  // The values a batch repeats (its number, time, source, sheet, field, reverted) share one cell each: a log of
  // hundreds of thousands of entries is otherwise millions of cells. Each kind keyed by the entry's own value (no key
  // text made per cell: a log of 300,000 entries made 1.8 million).
  const batches = new SharedCells(b, 1, (n: number): PlanCell => ({ v: n, style: "number" }));
  const times = new SharedCells(b, 2, (time: string) => text(time));
  const sources = new SharedCells(b, 3, (source: string) => text(sourceShown(source, lang)));
  const sheets = new SharedCells(b, 4, (sheet: string) => text(sheet));
  const fields = new SharedCells(b, 7, (field: string) => text(fieldLabel(field, lang)));
  const reverted = new SharedCells(b, 10, (r: boolean) => text(r ? t.changeLog.yes : t.changeLog.no));
  // an entry's row always reaches its last column (reverted: 是 / 否), as planRow gives it; its own cells (its cell,
  // key, old and new values) made for it
  const row = (e: ChangeLogEntry): PlanCell[] => [
    batches.get(e.batch), times.get(e.time), sources.get(e.source), sheets.get(e.sheet), cut(text(e.cell)), cut(textOrNone(e.key)),
    fields.get(e.field), cut(logValue(e.from)), cut(logValue(e.to)), reverted.get(e.reverted),
  ];
  for (let j = 0; j < entries.length; j++) {
    const e = entries.at(j)!;
    batches.get(e.batch);
    times.get(e.time);
    sources.get(e.source);
    sheets.get(e.sheet);
    fields.get(e.field);
    reverted.get(e.reverted);
    // the entry's own cells' texts, as fitCell would fit them (no cells made)
    b.fit(5, cutToCellLimit(e.cell));
    b.fit(6, cutToCellLimit(e.key));
    b.fit(8, typeof e.from === "number" ? String(e.from) : cutToCellLimit(e.from));
    b.fit(9, typeof e.to === "number" ? String(e.to) : cutToCellLimit(e.to));
  }
  WIDTHS.forEach((w, i) => b.fit(i + 1, "", w));
  const extra = { freezeRows: 1, autoFilter: rangeRef(1, 1, entries.length + 1, KEYS.length) };
  const rows: RowSource = { count: entries.length, width: KEYS.length, at: (j) => row(entries.at(j)!) };
  return b.buildStreamed("changelog", t.sheetNames.changelog, { orientation: "landscape", fitToWidth: true, titleRows: [1, 1] }, extra, rows);
}

/** The header row (0-based) and each entry key's column, found by the header texts of any of the three languages. */
function findHeader(sheet: SheetGrid): { row0: number; cols: Map<(typeof KEYS)[number], number> } | null {
  const byText = new Map<string, (typeof KEYS)[number]>();
  for (const t of Object.values(SHEET_TEXT)) t.changeLog.headers.forEach((h, i) => byText.set(h.toLowerCase(), KEYS[i]));
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); r++) {
    const cols = new Map<(typeof KEYS)[number], number>();
    (sheet.rows[r] ?? []).forEach((v, c) => {
      const key = typeof v === "string" ? byText.get(v.trim().toLowerCase()) : undefined;
      if (key !== undefined && !cols.has(key)) cols.set(key, c);
    });
    if (KEYS.every((k) => cols.has(k))) return { row0: r, cols };
  }
  return null;
}

/** A time cell: the text as written, or a date cell (a user's edit) as yyyy-mm-ddThh:mm:ss. */
function timeText(v: CellValue | undefined, date1904: boolean): string {
  if (!isDateCell(v)) return cellText(v, date1904).trim();
  const day = serialToIso(v.serial, date1904);
  const secs = Math.round((v.serial - Math.floor(v.serial)) * 86400) % 86400;
  const two = (x: number) => String(x).padStart(2, "0");
  return `${day}T${two(Math.floor(secs / 3600))}:${two(Math.floor(secs / 60) % 60)}:${two(secs % 60)}`;
}

/**
 * Reads the log back: rows below the header whose batch cell is empty are skipped (notes, blank lines); any other row
 * that is not a valid entry is an Error naming the row, since a revert must not work from a damaged log.
 */
export function readChangeLog(sheet: SheetGrid, date1904: boolean): ChangeLogEntry[] {
  const header = findHeader(sheet);
  if (!header) throw new Error(`sheet "${sheet.name}" is not a change log: no header row (batch, time, source, ...) in its first ${HEADER_SEARCH_ROWS} rows`);
  const out: ChangeLogEntry[] = [];
  for (let r = header.row0 + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const at = (k: (typeof KEYS)[number]) => row[header.cols.get(k)!];
    const str = (k: (typeof KEYS)[number]) => cellText(at(k), date1904);
    const batchText = str("batch").trim();
    if (batchText === "") continue;
    const reverted = at("reverted");
    const entry = {
      batch: Number(batchText),
      time: timeText(at("time"), date1904),
      source: sourceRead(str("source").trim()),
      sheet: str("sheet"),
      cell: str("cell").trim(),
      key: str("key"),
      field: FIELD_BY_LABEL.get(str("field").trim()) ?? str("field").trim(),
      from: readValue(at("from"), date1904),
      to: readValue(at("to"), date1904),
      reverted: reverted === true || YES_WORDS.has(cellText(reverted, date1904).trim().toLowerCase()),
    };
    const parsed = ChangeLogEntry.safeParse(entry);
    if (!parsed.success) {
      const what = parsed.error.issues[0];
      throw new Error(`sheet "${sheet.name}" row ${r + 1}: not a change-log entry (${what.path.join(".")}: ${what.message})`);
    }
    out.push(parsed.data);
  }
  return out;
}
