// applyPlan: a WritePlan applied to an .xlsx by package surgery. Every part the plan has no business with is
// copied as its raw compressed bytes; the workbook part, its rels, [Content_Types].xml and styles.xml are edited
// in place; product sheets and the flag sheet are written anew; roster sheets are patched, never parsed whole.
// Everything is built in memory and returned at the end: a failure throws and nothing is half written.
import { type DateWrite, PRODUCT_ROLES, type ProductSheet, type WritePlan, type WriteValue } from "../../plan/write-plan";
import { openXlsx, type SheetPartEnds, UnreadableInputError } from "../xlsx";
import { ascii, indexOfBytes } from "../xlsx/byte-scan";
import { unreadable } from "../xlsx/errors";
import { relsPartFor } from "../xlsx/opc";
import { resolveCellWrites } from "./cell-writes";
import { DateStyles } from "./date-styles";
import { CONTENT_TYPES_PART, ContentTypes, CT_STYLES, CT_WORKSHEET } from "./content-types";
import { sheetOfReference } from "../../domain/sheet-reference";
import { PREFIX, STYLES_NAME } from "./defined-names";
import { PlanConflictError } from "./errors";
import { conditionalFormatsXml, FLAG_MARK, FLAG_SHEET_NAME, flagSheetXml, layoutBlocks, type PlacedBlock } from "./flag-sheet";
import { flagNames, keptNames, oursRemain, productSheetNames, type Role, stylesRecordName } from "./names-update";
import { PackageEditor } from "./package";
import { calcChainMentions, removePart, removeRelsOf } from "./part-tree";
import { patchedChunks, patchSheetEnds, patchWorksheet, type RowWrites } from "./roster-patch";
import { patchWorksheetStream } from "./roster-patch-stream";
import { deleteRows } from "./row-delete";
import { insertRows } from "./row-insert";
import { REL_STYLES, REL_WORKSHEET, RelsDoc } from "./rels";
import { isTaken, isVariantOf, sanitizeSheetName, uniqueSheetName } from "./sheet-names";
import { checkProductSheet, productSheetXml } from "./sheet-xml-write";
import { kitInUse } from "./style-refs";
import { ensureKit, kitRanges, type KitPlace, removeKit } from "./styles-patch";
import type { DateValueWrite } from "./row-edit";
import { type NameEl, type SheetEl, WorkbookXml } from "./workbook-xml";
import type { Compressor, ZipSink } from "./zip-write";

export interface ApplyOptions {
  /** Deflate level for the parts written anew, 0-9 (default 6). Unchanged parts are never recompressed. */
  readonly deflateLevel?: number;
  /** A native deflate and CRC-32 (Node's zlib, passed by the CLI); fflate otherwise (the web page). */
  readonly compressor?: Compressor;
  /** A sheet's cell writes already resolved by the caller against this same input's sheet as read (by the rule of
   * plan/cell-write-rule.ts, as plan/fixed-grids.ts does): the final value of each cell that changes, by cellKey,
   * by the sheet's name; the sheet is then not read again. */
  readonly resolvedWrites?: (sheet: string) => ReadonlyMap<number, WriteValue> | undefined;
  /** What the reader of this same input noted of a worksheet part it read in full (OpenedWorkbook.partEnds): a
   * sheet that only gets its flags' rules then keeps its compressed start without being inflated again. */
  readonly partEnds?: (part: string) => SheetPartEnds | undefined;
  /** Where the output's bytes go as they are made (the CLI: a temporary file), instead of being held and returned:
   * applyPlan then returns an empty array. */
  readonly sink?: ZipSink;
}

const FLAG_MARK_BYTES = ascii(FLAG_MARK);
/** Worksheets larger than this (inflated) are streamed when only their conditional formats change. */
let STREAM_ABOVE = 16 << 20;
/** How much of such a sheet's start and end is held: its head (up to <sheetData>) and tail (after it). */
let ENDS = 4 << 20;

/** Worksheets larger than this (inflated) that get cell writes are patched as they stream, never held whole: with
 * the reader's notes natively a window of blocks at a time (block-fed.ts), about as cheap as inflating whole; without
 * them by fflate's streamed inflate, which costs more. A 100,000-row roster of 45 columns (140 MiB) or of inline
 * strings (99 MiB) is streamed; one of 18 columns and shared strings (59 MiB) is held, as it costs little more. */
let STREAM_WRITES_ABOVE = 64 << 20;

