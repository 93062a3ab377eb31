// Numbers and date cells from the bytes of a <v>: hand-parsed integers, shared DateCell objects.
import type { DateCell } from "../../domain/grid";
import { textOf } from "./byte-scan";

/** Number in b[a, e): integers of up to 15 digits by hand, anything else through Number(). NaN if not a number. */
export function parseNumber(b: Uint8Array, a: number, e: number): number {
  let i = a;
  const neg = b[i] === 45;
  if (neg) i++;
  if (e - i > 0 && e - i <= 15) {
    let n = 0;
    for (; i < e; i++) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === e) return neg ? -n : n;
  }
  const s = textOf(b, a, e).trim();
  return s === "" ? NaN : Number(s);
}

/** Whole-day serials below this (year 2173) share DateCell objects. */
const DATE_CACHE_SIZE = 100000;
let dateCells: Array<DateCell | undefined> | undefined;

/**
 * A DateCell for `serial`. DateCells are frozen, so one per whole-day serial serves every sheet and workbook:
 * rosters repeat dates, and sharing spares the garbage collector hundreds of thousands of objects.
 */
export function dateCell(serial: number): DateCell {
  if (serial >= 0 && serial < DATE_CACHE_SIZE && (serial | 0) === serial) {
    dateCells ??= new Array<DateCell | undefined>(DATE_CACHE_SIZE);
    return (dateCells[serial] ??= Object.freeze({ kind: "date", serial }));
  }
  return Object.freeze({ kind: "date", serial });
}
