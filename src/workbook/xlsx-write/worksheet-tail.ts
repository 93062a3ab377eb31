// The part of a worksheet after <sheetData>: where conditional formats go in CT_Worksheet's order, and taking
// ours out again. Works on that (small) tail only; the cell data is never parsed here.
import { XmlCursor } from "../xlsx/xml-scan";
import { childrenIn, extentAt, type Extent, splice } from "./xml-edit";

/** CT_Worksheet children that come after conditionalFormatting (AlternateContent wraps late ones: controls, oleObjects). */
const AFTER_CF = new Set([
  "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
  "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
  "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
  "AlternateContent",
]);

/** The top-level elements of a worksheet tail (the text after sheetData, up to and including </worksheet>). */
export function tailChildren(tail: string): { children: Extent[]; close: number } {
  const children: Extent[] = [];
  const cur = new XmlCursor(tail);
  while (cur.next()) {
    if (cur.closing) return { children, close: cur.tagStart };
    children.push(extentAt(cur));
  }
  return { children, close: tail.length };
}

/** Where conditional formats go: before the first existing one, else before the first element that follows them. */
export function conditionalFormatInsertAt(tail: string): number {
  const { children, close } = tailChildren(tail);
  return children.find((c) => AFTER_CF.has(c.name))?.start ?? close;
}

/** Removes every conditional-format rule whose text holds `mark` (and elements left with no rule). */
export function removeMarkedFormats(tail: string, mark: string): string {
  if (tail.indexOf(mark) < 0) return tail;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const c of tailChildren(tail).children) {
    if (c.name !== "conditionalFormatting" || tail.slice(c.start, c.end).indexOf(mark) < 0) continue;
    const rules = childrenIn(tail, c.innerStart, c.innerEnd).filter((r) => r.name === "cfRule");
    const ours = rules.filter((r) => tail.slice(r.start, r.end).indexOf(mark) >= 0);
    if (ours.length === rules.length) edits.push({ start: c.start, end: c.end, text: "" });
    else for (const r of ours) edits.push({ start: r.start, end: r.end, text: "" });
  }
  return splice(tail, edits);
}

/** The tail with `xml` (conditional formats) inserted at their place; the original when xml is empty. */
export function insertConditionalFormats(tail: string, xml: string): string {
  if (xml === "") return tail;
  const at = conditionalFormatInsertAt(tail);
  return tail.slice(0, at) + xml + tail.slice(at);
}
