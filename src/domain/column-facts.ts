// What a roster column says about itself: its dropdown list and the values its member rows use. Fixes write only
// a spelling this vocabulary holds (never a coarser or foreign label), and a value in the column's own list is
// never unknown.
import { foldKey } from "./fold";
import { keepShape } from "./keep-shape";
import { SheetGrid, listAt } from "./grid";
import { EnumMatcher } from "./normalise/enum";
import { stripSystemCode } from "./normalise/system-code";
import { cellText } from "./normalise/text";

/** rowSlots' mark of a row whose cell has no slot: not a text, empty, or a text first seen after NO_SLOT others. */
export const NO_SLOT = 255;

export class ColumnFacts {
  /** Folded (system codes stripped) list values. */
  private readonly listFolds: ReadonlySet<string>;
  private readonly targets = new Map<string, string | null>();

  constructor(
    /** The column's dropdown values in order (empty: none). */
    readonly list: readonly string[],
    /** Raw cell text -> member rows holding it. */
    readonly counts: ReadonlyMap<string, number>,
    /**
     * By member row (the index into the roster's memberRows): the slot of the row's cell where it is a text (its
     * index in slotTexts), else NO_SLOT. The row checks judge a text once per slot, not once per cell (empty: none).
     */
    readonly rowSlots: Uint8Array = new Uint8Array(0),
    /** The texts of the first slots, in the order first met. */
    readonly slotTexts: readonly string[] = [],
  ) {
    this.listFolds = new Set(list.map((v) => foldKey(stripSystemCode(v))));
  }

  /** Whether the text is one of the column's own list values (after folding and stripping system codes). */
  inList(text: string): boolean {
    return this.listFolds.size > 0 && this.listFolds.has(foldKey(stripSystemCode(text)));
  }

  /** Whether the cell holds one of the list's own entries exactly, as written: a fix never rewrites such a cell. */
  isEntry(v: unknown): boolean {
    return typeof v === "string" && this.list.includes(v);
  }

  /** target(code)'s answer where it was asked before (undefined: not yet): spares building the canonical label. */
  known(code: string): string | null | undefined {
    return this.targets.get(code);
  }

  /**
   * The spelling a fix may write for `code`: the first list entry meaning exactly code (not a finer value), else,
   * without a list, the column's most used such spelling (the canonical label on a tie); null: write nothing.
   */
  target(code: string, match: EnumMatcher, canonical: string): string | null {
    let t = this.targets.get(code);
    if (t !== undefined) return t;
    t = null;
    const exact = (v: string) => {
      const r = match(v);
      return r.kind === "ok" && r.code === code && !r.narrow;
    };
    if (this.list.length) t = this.list.find(exact) ?? null;
    else {
      let best = 0;
      for (const [text, n] of this.counts) {
        const s = text.trim();
        if (!exact(s)) continue;
        if (n > best || (n === best && s === canonical)) [t, best] = [s, n];
      }
    }
    this.targets.set(code, t);
    return t;
  }
}

keepShape(new ColumnFacts([], new Map()));

/**
 * The facts of each of the columns cols over the given member rows (0-based), in one pass down the rows (a sheet's
 * rows lie all over the heap: each is fetched once, not once per column).
 */
export function columnsFacts(sheet: SheetGrid, cols: readonly number[], memberRows: readonly number[], date1904: boolean): ColumnFacts[] {
  // one lookup a cell (a text's slot), not a get and a set
  const slots = cols.map(() => new Map<string, number>());
  const n = cols.map((): number[] => []);
  const rowSlots = cols.map(() => new Uint8Array(memberRows.length).fill(NO_SLOT));
  const rows = sheet.rows; // read once: grids of more than one producer (hidden class) pass here
  for (let j = 0; j < memberRows.length; j++) {
    const row = rows[memberRows[j]];
    if (row === undefined) continue;
    for (let k = 0; k < cols.length; k++) {
      const v = row[cols[k]];
      if (v === undefined || v === null || v === "") continue;
      const t = typeof v === "string" ? v : cellText(v, date1904);
      let slot = slots[k].get(t);
      if (slot === undefined) {
        slot = n[k].length;
        slots[k].set(t, slot);
        n[k].push(1);
      } else n[k][slot]++;
      if (slot < NO_SLOT && typeof v === "string") rowSlots[k][j] = slot;
    }
  }
  const first = memberRows.length ? memberRows[0] : -1;
  return cols.map((col, k) => {
    const counts = new Map<string, number>();
    for (const [t, slot] of slots[k]) counts.set(t, n[k][slot]);
    const list = (first >= 0 ? listAt(sheet, first, col) : undefined) ?? [];
    const texts = [...slots[k].keys()];
    return new ColumnFacts(list, counts, rowSlots[k], texts.length > NO_SLOT ? texts.slice(0, NO_SLOT) : texts);
  });
}
