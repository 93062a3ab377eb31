// Inserting empty rows into a worksheet by package surgery, as Excel's Insert does: the rows below move down with
// their cells, formulas, merges, validations, conditional formats, links and page breaks; references to them from
// the sheet, from other sheets and from defined names follow; ranges spanning the insertion point, or ending just
// above it, grow (formula-shift.ts). calcChain goes (Excel rebuilds it) and the workbook is marked to recalculate.
import type { RowInsert } from "../../plan/write-plan";
import { relsPartFor } from "../xlsx/opc";
import { decodeEntities } from "../xlsx/xml-text";
import { CONTENT_TYPES_PART, ContentTypes } from "./content-types";
import { RowShift, shiftFormula, shiftRefList } from "./formula-shift";
import { PackageEditor } from "./package";
import { removePart } from "./part-tree";
import { RelsDoc } from "./rels";
import { WorkbookXml } from "./workbook-xml";
import { escapeFormula } from "./xml-escape";

const ROW_TAG = /<((?:[A-Za-z_][\w.-]*:)?)row\b[^>]*>/g;
const F_EL = /<((?:[A-Za-z_][\w.-]*:)?)(f|formula|formula1|formula2)\b([^>]*?)(\/>|>([\s\S]*?)<\/\1\2>)/g;

function shiftAttr(tag: string, attr: string, fn: (v: string) => string): string {
  return tag.replace(new RegExp(`(\\s${attr}=")([^"]*)(")`), (_, a: string, v: string, z: string) => `${a}${fn(v)}${z}`);
}

/** How references move with rows inserted or deleted (formula-shift.ts): in formulas, and in ref/sqref lists. */
export interface RowMove {
  formula(f: string, sheet: string, local: boolean): string;
  refList(list: string, grow: boolean): string;
}

const insertMove = (s: RowShift): RowMove => ({
  formula: (f, sheet, local) => shiftFormula(f, sheet, local, s),
  refList: (list, grow) => shiftRefList(list, s, grow),
});

/** Formulas (<f>, and the <formula*> of conditional formats and validations) with references moved. */
export function moveFormulas(xml: string, sheet: string, local: boolean, m: RowMove): string {
  if (!/<(?:[\w.-]+:)?f(?:ormula[12]?)?\b/.test(xml)) return xml;
  return xml.replace(F_EL, (all, p: string, name: string, attrs: string, end: string, body: string | undefined) => {
    const a = name === "f" && local ? shiftAttr(attrs, "ref", (v) => m.refList(v, false)) : attrs;
    if (body === undefined) return a === attrs ? all : `<${p}${name}${a}${end}`;
    const f = decodeEntities(body);
    const moved = m.formula(f, sheet, local);
    if (moved === f && a === attrs) return all;
    // a moved <f>'s cached value may be stale (a grown SUM): dropped, so readers compute it (see dropStaleValues)
    return `<${p}${name}${a}>${escapeFormula(moved)}</${p}${name}>${name === "f" && moved !== f ? STALE : ""}`;
  }).replace(STALE_V, "");
}

const STALE = "\u0000";
const STALE_V = /\u0000(?:<(?:[\w.-]+:)?v>[^<]*<\/(?:[\w.-]+:)?v>)?/g;

/** A worksheet's XML in three: before `<sheetData`, from it up to `</sheetData>`, and the rest. */
export function splitSheetData(xml: string): { head: string; data: string; tail: string } {
  const dataAt = xml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const dataEndMatch = /<\/(?:[\w.-]+:)?sheetData>/.exec(xml);
  const dataEnd = dataEndMatch ? dataEndMatch.index : dataAt;
  return { head: xml.slice(0, dataAt), data: xml.slice(dataAt, dataEnd), tail: xml.slice(dataEnd) };
}