/** For tests: patches sheets with cell writes as they stream above `bytes` (default 64 MiB). */
export function streamWritesAbove(bytes = 64 << 20): void {
  STREAM_WRITES_ABOVE = bytes;
}

/** For tests: streams sheets above `bytes`, holding `ends` bytes of each end (defaults: 16 MiB, 4 MiB). */
export function streamSheetsAbove(bytes = 16 << 20, ends = 4 << 20): void {
  STREAM_ABOVE = bytes;
  ENDS = ends;
}

/** Refuses a malformed plan (unknown or repeated roles, a sheet both written and removed): both back ends call it. */
export function checkPlan(plan: WritePlan): void {
  const seen = new Set<string>();
  for (const s of plan.sheets) {
    if (!PRODUCT_ROLES.includes(s.role)) throw new Error(`plan: unknown product role "${s.role}"`);
    if (seen.has(s.role)) throw new Error(`plan: product role "${s.role}" given twice`);
    if (plan.removeRoles.includes(s.role)) throw new Error(`plan: product role "${s.role}" both written and removed`);
    seen.add(s.role);
    checkProductSheet(s);
  }
  for (const r of plan.removeRoles) if (!PRODUCT_ROLES.includes(r)) throw new Error(`plan: unknown product role "${r}"`);
}

