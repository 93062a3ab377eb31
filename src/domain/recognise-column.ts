// Content-based column recognition: where a header is unknown, the values say what the column holds.
import { FieldCode } from "./fields";
import { CellValue, SheetGrid } from "./grid";

const SAMPLE_ROWS = 200;
/** Share of the non-empty sampled values that must fit for the column to be taken. */
const MIN_SHARE = 0.8;
const MIN_VALUES = 3;

const ID_TEXT = /^\d{17}[\dXx]$|^\d{15}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const MEMBERSHIP = /^(预备|正式|預備)(党员|黨員)?$/;
const GENDER = /^(男|女)$/;

type Test = (v: CellValue) => boolean;

const TESTS: [FieldCode, Test][] = [
  ["idNumber", (v) => (typeof v === "number" ? v >= 1e14 : typeof v === "string" && ID_TEXT.test(v.trim()))],
  ["phone", (v) => MOBILE.test(typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "")],
  ["membershipType", (v) => typeof v === "string" && MEMBERSHIP.test(v.trim())],
  ["gender", (v) => typeof v === "string" && GENDER.test(v.trim())],
];

/** The field a column's values identify, reading up to 200 rows from firstRow0; undefined when unsure. */
export function recogniseColumn(sheet: SheetGrid, firstRow0: number, col: number): FieldCode | undefined {
  const values: CellValue[] = [];
  for (let r = firstRow0; r < sheet.rows.length && values.length < SAMPLE_ROWS; r++) {
    const v = sheet.rows[r]?.[col];
    if (v !== undefined && v !== null && v !== "") values.push(v);
  }
  if (values.length < MIN_VALUES) return undefined;
  for (const [field, test] of TESTS) {
    let hits = 0;
    for (const v of values) if (test(v)) hits++;
    if (hits / values.length >= MIN_SHARE) return field;
  }
  return undefined;
}
