// Reading both sides of a sync: the master workbook and the incoming file (CSV, "Unicode text" .txt, or .xlsx with
// one or more sheets), each checked by the engine; the grids are kept, since the diff needs each field's cell.
import { CheckResult } from "../domain/check";
import { SyncRecord, syncRecords } from "../domain/diff-records";
import { CellValue, SheetGrid, WorkbookSnapshot } from "../domain/grid";
import { stripSystemCode } from "../domain/normalise/system-code";
import { Lang } from "../domain/vocabulary";
import { readCsv } from "../csv/read-csv";
import { TextEncoding } from "../csv/decode";
import { openXlsx } from "../workbook/xlsx";
import { CheckRequest, checkRoster } from "./check-roster";
import { WorkbookSource } from "./workbook-source";

export interface CheckedSide {
  readonly snapshot: WorkbookSnapshot;
  readonly result: CheckResult;
}

/** A source that remembers every sheet read in full, so the caller gets the grids the check used. */
function recording(source: WorkbookSource): { source: WorkbookSource; grids: Map<string, SheetGrid> } {
  const grids = new Map<string, SheetGrid>();
  return {
    grids,
    source: {
      date1904: source.date1904, sheets: source.sheets, definedNames: source.definedNames,
      async readSheet(name, opts) {
        const g = await source.readSheet(name, opts);
        if (opts?.maxRows === undefined) grids.set(name, g);
        return g;
      },
    },
  };
}

export async function checkSide(source: WorkbookSource, req: CheckRequest): Promise<CheckedSide> {
  const r = recording(source);
  const result = await checkRoster(r.source, req);
  const sheets = result.rosters.map((loc) => r.grids.get(loc.sheet)!);
  return { snapshot: { date1904: source.date1904, sheets, definedNames: source.definedNames }, result };
}

/** Whether a file name is a text table (CSV or tab-separated text) rather than a workbook. */
export function isTextTable(fileName: string): boolean {
  return /\.(csv|txt|tsv)$/i.test(fileName);
}

/** System codes (95_男) taken off every text cell of an incoming sheet before it is checked (SPEC 2). */
function stripCodes(grid: SheetGrid): SheetGrid {
  const strip = (v: CellValue | undefined): CellValue | undefined => (typeof v === "string" ? stripSystemCode(v) : v);
  return { ...grid, rows: grid.rows.map((r) => r?.map(strip)) };
}

function snapshotSource(snapshot: WorkbookSnapshot): WorkbookSource {
  const byName = new Map(snapshot.sheets.map((s) => [s.name, s]));
  return {
    date1904: snapshot.date1904, definedNames: snapshot.definedNames,
    sheets: snapshot.sheets.map((s) => ({ name: s.name, state: s.state, kind: "worksheet" as const })),
    readSheet: (name, opts) => {
      const g = byName.get(name)!;
      return opts?.maxRows === undefined ? g : { ...g, rows: g.rows.slice(0, opts.maxRows) };
    },
  };
}

export interface IncomingSide extends CheckedSide {
  /** The text encoding and delimiter found (text files only). */
  readonly encoding?: TextEncoding;
  readonly delimiter?: string;
}

/** The incoming file as a checked workbook: a text table becomes one sheet named after the file. */
export async function checkIncoming(bytes: Uint8Array, fileName: string, req: CheckRequest): Promise<IncomingSide> {
  if (isTextTable(fileName)) {
    const csv = readCsv(bytes, fileName);
    const snapshot: WorkbookSnapshot = { date1904: false, sheets: [stripCodes(csv.grid)], definedNames: new Map() };
    const side = await checkSide(snapshotSource(snapshot), req);
    return { ...side, encoding: csv.encoding, delimiter: csv.delimiter };
  }
  const wb = openXlsx(bytes, fileName);
  const stripped: WorkbookSource = {
    date1904: wb.date1904, definedNames: wb.definedNames,
    sheets: wb.sheets.map((s) => ({ name: s.name, state: s.state, kind: s.kind })),
    readSheet: (name, opts) => stripCodes(wb.readSheet(name, opts)),
  };
  return checkSide(stripped, req);
}

/** The records the diff compares, in the master's language. */
export function recordsOf(side: CheckedSide, lang: Lang, master: boolean): SyncRecord[] {
  return syncRecords(side.snapshot, side.result, { lang, master });
}
