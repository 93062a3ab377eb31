/// <reference types="office-js" />
// The settings sheet's rows in the open workbook: finds the sheets that may hold the settings table, lets the caller
// decide what to write, and writes those rows as text (only the rows given; the staff's other rows, formats and notes
// stay as they are). One Excel.run.
import { columnLetter } from "../../domain/grid";
import { sheetOfReference } from "../../domain/sheet-reference";
import { assertUnprotected } from "./protection";
import { runExcel } from "./run";

/** A sheet that may hold the settings table. */
export interface SettingsCandidate {
  readonly name: string;
  /** Whether the role name refers to this sheet. */
  readonly named: boolean;
  /** Its used range (values from 0-based rowIndex/columnIndex); undefined where the sheet is empty. */
  readonly used?: { readonly values: unknown[][]; readonly rowIndex: number; readonly columnIndex: number };
}

/** Text cells on a 1-based row, from column `from` (A by default). */
export interface TextRow {
  readonly row: number;
  readonly values: readonly string[];
  readonly from?: string;
}

export interface SettingsWrite {
  /** A candidate sheet by name, or a new sheet: created with `headers` in bold on row 1 and the role name moved to it. */
  readonly target: { readonly sheet: string } | { readonly create: string; readonly headers: readonly string[] };
  /** Rows written, in order, after the target is ready. */
  readonly rows: readonly TextRow[];
}

/**
 * Reads the candidates (the sheet `roleName` refers to and those named in `sheetNames`, in workbook order), asks
 * `decide` what to write (it gets every sheet name too, to name a new sheet), writes it, and returns the name of the
 * sheet written.
 */
export async function writeSettingsRows(
  roleName: string,
  sheetNames: ReadonlySet<string>,
  decide: (candidates: readonly SettingsCandidate[], allSheets: readonly string[]) => SettingsWrite,
): Promise<string> {
  return runExcel(async (ctx) => {
    const wb = ctx.workbook;
    const sheets = wb.worksheets.load("items/name");
    const names = wb.names.load("items/name,items/formula");
    await ctx.sync();
    const named = names.items.find((n) => n.name === roleName);
    const target = named ? sheetOfReference(named.formula) : undefined;
    const candidates = sheets.items.filter((s) => s.name === target || sheetNames.has(s.name));
    const used = candidates.map((s) => s.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex"));
    await ctx.sync();
    const write = decide(
      candidates.map((s, i) => {
        const u = used[i];
        return { name: s.name, named: s.name === target, used: u.isNullObject ? undefined : { values: u.values, rowIndex: u.rowIndex, columnIndex: u.columnIndex } };
      }),
      sheets.items.map((s) => s.name),
    );
    const existing = "create" in write.target ? undefined : candidates.find((s) => s.name === (write.target as { sheet: string }).sheet);
    await assertUnprotected(ctx, "create" in write.target, existing ? [{ ws: existing, name: existing.name }] : []);
    let ws: Excel.Worksheet;
    if ("create" in write.target) {
      ws = wb.worksheets.add(write.target.create);
      writeRow(ws, { row: 1, values: write.target.headers });
      ws.getRange(`A1:${columnLetter(write.target.headers.length - 1)}1`).format.font.bold = true;
      if (named) named.delete();
      wb.names.add(roleName, ws.getRange("A1")).visible = false;
    } else {
      const sheet = write.target.sheet;
      const found = candidates.find((s) => s.name === sheet);
      if (!found) throw new Error(`"${sheet}" is not a settings sheet candidate`);
      ws = found;
    }
    for (const r of write.rows) writeRow(ws, r);
    await ctx.sync();
    const nameLoad = ws.load("name");
    await ctx.sync();
    return nameLoad.name;
  });
}

/** Text cells from column `from` (A by default) on a 1-based row. */
function writeRow(ws: Excel.Worksheet, { row, values, from = "A" }: TextRow): void {
  const first = from.charCodeAt(0) - 65;
  const range = ws.getRange(`${from}${row}:${columnLetter(first + values.length - 1)}${row}`);
  range.numberFormat = [values.map(() => "@")];
  range.values = [[...values]];
}
