// Use case: what merging an incoming file into the master would change (SPEC 8), nothing written.
import { columnSpelling } from "../domain/column-spelling";
import { SyncDiff, diffRosters } from "../domain/diff";
import { SyncField } from "../domain/diff-records";
import { isDateCell } from "../domain/grid";
import { Lang } from "../domain/vocabulary";
import { SheetLayout } from "../plan/sync-plan";
import { CheckRequest, NoRosterError } from "./check-roster";
import { CheckedSide, IncomingSide, checkIncoming, checkSide, recordsOf } from "./sync-read";
import { WorkbookSource } from "./workbook-source";

/** The incoming file holds no table the engine can read as members (no header row with 姓名 and a party field). */
export class IncomingNotRosterError extends Error {}

export interface SyncPreview {
  readonly diff: SyncDiff;
  readonly master: CheckedSide;
  readonly incoming: IncomingSide;
  /** The master's own language: enum labels written into it are in this language. */
  readonly lang: Lang;
}

export async function previewSync(
  master: WorkbookSource, masterName: string, incomingBytes: Uint8Array, incomingName: string, req: CheckRequest,
): Promise<SyncPreview> {
  const m = await checkSide(master, { today: req.today, asOf: req.asOf, onProgress: req.onProgress });
  const lang = m.result.language;
  const inc = await checkIncoming(incomingBytes, incomingName, { today: req.today, asOf: m.result.asOf }).catch((e: unknown) => {
    throw e instanceof NoRosterError ? new IncomingNotRosterError(e.message) : e;
  });
  const diff = diffRosters({
    masterName, incomingName,
    master: recordsOf(m, lang, true),
    rosters: m.result.rosters.map((r) => ({ sheet: r.sheet, sheetBranch: r.sheetBranch })),
    incoming: recordsOf(inc, lang, false),
    incomingHasIds: inc.result.rosters.some((r) => r.columns.idNumber !== undefined),
  });
  return { diff, master: m, incoming: inc, lang };
}

/** Where each roster sheet takes additions (its location) and the 序号 its last member row holds, if a number. */
export function layoutsOf(preview: SyncPreview): Map<string, SheetLayout> {
  const grids = new Map(preview.master.snapshot.sheets.map((s) => [s.name, s]));
  const out = new Map<string, SheetLayout>();
  const rosters = preview.master.result.rosters.flatMap((loc) => (grids.has(loc.sheet) ? [{ grid: grids.get(loc.sheet)!, loc }] : []));
  const spelling = columnSpelling(rosters, preview.master.snapshot.date1904);
  for (const loc of preview.master.result.rosters) {
    const col = loc.columns.ignored;
    const last = loc.memberRows.length ? grids.get(loc.sheet)?.rows[loc.memberRows[loc.memberRows.length - 1]]?.[col ?? -1] : undefined;
    const spell = (field: SyncField, value: string) => spelling(loc.sheet, field, value);
    out.set(loc.sheet, { loc, lastSerial: typeof last === "number" && Number.isInteger(last) && !isDateCell(last) ? last : undefined, spell });
  }
  return out;
}