export function applyPlan(input: Uint8Array, fileName: string, plan: WritePlan, opts: ApplyOptions = {}): Uint8Array {
  const level = opts.deflateLevel ?? 6;
  if (!Number.isInteger(level) || level < 0 || level > 9) throw new Error(`deflateLevel ${level}: expected 0-9`);
  checkPlan(plan);
  if (plan.rowDeletes?.some((r) => r.count > 0)) {
    // the rest of the plan first (the revert's cell writes empty the rows), then the rows left empty deleted
    const written = applyPlan(input, fileName, { ...plan, rowDeletes: [] }, { ...opts, sink: undefined });
    return sunk(damaged(fileName, "row delete", () => deleteRows(written, fileName, plan.rowDeletes!, level)), opts.sink);
  }
  if (plan.rowInserts?.some((r) => r.count > 0)) {
    // rows first, into a stored (uncompressed) package; the rest of the plan then sees the sheet as it now is
    const read = openXlsx(input, fileName); // an unreadable input is refused with the reader's one-line reason
    const moved = damaged(fileName, "row insert", () => insertRows(input, fileName, read.workbookPart, plan.rowInserts!));
    return applyPlan(moved, fileName, { ...plan, rowInserts: [] }, { ...opts, resolvedWrites: undefined, partEnds: undefined }); // rows moved: read anew
  }
  // plan.activate is not applied here: selecting a tab means editing the user's sheets' sheetViews (tabSelected)
  // and workbook.xml's activeTab, for a view setting; the add-in activates the sheet, the file back end leaves it.
  const wb = openXlsx(input, fileName); // refuses what is not an .xlsx workbook, with the reader's one-line reason
  const pkg = new PackageEditor(input, fileName, opts.compressor?.crc32, opts.compressor?.inflateRaw, opts.compressor?.inflatePiece);
  const wbPath = pkg.nameOf(wb.workbookPart); // the reader's rule, so both agree on a damaged _rels/.rels
  const book = damaged(fileName, wbPath, () => new WorkbookXml(pkg.text(wbPath)!));
  const relsPath = relsPartFor(wbPath);
  const rels = damaged(fileName, relsPath, () => new RelsDoc(wbPath, pkg.text(relsPath)));
  const ct = damaged(fileName, CONTENT_TYPES_PART, () => new ContentTypes(pkg.text(CONTENT_TYPES_PART) ?? ""));
  const input0 = [...book.sheets];

  const partOf = (s: SheetEl): string | undefined => {
    const rel = rels.byId(s.rId);
    return rel === undefined ? undefined : rels.partOf(rel);
  };
  const isWorksheet = (s: SheetEl): boolean => {
    const type = rels.byId(s.rId)?.type ?? "";
    return type.slice(type.lastIndexOf("/") + 1) === "worksheet" && partOf(s) !== undefined && pkg.has(partOf(s)!);
  };
  const byName = (name: string): SheetEl | undefined =>
    book.sheets.find((s) => s.name === name) ?? book.sheets.find((s) => isTaken(name, [s.name]));
  const wbName = (name: string): NameEl | undefined => book.names.find((n) => n.name === name && n.localSheetId === undefined);

  // The product's sheets, by their workbook-level names (never by sheet name).
  const own = new Map<Role, SheetEl>();
  for (const role of [...PRODUCT_ROLES, "flags"] as Role[]) {
    const target = sheetOfReference(wbName(PREFIX + role)?.formula ?? "");
    const s = target === undefined ? undefined : byName(target);
    if (s !== undefined && isWorksheet(s) && ![...own.values()].includes(s)) own.set(role, s);
  }
  const ownSheets = new Set(own.values());

  // User sheets the plan flags or writes into.
  const userSheet = (name: string, cell: string): SheetEl => {
    const s = byName(name);
    if (s === undefined || !isWorksheet(s)) throw new PlanConflictError(fileName, name, cell, "planNoSheet");
    if (ownSheets.has(s)) throw new Error(`plan: sheet "${name}" is one of the product's own sheets, not a roster`);
    return s;
  };
  const placed = plan.flags === undefined ? undefined : layoutBlocks(plan.flags);
  const blocksBySheet = new Map<SheetEl, PlacedBlock[]>();
  for (const p of placed ?? []) {
    const s = userSheet(p.block.sheet, "");
    const list = blocksBySheet.get(s);
    if (list === undefined) blocksBySheet.set(s, [p]);
    else list.push(p);
  }
  // A date written (a fix in a column of date cells) takes the cell's own style with the date's number format:
  // made as the sheet is written, which is when the cell's style is read; styles.xml is then written last.
  let dateStyles: DateStyles | undefined;
  let datesWritten = false;
  const dateValue = (d: DateWrite): DateValueWrite => {
    datesWritten = true;
    return { serial: d.serial, styleOf: (s) => dateStyles!.styleFor(s, d.format) };
  };
  const writes = resolveCellWrites(wb, plan.cellWrites, (name) => {
    const s = byName(name);
    return s === undefined || !isWorksheet(s) ? undefined : userSheet(name, "").name;
  }, opts.resolvedWrites, dateValue);

  // Sheets removed: cleared roles, and the flag sheet when the flags become none.
  const removed = new Set<SheetEl>();
  for (const role of plan.removeRoles) if (own.has(role)) removed.add(own.get(role)!);
  if (placed !== undefined && placed.length === 0 && own.has("flags")) removed.add(own.get("flags")!);
  for (const s of removed) {
    const part = partOf(s)!;
    removePart(pkg, ct, part);
    rels.remove(s.rId);
    book.sheets.splice(book.sheets.indexOf(s), 1);
  }

  // Product sheets: rewritten in place (renamed to the wanted name where it is free), or added at the end.
  const written = new Map<string, () => Iterable<string | Uint8Array>>();
  const replaced = new Set<SheetEl>();
  let nextSheetId = input0.reduce((m, s) => Math.max(m, s.sheetId), 0) + 1;
  const newPart = (): string => {
    const dir = wbPath.slice(0, wbPath.lastIndexOf("/") + 1);
    let n = 1;
    while (pkg.has(`${dir}worksheets/sheet${n}.xml`)) n++;
    return `${dir}worksheets/sheet${n}.xml`;
  };
  const place = (role: Role, wanted: string, state?: "veryHidden"): { s: SheetEl; part: string } => {
    const s = own.get(role);
    if (s !== undefined && !removed.has(s)) {
      const others = book.sheets.filter((x) => x !== s).map((x) => x.name);
      const base = sanitizeSheetName(wanted);
      const keep = s.name === base || (isTaken(base, others) && isVariantOf(s.name, wanted) && !isTaken(s.name, others));
      book.rename(s, keep ? s.name : uniqueSheetName(wanted, others));
      if (state !== undefined) book.setState(s, state);
      replaced.add(s);
      const part = partOf(s)!;
      removeRelsOf(pkg, ct, part);
      return { s, part };
    }
    const name = uniqueSheetName(wanted, book.sheets.map((x) => x.name));
    const part = newPart();
    const rId = rels.add(REL_WORKSHEET, part);
    const el: SheetEl = { name, sheetId: nextSheetId++, rId, state: state ?? "visible", raw: book.sheetElement(name, nextSheetId - 1, rId, state), origIndex: -1 };
    book.sheets.push(el);
    ct.add(part, CT_WORKSHEET);
    pkg.set(part, ""); // reserves the part name; content set below
    return { s: el, part };
  };
  const productParts: Array<{ s: SheetEl; part: string; ps: ProductSheet }> = [];
  for (const ps of plan.sheets) {
    const { s, part } = place(ps.role, ps.name);
    productParts.push({ s, part, ps });
  }
  let flagSheet: { s: SheetEl; part: string } | undefined;
  if (placed !== undefined && placed.length > 0) flagSheet = place("flags", FLAG_SHEET_NAME, "veryHidden");

  // Styles: the kit goes in (or is reused) before anything refers to it.
  const stylesRel = rels.rels.find((r) => r.type.endsWith("/styles") && !r.external);
  let stylesPath = stylesRel === undefined ? undefined : rels.partOf(stylesRel);
  const recordText = wbName(STYLES_NAME)?.formula;
  let kit: KitPlace | undefined;
  let record: string | undefined = recordText;
  if (productParts.length > 0 || flagSheet !== undefined) {
    const stylesText = stylesPath !== undefined ? pkg.text(stylesPath) : undefined;
    const r = damaged(fileName, stylesPath ?? "styles.xml", () => ensureKit(stylesText, recordText));
    if (stylesPath === undefined) {
      stylesPath = `${wbPath.slice(0, wbPath.lastIndexOf("/") + 1)}styles.xml`;
      rels.add(REL_STYLES, stylesPath);
    }
    if (stylesText === undefined) ct.add(stylesPath, CT_STYLES);
    pkg.setText(stylesPath, r.xml);
    kit = r.place;
    record = r.record;
  }
  if (datesWritten) {
    // a date column has date cells, so the input has styles: a part without them is damaged
    const path = stylesPath ?? "styles.xml";
    const text = stylesPath === undefined ? undefined : pkg.text(stylesPath);
    const ds = damaged(fileName, path, () => {
      if (text === undefined) throw new Error("no styles for the dates written");
      return new DateStyles(text, kitRanges(record)?.xf);
    });
    dateStyles = ds;
    pkg.setLast(path, () => [ds.text()]);
  }
  for (const { part, ps } of productParts) {
    const xf = kit!.xf;
    written.set(part, () => productSheetXml(ps, xf));
  }
  if (flagSheet !== undefined) written.set(flagSheet.part, () => flagSheetXml(placed!));
  for (const [part, gen] of written) pkg.set(part, gen);

  // Roster sheets: our old conditional formats out (when the flags are replaced), the new ones in, cell writes.
  const patched = new Map<string, Uint8Array[]>();
  for (const s of book.sheets) {
    if (ownSheets.has(s) || s.origIndex < 0 || !isWorksheet(s)) continue;
    const blocks = blocksBySheet.get(s) ?? [];
    const w: RowWrites[] = writes.get(s.name) ?? [];
    if (placed === undefined && w.length === 0) continue;
    const part = partOf(s)!;
    const dxf = kit?.dxf ?? 0;
    const formats = (prefix: string): string => (blocks.length ? conditionalFormatsXml(blocks, dxf, prefix) : "");
    // A sheet that only gets its flags' conditional formats keeps its start as the input's own deflate blocks:
    // its ends as the reader noted them, else (a large sheet) as streamed past, only the ends held. (Flags written
    // means the style kit stays: kitInUse, which reads patched sheets whole, is never asked.)
    const noted = w.length === 0 && blocks.length > 0 ? opts.partEnds?.(part) : undefined;
    if (w.length === 0 && blocks.length > 0 && (noted !== undefined || (pkg.sizeOf(part) ?? 0) > STREAM_ABOVE)) {
      const ends = (noted && pkg.notedEnds(part, noted)) ?? pkg.partEnds(part, ENDS, ENDS);
      const p = ends && damaged(fileName, part, () => patchSheetEnds(ends, { removeMark: FLAG_MARK, formats }));
      if (ends !== undefined && p === undefined) continue;
      if (p !== undefined && p !== "whole" && pkg.setKeptStart(part, p.keep, [p.tail])) continue;
    }
    // A large sheet with cell writes is patched as it streams into the writer, never held whole (the kit stays:
    // product sheets are written, so kitInUse is never asked).
    if (w.length > 0 && plan.sheets.length > 0 && (pkg.sizeOf(part) ?? 0) > STREAM_WRITES_ABOVE) {
      const chunks = pkg.partChunks(part, opts.partEnds?.(part));
      const patch = { removeMark: placed === undefined ? undefined : FLAG_MARK, formats, writes: w };
      if (chunks !== undefined) {
        pkg.set(part, () => streamed(fileName, part, patchWorksheetStream(chunks, patch)));
        continue;
      }
    }
    const bytes = pkg.originalBytesKept(part, opts.partEnds?.(part))!;
    if (w.length === 0 && blocks.length === 0 && indexOfBytes(bytes, FLAG_MARK_BYTES, 0, bytes.length) < 0) continue;
    const patch = { removeMark: placed === undefined ? undefined : FLAG_MARK, formats, writes: w };
    if (w.length > 0 && plan.sheets.length > 0) {
      // the edited rows made as the writer deflates them, not held beside the part (the kit stays, as above)
      const lazy = damaged(fileName, part, () => patchedChunks(bytes, patch));
      if (lazy !== undefined) pkg.set(part, () => streamed(fileName, part, lazy));
      continue;
    }
    const chunks = damaged(fileName, part, () => patchWorksheet(bytes, patch));
    if (chunks !== undefined) {
      patched.set(part, chunks);
      pkg.set(part, () => chunks);
    }
  }

  // Defined names: ours replaced, local names of rewritten sheets' print setup dropped, localSheetIds renumbered.
  const indexMap = input0.map((s) => book.sheets.indexOf(s));
  const roles = new Set<Role>([...plan.sheets.map((s) => s.role), ...plan.removeRoles]);
  const names = keptNames(book.names, { indexMap, rewritten: new Set([...replaced].map((s) => s.origIndex)), roles, flags: placed !== undefined });
  for (const { s, ps } of productParts) names.push(...productSheetNames(book, s.name, book.sheets.indexOf(s), ps));
  if (flagSheet !== undefined) names.push(...flagNames(book, flagSheet.s.name, placed!));

  // The kit stays while anything of ours does; otherwise it goes, where nothing else uses it (and no date's style is
  // being added after it).
  if (oursRemain(names) && record !== undefined) names.push(stylesRecordName(book, record));
  if (!oursRemain(names) && record !== undefined && stylesPath !== undefined && pkg.has(stylesPath) && !datesWritten) {
    const out = removeKit(pkg.text(stylesPath)!, record);
    const ranges = kitRanges(record);
    if (out !== undefined && ranges !== undefined && !kitInUse(pkg, patched, stylesPath, ranges)) {
      if (out === "delete") {
        pkg.remove(stylesPath);
        ct.remove(stylesPath);
        const rel = rels.rels.find((r) => r.type.endsWith("/styles"));
        if (rel) rels.remove(rel.id);
      } else pkg.setText(stylesPath, out);
    }
  }
  book.names = names;

  // calcChain lists formula cells by sheetId: dropped when it names a sheet rewritten or removed.
  const calcRel = rels.rels.find((r) => r.type.endsWith("/calcChain") && !r.external);
  const calcPath = calcRel === undefined ? undefined : rels.partOf(calcRel);
  if (calcRel !== undefined && calcPath !== undefined && pkg.has(calcPath)) {
    const ids = new Set([...removed, ...replaced].map((s) => s.sheetId));
    if (calcChainMentions(pkg.text(calcPath)!, ids)) {
      removePart(pkg, ct, calcPath);
      rels.remove(calcRel.id);
    }
  }

  pkg.setText(wbPath, book.toString(indexMap));
  if (rels.changed) pkg.setText(relsPath, rels.toString());
  pkg.setText(CONTENT_TYPES_PART, ct.toString());
  patched.clear(); // views of the rewritten sheets' bytes: the package lets them go once each is written
  return pkg.build(level, opts.compressor, opts.sink);
}

/** Bytes made whole, given to the sink where there is one (then an empty array is returned). */
function sunk(bytes: Uint8Array, sink: ZipSink | undefined): Uint8Array {
  if (sink === undefined) return bytes;
  sink.write(bytes);
  return new Uint8Array(0);
}

/** A streamed patch's chunks, its failures said as damaged() says them. */
function* streamed(fileName: string, part: string, chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  try {
    yield* chunks;
  } catch (e) {
    damaged(fileName, part, () => {
      throw e;
    });
  }
}

/** Runs a parse of the input's XML; what it cannot make sense of is the input's damage, said in one line. */
function damaged<T>(fileName: string, part: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof UnreadableInputError || e instanceof PlanConflictError) throw e;
    // A JavaScript failure (stack, memory, a TypeError) is a bug of ours, never relabelled as the input's damage.
    if (!(e instanceof Error) || e.constructor !== Error) throw e;
    return unreadable(fileName, "partDamaged", { part, reason: e.message });
  }
}

