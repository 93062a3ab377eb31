// openXlsx: recognise the file, index the zip, read the workbook part; sheets are inflated and scanned on demand.
import type { ListValidation, SheetGrid, SheetState, WorkbookSnapshot } from "../../domain/grid";
import { cellText } from "../../domain/normalise/text";
import type { EdgeCode, EdgeParams } from "../../i18n/edge-errors";
import { inlineValues, parseListRules, rangeReference } from "./data-validations";
import { unreadable } from "./errors";
import { type Crc32, DEFAULT_LIMITS, decodeXml, PartInflater, partText, refuseLongText, type ReadLimits } from "./inflate";
import { parseRels, type Relationship, relsPartFor, resolveTarget } from "./opc";
import { scanSheetPart, type SheetPartEnds } from "./read-sheet";
import { parseSharedStringBytes, SharedStringsRefused } from "./shared-string-bytes";
import { parseSharedStrings } from "./shared-strings";
import { describeZip, sniffNonZip } from "./sniff";
import { NumberStyles, parseNumberStyles } from "./styles";
import { parseWorkbook } from "./workbook-part";
import { XmlCursor } from "./xml-scan";
import { hasDtd } from "./xml-text";
import { readZipIndex, type ZipEntry, type ZipIndex } from "./zip";

export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet";

export interface SheetInfo {
  readonly name: string;
  readonly state: SheetState;
  /** The sheet's part in the package, e.g. "xl/worksheets/sheet1.xml" ("" when the workbook names no part). */
  readonly part: string;
  readonly kind: SheetKind;
}

export interface ReadOptions {
  /** Read only the first maxRows rows (a peek): the sheet is inflated only as far as needed. */
  readonly maxRows?: number;
}

export interface OpenedWorkbook {
  readonly fileName: string;
  /** The workbook part's name, found as Excel finds it (_rels/.rels, else [Content_Types].xml, else xl/workbook.xml). */
  readonly workbookPart: string;
  readonly date1904: boolean;
  /** In workbook order. */
  readonly sheets: readonly SheetInfo[];
  /** Workbook-level defined names only (no localSheetId): name -> formula text. */
  readonly definedNames: Map<string, string>;
  readSheet(name: string, opts?: ReadOptions): SheetGrid;
  /** Every worksheet (chart, dialog and macro sheets left out). */
  snapshot(opts?: ReadOptions): WorkbookSnapshot;
  /**
   * What was noted of a deflated worksheet part while it was read in full (read-sheet.ts SheetPartEnds), by part
   * name; undefined for a part not read in full (or stored, or UTF-16). A writer of this same file keeps the part's
   * compressed start with it instead of inflating the part again.
   */
  partEnds(part: string): SheetPartEnds | undefined;
}

export interface OpenOptions {
  /** Inflation caps (tests make them small). */
  readonly limits?: Partial<ReadLimits>;
  /** A native CRC-32 for checking the parts inflated (the CLI passes zlib's); ours otherwise. */
  readonly crc32?: Crc32;
}

const WORKBOOK_CONTENT_TYPES = [
  "spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml", "ms-excel.sheet.macroEnabled.main+xml",
  "ms-excel.template.macroEnabled.main+xml", "ms-excel.addin.macroEnabled.main+xml",
];

function kindOf(rel: Relationship | undefined): SheetKind {
  const k = rel?.kind.toLowerCase() ?? "";
  if (k === "chartsheet") return "chartsheet";
  if (k === "dialogsheet") return "dialogsheet";
  if (k.endsWith("macrosheet")) return "macrosheet";
  return "worksheet";
}

function rootName(xml: string): string {
  const cur = new XmlCursor(xml);
  return cur.next() ? cur.localName : "";
}

