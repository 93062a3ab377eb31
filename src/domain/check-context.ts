// What a row check needs: options, the enum matchers built once per run, and where issues and changes go.
import { ColumnFacts, NO_SLOT } from "./column-facts";
import { EMPTY_CONFIG, RosterConfig } from "./config";
import { F, FIELD_BY_CODE, FIELD_CODES, FieldCode } from "./fields";
import { CellValue, SheetGrid, cellKey, columnLetter } from "./grid";
import { RosterLocation } from "./locate";
import { DateResult, normaliseDate } from "./normalise/date";
import { EnumResult, buildEnumMatcher } from "./normalise/enum";
import { keepShape } from "./keep-shape";
import { idHash } from "./check-cross";
import { IdResult } from "./normalise/id-number";
import { cellText } from "./normalise/text";
import { Change, ISSUE_SEVERITY, IssueCode, RawIssue } from "./schema";
import { OpenVocabulary } from "./open-vocabulary";
import { Lang } from "./vocabulary";

export interface CheckOptions {
  /** Report date, ISO yyyy-mm-dd: the engine never reads the clock. */
  readonly asOf: string;
  /** Language of canonical labels written by fixes. */
  readonly lang: Lang;
  readonly config: RosterConfig;
  readonly date1904: boolean;
}

/** What the pre-pass learned of a sheet's columns: facts by field ordinal (enum fields), the workbook's categories. */
export interface ColumnKnowledge {
  readonly facts: ReadonlyArray<ColumnFacts | undefined>;
  readonly categories: OpenVocabulary;
  /** The membership-type column also holds statuses (人员状态: 正式党员, 预备党员, 流动党员): it is the status column too. */
  readonly typeHoldsStatus?: boolean;
}

export type Matcher = (v: CellValue | undefined) => EnumResult;