/** The worksheet's own XML with `count` rows inserted before `before`. */
export function insertRowsInSheet(xml: string, sheet: string, s: RowShift): string {
  let { head, data, tail } = splitSheetData(xml);
  // rows at or below the insertion point: their numbers and their cells' addresses
  let split = -1;
  for (const m of data.matchAll(ROW_TAG)) {
    const r = /\sr="(\d+)"/.exec(m[0]);
    if (r && Number(r[1]) >= s.before) {
      split = m.index!;
      break;
    }
  }
  if (split >= 0) {
    const below = data.slice(split)
      .replace(/(<(?:[\w.-]+:)?row\b[^>]*?\sr=")(\d+)(")/g, (_, a: string, n: string, z: string) => `${a}${Number(n) + s.count}${z}`)
      .replace(/(<(?:[\w.-]+:)?c\b[^>]*?\sr="\$?[A-Z]{1,3}\$?)(\d+)(")/g, (_, a: string, n: string, z: string) => `${a}${Number(n) >= s.before ? Number(n) + s.count : n}${z}`);
    data = data.slice(0, split) + below;
  }
  data = moveFormulas(data, sheet, true, insertMove(s));
  head = head.replace(/(<(?:[\w.-]+:)?dimension\b[^>]*?\sref=")([^"]*)(")/, (_, a: string, v: string, z: string) => `${a}${shiftRefList(v, s, false)}${z}`);
  tail = moveFormulas(tail, sheet, true, insertMove(s))
    .replace(/(<(?:[\w.-]+:)?(?:mergeCell|hyperlink)\b[^>]*?\sref=")([^"]*)(")/g, (_, a: string, v: string, z: string) => `${a}${shiftRefList(v, s, false)}${z}`)
    .replace(/(<(?:[\w.-]+:)?autoFilter\b[^>]*?\sref=")([^"]*)(")/g, (_, a: string, v: string, z: string) => `${a}${shiftRefList(v, s)}${z}`)
    .replace(/(\ssqref=")([^"]*)(")/g, (_, a: string, v: string, z: string) => `${a}${shiftRefList(v, s)}${z}`)
    .replace(/(<(?:[\w.-]+:)?rowBreaks\b[\s\S]*?<\/(?:[\w.-]+:)?rowBreaks>)/, (rb: string) =>
      rb.replace(/(<(?:[\w.-]+:)?brk\b[^>]*?\sid=")(\d+)(")/g, (_, a: string, n: string, z: string) => `${a}${Number(n) >= s.before ? Number(n) + s.count : n}${z}`));
  return head + data + tail;
}

/** Elements after calcPr in CT_Workbook: a new calcPr goes before the first of them. */
const AFTER_CALC_PR = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

function addCalcPr(xml: string): string {
  const prefix = /<((?:[\w.-]+:)?)workbook\b/.exec(xml)?.[1] ?? "";
  const el = `<${prefix}calcPr fullCalcOnLoad="1"/>`;
  let at = xml.search(new RegExp(`<${prefix}(?:${AFTER_CALC_PR.join("|")})\\b`));
  if (at < 0) at = xml.lastIndexOf(`</${prefix}workbook>`);
  return xml.slice(0, at) + el + xml.slice(at);
}

/** The package with the rows inserted; every part it has no business with stays as it was. */
export function insertRows(input: Uint8Array, fileName: string, workbookPart: string, inserts: readonly RowInsert[]): Uint8Array {
  // one sheet's inserts from the bottom up, so each `before` still means the row as the plan saw it
  const ordered = [...inserts].filter((i) => i.count > 0).sort((a, b) => (a.sheet === b.sheet ? b.before - a.before : 0));
  return moveRows(input, fileName, workbookPart, ordered.map((ins) => {
    const s: RowShift = { before: ins.before, count: ins.count };
    return { sheet: ins.sheet, own: (xml: string) => insertRowsInSheet(xml, ins.sheet, s), move: insertMove(s) };
  }), 0);
}

/** One sheet's rows moved: its own part rewritten by `own`, references to it elsewhere (other sheets, names) by `move`. */
export interface RowJob {
  readonly sheet: string;
  own(xml: string): string;
  readonly move: RowMove;
}

/** The package with each job's rows moved in turn; calcChain dropped and the workbook marked to recalculate. */
export function moveRows(input: Uint8Array, fileName: string, workbookPart: string, jobs: readonly RowJob[], level: number): Uint8Array {
  const pkg = new PackageEditor(input, fileName);
  const wbPath = pkg.nameOf(workbookPart); // the reader's rule, as applyPlan takes it
  const book = new WorkbookXml(pkg.text(wbPath)!);
  const relsPath = relsPartFor(wbPath);
  const rels = new RelsDoc(wbPath, pkg.text(relsPath));
  const ct = new ContentTypes(pkg.text(CONTENT_TYPES_PART) ?? "");
  const partOf = (name: string): string | undefined => {
    const s = book.sheets.find((x) => x.name === name);
    const rel = s === undefined ? undefined : rels.byId(s.rId);
    return rel === undefined ? undefined : rels.partOf(rel);
  };
  const worksheets = book.sheets.map((s) => ({ name: s.name, part: partOf(s.name) })).filter((s) => s.part !== undefined && s.part.includes("worksheets/") && pkg.has(s.part));
  for (const job of jobs) {
    const part = partOf(job.sheet);
    if (part === undefined || !pkg.has(part)) throw new Error(`rows moved: no worksheet "${job.sheet}"`);
    pkg.setText(part, job.own(pkg.text(part)!));
    for (const other of worksheets) {
      if (other.name === job.sheet) continue;
      const text = pkg.text(other.part!)!;
      if (!text.includes(job.sheet.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/'/g, "''")) && !text.includes(job.sheet)) continue;
      pkg.setText(other.part!, moveFormulas(text, job.sheet, false, job.move));
    }
    book.names = book.names.map((n) => {
      const moved = job.move.formula(n.formula, job.sheet, false);
      if (moved === n.formula) return n;
      const open = n.raw.slice(0, n.raw.indexOf(">") + 1);
      const close = n.raw.slice(n.raw.lastIndexOf("</"));
      return { ...n, formula: moved, raw: `${open}${escapeFormula(moved)}${close}` };
    });
  }
  let wbXml = book.toString(book.sheets.map((_, i) => i));
  // totals moved and grew: have Excel and LibreOffice recalculate on open (the cached values are the old ones)
  wbXml = /<(?:[\w.-]+:)?calcPr\b/.test(wbXml)
    ? wbXml.replace(/<((?:[\w.-]+:)?)calcPr\b([^>]*?)(\/?)>/, (_, p: string, attrs: string, sc: string) => `<${p}calcPr${attrs.replace(/\sfullCalcOnLoad="[^"]*"/, "")} fullCalcOnLoad="1"${sc}>`)
    : addCalcPr(wbXml);
  pkg.setText(wbPath, wbXml);
  const calcRel = rels.rels.find((r) => r.type.endsWith("/calcChain") && !r.external);
  if (calcRel !== undefined) {
    const calcPath = rels.partOf(calcRel);
    if (calcPath !== undefined && pkg.has(calcPath)) removePart(pkg, ct, calcPath);
    rels.remove(calcRel.id);
  }
  if (rels.changed) pkg.setText(relsPath, rels.toString());
  pkg.setText(CONTENT_TYPES_PART, ct.toString());
  return pkg.build(level);
}