/** Opens an .xlsx held in memory; throws UnreadableInputError (one line naming the file) for anything else. */
export function openXlsx(bytes: Uint8Array, fileName: string, options: OpenOptions = {}): OpenedWorkbook {
  const fail = (code: EdgeCode, params?: EdgeParams): never => unreadable(fileName, code, params);
  const notZip = sniffNonZip(bytes);
  if (notZip !== undefined) fail(notZip);
  const zip: ZipIndex = readZipIndex(bytes, fileName);
  const inflater = new PartInflater(bytes, fileName, { ...DEFAULT_LIMITS, ...options.limits }, options.crc32);
  const endsByPart = new Map<string, SheetPartEnds>();
  const readText = (e: ZipEntry): string => {
    const text = inflater.text(e);
    if (hasDtd(text)) fail("dtd", { part: e.name });
    return text;
  };
  const names = zip.entries.map((e) => e.name);
  const notWorkbook = (): never => {
    const m = zip.get("mimetype");
    const mimetype = m !== undefined && m.size < 200 ? decodeXml(inflater.bytes(m)).trim() : undefined;
    return fail(describeZip(names, mimetype));
  };

  const workbookPath = findWorkbookPart(zip, readText);
  if (/\.bin$/i.test(workbookPath)) fail(describeZip([...names, "xl/workbook.bin"], undefined));
  const wbEntry = zip.get(workbookPath);
  if (wbEntry === undefined) return notWorkbook();
  const wbXml = readText(wbEntry);
  if (rootName(wbXml) !== "workbook") return notWorkbook();
  const wb = parseWorkbook(wbXml);
  const relsEntry = zip.get(relsPartFor(workbookPath));
  const rels = relsEntry === undefined ? [] : parseRels(readText(relsEntry));
  const relById = new Map(rels.map((r) => [r.id, r]));
  const partOf = (kind: string, fallback: string): string | undefined => {
    const rel = rels.find((r) => r.kind === kind && !r.external);
    const path = rel !== undefined ? resolveTarget(workbookPath, rel.target) : resolveTarget(workbookPath, fallback);
    return zip.get(path) !== undefined ? path : undefined;
  };

  const sheets: SheetInfo[] = wb.sheets.map((s) => {
    const rel = relById.get(s.relId);
    const part = rel !== undefined && !rel.external ? resolveTarget(workbookPath, rel.target) : "";
    return { name: s.name, state: s.state, part, kind: kindOf(rel) };
  });
  // Each part is read once however the workbook names it: sheets sharing a part (Excel never writes that) are
  // refused, so a small file cannot make the reader inflate one big part hundreds of times.
  const byPart = new Map<string, SheetInfo>();
  const byName = new Map<string, SheetInfo>();
  const byLowerName = new Map<string, SheetInfo>();
  for (const s of sheets) {
    const other = s.part === "" ? undefined : byPart.get(s.part.toLowerCase());
    if (other !== undefined) fail("sheetsSharePart", { first: other.name, second: s.name, part: s.part });
    if (s.part !== "") byPart.set(s.part.toLowerCase(), s);
    if (!byName.has(s.name)) byName.set(s.name, s);
    if (!byLowerName.has(s.name.toLowerCase())) byLowerName.set(s.name.toLowerCase(), s);
  }

  /** UTF-8 parts from their bytes (flat strings, see shared-string-bytes.ts); UTF-16 ones (rare) as one text. */
  const readSharedStrings = (e: ZipEntry): string[] | undefined => {
    refuseLongText(e.name, e.size, fileName, inflater.limits.maxTextBytes);
    const b = inflater.bytes(e);
    if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
      const text = partText(b, e.name, fileName);
      if (hasDtd(text)) fail("dtd", { part: e.name });
      return parseSharedStrings(text);
    }
    try {
      return parseSharedStringBytes(b);
    } catch (err) {
      if (err instanceof SharedStringsRefused) return fail(err.code, { part: e.name });
      throw err;
    }
  };
  let sharedStrings: string[] | undefined;
  let numberStyles: NumberStyles | undefined;
  const loadShared = (): void => {
    if (sharedStrings !== undefined) return;
    const sstPath = partOf("sharedStrings", "sharedStrings.xml");
    const parsed = sstPath === undefined ? [] : readSharedStrings(zip.get(sstPath)!);
    if (parsed === undefined) fail("sstCutShort", { part: sstPath ?? "" });
    const stylesPath = partOf("styles", "styles.xml");
    const stylesXml = stylesPath === undefined ? undefined : readText(zip.get(stylesPath)!);
    if (stylesXml !== undefined && rootName(stylesXml) === "") fail("partEmpty", { part: stylesPath ?? "" });
    numberStyles = stylesXml === undefined ? { dates: new Uint8Array(0), decimals: new Uint8Array(0), dateCode: () => undefined } : parseNumberStyles(stylesXml);
    sharedStrings = parsed;
  };

  const readSheet = (name: string, opts: ReadOptions = {}): SheetGrid => {
    const info = byName.get(name) ?? byLowerName.get(name.toLowerCase());
    if (info === undefined) throw new Error(`${fileName}: no sheet named "${name}"`);
    const empty: SheetGrid = { name: info.name, state: info.state, rows: [], formulaCells: new Set() };
    if (info.kind === "chartsheet") return empty;
    const entry = info.part === "" ? undefined : zip.get(info.part);
    if (entry === undefined) fail("sheetNoPart", { name: info.name, part: info.part });
    loadShared();
    const maxRows = opts.maxRows ?? Infinity;
    if (maxRows <= 0) return empty;
    const { scanner, tail, ends } = scanSheetPart(inflater, entry!, {
      sharedStrings: sharedStrings!,
      dateStyles: numberStyles!.dates,
      decimalStyles: numberStyles!.decimals,
      date1904: wb.date1904,
      maxRows,
      fail: (code, params) => fail(code, { ...params, sheet: info.name }),
    });
    if (ends !== undefined) endsByPart.set(entry!.name.toLowerCase(), ends);
    const dateFormats = new Map<number, string>();
    scanner.firstDateStyles.forEach((s, col) => {
      const code = numberStyles!.dateCode(s);
      if (code !== undefined) dateFormats.set(col, code);
    });
    const grid: SheetGrid = {
      name: info.name, state: info.state, rows: scanner.rows, formulaCells: scanner.formulaCells,
      ...(scanner.shownDecimals ? { shownDecimals: scanner.shownDecimals } : {}),
      ...(dateFormats.size > 0 ? { dateFormats } : {}),
    };
    return tail ? { ...grid, lists: resolveLists(grid, tail) } : grid;
  };

  /** Each list rule's values: inline, a range on this or another (often hidden) sheet, or a defined name for one. */
  const resolveLists = (own: SheetGrid, tail: string): ListValidation[] => {
    const out: ListValidation[] = [];
    for (const rule of parseListRules(tail)) {
      let values = inlineValues(rule.formula);
      if (values === undefined) {
        const named = wb.definedNames.get(rule.formula.trim());
        const ref = rangeReference(named ?? rule.formula);
        if (ref === undefined) continue;
        const { r0, c0, r1, c1 } = ref.range;
        if ((r1 - r0 + 1) * (c1 - c0 + 1) > 100_000) continue;
        const from = ref.sheet === undefined || ref.sheet === own.name ? own : readListSource(ref.sheet, r1 + 1);
        if (from === undefined) continue;
        values = [];
        for (let r = r0; r <= r1; r++) {
          for (let c = c0; c <= c1; c++) {
            const t = cellText(from.rows[r]?.[c], wb.date1904).trim();
            if (t) values.push(t);
          }
        }
      }
      if (values.length) out.push({ ranges: rule.ranges, values });
    }
    return out;
  };

  const listSources = new Map<string, { grid: SheetGrid; rows: number }>();
  /** The first rows of a sheet a list refers to (read once however many lists point at it). */
  const readListSource = (name: string, rows: number): SheetGrid | undefined => {
    const key = name.toLowerCase();
    const had = listSources.get(key);
    if (had !== undefined && had.rows >= rows) return had.grid;
    const info = sheets.find((x) => x.name.toLowerCase() === key);
    if (info === undefined || info.kind !== "worksheet") return undefined;
    const want = Math.max(rows, 1000);
    const grid = readSheet(info.name, { maxRows: want });
    listSources.set(key, { grid, rows: want });
    return grid;
  };

  return {
    fileName,
    workbookPart: wbEntry.name,
    date1904: wb.date1904,
    sheets,
    definedNames: wb.definedNames,
    readSheet,
    partEnds: lookupEnds(endsByPart), // its own closure: not one that keeps the reader's scope (shared strings) alive
    snapshot: (opts) => ({
      date1904: wb.date1904,
      sheets: sheets.filter((s) => s.kind === "worksheet").map((s) => readSheet(s.name, opts)),
      definedNames: wb.definedNames,
    }),
  };
}