/** The year of an ISO date, from its first four digits (no substring, no parse). */
export function yearOf(iso: string): number {
  return (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
}

export function buildMatchers(config: RosterConfig): (Matcher | undefined)[] {
  const out: (Matcher | undefined)[] = FIELD_CODES.map(() => undefined);
  for (const def of FIELD_BY_CODE.values()) {
    if (!def.enumTable) continue;
    const extra = config.spellings.filter((s) => s.field === def.code).map(({ code, spelling }) => ({ code, spelling }));
    out[F[def.code]] = buildEnumMatcher(def.enumTable, extra);
  }
  return out;
}

/** Member rows read ahead at a time (readBlock): small enough that what a block touched is still in the cache. */
export const BLOCK_ROWS = 512;

/** Reads one field's cell (normaliseDate, an enum matcher, normaliseText ...): a pure function of the cell. */
export type CellReader = (v: CellValue | undefined) => unknown;

/**
 * One row being checked: emits issues and proposed changes with the sheet, row and column filled in. Fields are
 * addressed by ordinal (F.name) and columns kept in a typed array: this runs ~20 times a row on 100,000 rows.
 *
 * The rows are checked a block at a time: readBlock first reads each column of the block's rows with its field's
 * reader in one tight loop (the cells of a 100,000-row sheet lie all over the heap; a loop that does nothing else
 * keeps many of them in flight at once), then the row checks take the readings by position (read()) and find what
 * they touch still in the cache.
 */
export class RowScope {
  row0 = 0;
  cells: ReadonlyArray<CellValue | undefined> = [];
  /** The row's position in the block being checked. */
  pos = 0;
  /** The row's index in the roster's member rows (loc.memberRows). */
  index = 0;
  /**
   * By field ordinal: the reading of each slot's text (ColumnFacts.rowSlots) of an enumeration column, made the first
   * time a row of that slot is read; the reading is a pure function of the text, so the cell itself is not fetched.
   */
  private readonly slotReads: (unknown[] | undefined)[];
  /** By field ordinal: what the row check made of each slot's text once (slotPlan), undefined until then. */
  private readonly slotPlans: (unknown[] | undefined)[];
  /** By field ordinal: the reading of the field's cell in each row of the block (fields with a reader and a column). */
  private readonly reads: (unknown[] | undefined)[];
  /** Field ordinals with a reader and a column. */
  private readonly readFields: number[];
  /** By date field ordinal: the year of each reading of the block that has a value (ok, ambiguous), else 0. */
  private readonly years: (Int32Array | undefined)[];
  /**
   * idHash of the ID each row of the block reads as (the member's idNumber), made while the read has the ID's text at
   * hand (by the row check, it is one more fetch from far away); 0 where the row has none or the sheet no ID column.
   */
  private readonly idHashes = new Int32Array(BLOCK_ROWS);
  /** Whether readBlock reads the ID column (and idHash() answers). */
  readonly readsId: boolean;
  /** Whether the row's ID number is valid (set by the ID check, read by the checks after it). */
  idValid = false;
  /** Column of each field by ordinal, -1 where the sheet has none. */
  readonly cols: Int32Array;
  /** Column letters of each field by ordinal ("" where none), made once, not per issue or change. */
  readonly letters: string[];
  /** The report date's year, for the quick "not in the future" test. */
  readonly asOfYear: number;
  /** Whether each field is required (config overrides the schema), by ordinal. */
  readonly required: boolean[];
  /**
   * The sheet's name, rows, formula cells and shown decimals, read once: grids come from more than one producer (the
   * reader, the fix's fixed grids), each with its own hidden class, and the row checks would meet them all.
   */
  readonly sheetName: string;
  readonly rows: SheetGrid["rows"];
  private readonly formulaCells: ReadonlySet<number>;
  private readonly shownDecimals: ReadonlyMap<number, number> | undefined;
  constructor(
    readonly sheet: SheetGrid,
    readonly loc: RosterLocation,
    readonly opts: CheckOptions,
    readonly issues: RawIssue[],
    readonly changes: Change[],
    readonly known: ColumnKnowledge,
    /** Changes whose old value is a number cell: a revert must put back a number, not its text. */
    readonly numericFrom: Set<Change> = new Set(),
    /** By field ordinal: how the row checks read the field's cell (see check-row's cellReaders). */
    private readonly readers: ReadonlyArray<CellReader | undefined> = [],
  ) {
    this.sheetName = sheet.name;
    this.rows = sheet.rows;
    this.formulaCells = sheet.formulaCells;
    this.shownDecimals = sheet.shownDecimals;
    this.cols = new Int32Array(FIELD_CODES.length).fill(-1);
    for (const [f, c] of Object.entries(loc.columns)) this.cols[F[f as FieldCode]] = c as number;
    this.letters = Array.from(this.cols, (c) => (c < 0 ? "" : columnLetter(c)));
    this.asOfYear = Number(opts.asOf.slice(0, 4));
    this.required = FIELD_CODES.map((f) => opts.config.required[f] ?? FIELD_BY_CODE.get(f)!.required);
    this.readFields = FIELD_CODES.flatMap((_, f) => (readers[f] !== undefined && this.cols[f] >= 0 ? [f] : []));
    this.readsId = this.readFields.includes(F.idNumber);
    this.reads = FIELD_CODES.map((_, f) => (this.readFields.includes(f) ? new Array<unknown>(BLOCK_ROWS).fill(null) : undefined));
    const slotted = (f: number) => {
      const facts = known.facts[f];
      return facts !== undefined && facts.rowSlots.length === loc.memberRows.length && facts.slotTexts.length > 0 && this.cols[f] >= 0 ? facts : undefined;
    };
    this.slotReads = FIELD_CODES.map((_, f) => (this.readFields.includes(f) && slotted(f) ? new Array<unknown>(slotted(f)!.slotTexts.length).fill(undefined) : undefined));
    this.slotPlans = FIELD_CODES.map((_, f) => (slotted(f) ? new Array<unknown>(slotted(f)!.slotTexts.length).fill(undefined) : undefined));
    this.years = FIELD_CODES.map((code, f) => (this.readFields.includes(f) && FIELD_BY_CODE.get(code)!.kind === "date" ? new Int32Array(BLOCK_ROWS) : undefined));
  }

  /** Reads ahead what the row checks of rows[from..to) (at most BLOCK_ROWS, 0-based sheet rows) will ask for. */
  readBlock(rows: readonly number[], from: number, to: number): void {
    const sheetRows = this.rows;
    for (const f of this.readFields) {
      const out = this.reads[f]!;
      const read = this.readers[f]!;
      const c = this.cols[f];
      const bySlot = this.slotReads[f];
      if (bySlot !== undefined) this.readSlots(out, bySlot, read, f, rows, from, to);
      else for (let i = from; i < to; i++) out[i - from] = read(sheetRows[rows[i]]?.[c]);
      if (f === F.idNumber) this.hashIds(out, to - from);
      const years = this.years[f];
      if (years === undefined) continue;
      if (this.shownDecimals !== undefined) this.settleShown(out, rows, from, to, c);
      // the year settles most "not in the future" tests; read here, the row check finds the date in the cache
      for (let i = 0; i < to - from; i++) {
        const d = out[i] as DateResult;
        years[i] = d.kind === "ok" || d.kind === "ambiguous" ? yearOf(d.value) : 0;
      }
    }
  }

  /** readBlock's loop for an enumeration column: a text with a slot is read once per slot, other cells as they are. */
  private readSlots(out: unknown[], bySlot: unknown[], read: CellReader, f: number, rows: readonly number[], from: number, to: number): void {
    const facts = this.known.facts[f]!;
    const slots = facts.rowSlots;
    const texts = facts.slotTexts;
    const c = this.cols[f];
    for (let i = from; i < to; i++) {
      const k = slots[i];
      if (k === NO_SLOT) out[i - from] = read(this.rows[rows[i]]?.[c]);
      else {
        let r = bySlot[k];
        if (r === undefined) r = bySlot[k] = read(texts[k]);
        out[i - from] = r;
      }
    }
  }

  /** The slot of the current row's cell in the field's column (ColumnFacts.rowSlots), NO_SLOT where it has none. */
  slot(field: number): number {
    return this.slotPlans[field] === undefined ? NO_SLOT : this.known.facts[field]!.rowSlots[this.index];
  }

  /** The text of a slot of the field's column. */
  slotText(field: number, slot: number): string {
    return this.known.facts[field]!.slotTexts[slot];
  }

  /** What the row check made of the slot's text before (undefined: not yet), and keeps it (plan). */
  slotPlan(field: number, slot: number): unknown {
    return this.slotPlans[field]![slot];
  }

  plan(field: number, slot: number, plan: unknown): void {
    this.slotPlans[field]![slot] = plan;
  }

  /** idHash of each reading's ID (idField's: the value of all but empty and precision_lost readings). */
  private hashIds(out: unknown[], n: number): void {
    const hashes = this.idHashes;
    for (let i = 0; i < n; i++) {
      const r = out[i] as IdResult;
      hashes[i] = r.kind === "empty" || r.kind === "precision_lost" ? 0 : idHash(r.value);
    }
  }

  /** idHash of the current row's ID as read (0: none); the sheet has an ID column. */
  idHash(): number {
    return this.idHashes[this.pos];
  }

  /** Ambiguous year.month numbers read again with the decimals their cells show (1971.1 shown as 1971.10). */
  private settleShown(out: unknown[], rows: readonly number[], from: number, to: number, c: number): void {
    const shown = this.shownDecimals!;
    for (let i = from; i < to; i++) {
      if ((out[i - from] as DateResult).kind !== "ambiguous") continue;
      const d = shown.get(cellKey(rows[i], c));
      if (d !== undefined) out[i - from] = normaliseDate(this.rows[rows[i]]?.[c], this.opts.date1904, d);
    }
  }

  /** The reading of a cell by the field's reader (the field has one), outside the blocks. */
  readCell(field: number, v: CellValue | undefined): unknown {
    return this.readers[field]!(v);
  }

  /** The year of the current row's date reading (date fields; 0 where it has no value). */
  year(field: number): number {
    return this.years[field]![this.pos];
  }

  /** The reading of the field's cell in the current row (readBlock's, by the field's reader); the field has a column. */
  read(field: number): unknown {
    return this.reads[field]![this.pos];
  }

  col(field: number): number {
    return this.cols[field];
  }

  raw(field: number): CellValue | undefined {
    const c = this.cols[field];
    return c < 0 ? undefined : this.cells[c];
  }

  issue(code: IssueCode, field: number, params: RawIssue["params"] = {}, suggestion?: string, col = this.cols[field]): void {
    const c = col < 0 ? 0 : col;
    const issue: RawIssue = {
      sheet: this.sheetName, row: this.row0 + 1, column: col === this.cols[field] && col >= 0 ? this.letters[field] : columnLetter(c), field: FIELD_CODES[field], code,
      severity: ISSUE_SEVERITY[code], params, value: col < 0 ? "" : cellText(this.cells[c], this.opts.date1904),
    };
    if (suggestion !== undefined) issue.suggestion = suggestion;
    this.issues.push(issue);
  }

  /** Proposes writing `to` where the cell now shows something else; never for a formula cell. */
  change(field: number, to: string): void {
    const c = this.cols[field];
    if (c < 0) return;
    const from = cellText(this.cells[c], this.opts.date1904);
    if (from === to || (this.formulaCells.size !== 0 && this.formulaCells.has(cellKey(this.row0, c)))) return;
    const change: Change = { sheet: this.sheetName, row: this.row0 + 1, column: this.letters[field], field: FIELD_CODES[field], from, to };
    this.changes.push(change);
    if (typeof this.cells[c] === "number") this.numericFrom.add(change);
  }
}

keepShape(
  new RowScope(
    { name: "", state: "visible", rows: [], formulaCells: new Set() },
    { sheet: "", headerRow: 0, firstRow: 0, lastRow: 0, columns: {}, unmapped: [], memberRows: [], sheetBranch: null, headerTexts: [], kind: "members", statement: {} },
    { asOf: "2000-01-01", lang: "zh-CN", config: EMPTY_CONFIG, date1904: false },
    [],
    [],
    { facts: [], categories: new OpenVocabulary(() => ({ kind: "empty" }), [], new Map(), []), typeHoldsStatus: false },
  ),
);
// an issue with a suggestion (RowScope.issue, issueAt): the literal's class, then one more property
const suggested: RawIssue = { sheet: "", row: 0, column: "", field: "", code: "unknown_value", severity: "warning", params: {}, value: "" };
suggested.suggestion = "";
keepShape(suggested);
