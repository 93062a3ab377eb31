// Finding <sheetData> in a worksheet part's bytes (any prefix), refusing a DTD or entity declaration before it.
import { ascii, btag, indexOfBytes, readTagAt } from "./byte-scan";

const SHEET_DATA = ascii("sheetData");
export const DOCTYPE = ascii("<!DOCTYPE");
export const ENTITY = ascii("<!ENTITY");

export interface SheetDataStart {
  /** 0: not found yet (scan again from `pos` with more data), 1: inside sheetData, 2: <sheetData/> (empty). */
  readonly phase: 0 | 1 | 2;
  /** Where to go on: just after the start tag, or where to search again. */
  readonly pos: number;
}

export function findSheetData(b: Uint8Array, from: number, end: number, fail: (problem: string) => never): SheetDataStart {
  const refuseDtd = (to: number): void => {
    if (indexOfBytes(b, DOCTYPE, from, to) >= 0 || indexOfBytes(b, ENTITY, from, to) >= 0) {
      fail("contains a DTD/entity declaration; refused");
    }
  };
  for (let at = from; ; at++) {
    at = indexOfBytes(b, SHEET_DATA, at, end);
    if (at < 0 || at + 9 >= end) {
      refuseDtd(end);
      return { phase: 0, pos: Math.max(from, end - 64) };
    }
    const after = b[at + 9];
    if (!(after <= 32 || after === 47 || after === 62)) continue;
    let lt = at - 1;
    while (lt >= 0 && b[lt] !== 60 && b[lt] > 32 && b[lt] !== 62) lt--;
    if (lt < 0 || b[lt] !== 60 || b[lt + 1] === 47) continue;
    refuseDtd(lt);
    if (!readTagAt(b, lt + 1, end)) return { phase: 0, pos: lt };
    return { phase: btag.selfClosing ? 2 : 1, pos: btag.end };
  }
}
