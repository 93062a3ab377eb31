// Use case: check a workbook. Peeks every sheet, reads in full only the rosters, projects and settings sheets.
import { classifySheets, checkWorkbook, workbookConfig } from "../domain/check";
import { SheetGrid, WorkbookSnapshot } from "../domain/grid";
import { HEADER_SEARCH_ROWS } from "../domain/locate";
import type { Recheck } from "../domain/recheck";
import { Lang } from "../domain/vocabulary";
import type { CheckedGrids } from "../plan/plan-check";
import { WorkbookSource } from "./workbook-source";

export interface CheckRequest {
  readonly today: string;
  readonly asOf?: string;
  readonly lang?: Lang;
  /** Called with the name of each sheet as it is read in full. */
  readonly onProgress?: (step: string) => void;
  /** `--fix`'s recorder of each row's results (recheck.ts). */
  readonly recheck?: Recheck;
}

export class NoRosterError extends Error {
  constructor(readonly looked: { sheet: string; reason: string }[]) {
    super(`no roster found; sheets looked at: ${looked.map((l) => `${l.sheet} (${l.reason})`).join("; ") || "none"}`);
  }
}

/** The check's result, with the grids of the sheets it read in full (the flags are keyed to their cells). */
export async function checkRoster(source: WorkbookSource, req: CheckRequest): Promise<CheckedGrids> {
  const worksheets = source.sheets.filter((s) => s.kind === "worksheet");
  const peek: SheetGrid[] = [];
  for (const s of worksheets) peek.push(await source.readSheet(s.name, { maxRows: HEADER_SEARCH_ROWS + 1 }));
  const peekSnapshot: WorkbookSnapshot = { date1904: source.date1904, sheets: peek, definedNames: source.definedNames };
  const { config } = workbookConfig(peekSnapshot);
  const roles = classifySheets(peekSnapshot, config);
  const sheets: SheetGrid[] = [];
  for (const grid of peek) {
    const role = roles.get(grid.name);
    if (role === "roster" || role === "projects" || role === "settings") {
      req.onProgress?.(grid.name);
      sheets.push(await source.readSheet(grid.name));
    } else sheets.push(grid);
  }
  return checkSnapshot({ date1904: source.date1904, sheets, definedNames: source.definedNames }, req);
}

/** The check of sheets already read (the rosters, projects and settings in full, the others peeked), in order. */
export function checkSnapshot(snapshot: WorkbookSnapshot, req: CheckRequest): CheckedGrids {
  const result = checkWorkbook(snapshot, req);
  if (result.rosters.length === 0) throw new NoRosterError(result.notRosters);
  return { ...result, grids: new Map(snapshot.sheets.map((g) => [g.name, g])) };
}