/** The workbook part: _rels/.rels officeDocument, else [Content_Types].xml, else xl/workbook.xml. */
function findWorkbookPart(zip: ZipIndex, readText: (e: ZipEntry) => string): string {
  const rootRels = zip.get("_rels/.rels");
  if (rootRels !== undefined) {
    const main = parseRels(readText(rootRels)).find((r) => r.kind === "officeDocument" && !r.external);
    if (main !== undefined) {
      const path = resolveTarget("", main.target);
      if (zip.get(path) !== undefined || /\.bin$/i.test(path)) return path;
    }
  }
  const types = zip.get("[Content_Types].xml");
  if (types !== undefined) {
    const cur = new XmlCursor(readText(types));
    while (cur.next()) {
      if (cur.closing || !cur.is("Override")) continue;
      const ct = cur.attr("ContentType") ?? "";
      if (WORKBOOK_CONTENT_TYPES.some((t) => ct.endsWith(t))) return resolveTarget("", cur.attr("PartName") ?? "");
    }
  }
  return "xl/workbook.xml";
}

/** The reader's notes looked up by part name, in a closure of the map alone (V8 gives the closures of one scope one
 * context: an arrow made inside openXlsx would keep its shared strings alive as long as the notes are kept). */
function lookupEnds(endsByPart: ReadonlyMap<string, SheetPartEnds>): (part: string) => SheetPartEnds | undefined {
  return (part) => endsByPart.get(part.toLowerCase());
}
