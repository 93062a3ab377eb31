// The list data validations (dropdowns) of a worksheet: <dataValidations> and Excel 2010's x14 lists in extLst.
// Read from the part's tail (after sheetData); formulas are resolved by the caller (inline, range or name).
import type { CellRange } from "../../domain/grid";
import { XmlCursor } from "./xml-scan";
import { decodeEntities } from "./xml-text";

export interface ListRule {
  readonly ranges: CellRange[];
  /** formula1 as written: "\"男,女\"" (inline), "Sheet2!$A$1:$A$9", "$A$1:$A$9", "民族列表" (a name). */
  readonly formula: string;
}

/** Cells of an sqref: "B2:B100 D2" -> ranges (0-based, inclusive); whole columns "B:B" too. */
export function parseSqref(sqref: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of sqref.trim().split(/\s+/)) {
    const [a, b = a] = part.replace(/\$/g, "").split(":");
    const p = cellOf(a);
    const q = cellOf(b);
    if (!p || !q) continue;
    out.push({ r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) });
  }
  return out;
}

function cellOf(ref: string): { r: number; c: number } | undefined {
  const m = /^([A-Z]{0,3})(\d*)$/i.exec(ref);
  if (!m || (!m[1] && !m[2])) return undefined;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { c: m[1] ? c - 1 : 0, r: m[2] ? Number(m[2]) - 1 : m[1] ? 0 : 0 };
}

/** The list rules of a worksheet's tail XML (both forms); other validation types are left out. */
export function parseListRules(tail: string): ListRule[] {
  if (!tail.includes("dataValidation")) return [];
  const out: ListRule[] = [];
  const cur = new XmlCursor(tail);
  let inRule: { list: boolean; sqref: string; formula: string } | undefined;
  let capture: "formula" | "sqref" | undefined;
  let textFrom = 0;
  while (cur.next()) {
    const name = cur.xml.slice(cur.localStart, cur.nameEnd);
    if (name === "dataValidation" && !cur.closing) {
      inRule = { list: cur.attr("type") === "list", sqref: cur.attr("sqref") ?? "", formula: "" };
      if (cur.selfClosing) inRule = undefined;
      continue;
    }
    if (!inRule) continue;
    if (name === "dataValidation" && cur.closing) {
      if (inRule.list && inRule.formula) {
        const ranges = parseSqref(inRule.sqref);
        if (ranges.length) out.push({ ranges, formula: inRule.formula });
      }
      inRule = undefined;
      continue;
    }
    if (!cur.closing && (name === "formula1" || name === "f") && !capture) {
      if (name === "f" || !tail.startsWith("<x14:", cur.tagStart)) {
        capture = "formula";
        textFrom = cur.pos;
      }
      continue;
    }
    if (!cur.closing && name === "sqref") {
      capture = "sqref";
      textFrom = cur.pos;
      continue;
    }
    if (cur.closing && capture && (name === "formula1" || name === "f" || name === "sqref")) {
      const text = decodeEntities(tail.slice(textFrom, cur.tagStart)).trim();
      if (capture === "formula" && !inRule.formula) inRule.formula = text;
      if (capture === "sqref") inRule.sqref = text;
      capture = undefined;
    }
  }
  return out;
}

/** The values of an inline list formula ("男,女" with its quotes), or undefined where it is a reference. */
export function inlineValues(formula: string): string[] | undefined {
  const f = formula.trim();
  if (!(f.startsWith('"') && f.endsWith('"') && f.length >= 2)) return undefined;
  return f.slice(1, -1).replace(/""/g, '"').split(",").map((v) => v.trim()).filter((v) => v !== "");
}

/** A reference formula -> sheet (undefined: the rule's own sheet) and range; undefined where it is not one. */
export function rangeReference(formula: string): { sheet?: string; range: CellRange } | undefined {
  const f = formula.trim().replace(/^=/, "");
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!:]+))!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i.exec(f);
  if (!m) return undefined;
  const ranges = parseSqref(m[3]);
  if (!ranges.length) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, range: ranges[0] };
}
