// The workbook's defined names after a plan: ours replaced or dropped, the print setup names of rewritten sheets
// dropped, every localSheetId renumbered for removed sheets, and the names each new product sheet needs.
import type { ProductRole, ProductSheet } from "../../plan/write-plan";
import {
  FILTER_DATABASE, FLAG_GRID_PREFIX, FLAG_KEYS_PREFIX, FLAGS_NAME, PREFIX, PRINT_TITLES, quoteSheet, renumberLocalNames, sheetRef, STYLES_NAME,
} from "./defined-names";
import { flagTableFormula, type PlacedBlock, tableName } from "./flag-sheet";
import type { NameEl, WorkbookXml } from "./workbook-xml";

export type Role = ProductRole | "flags";

export interface NameChanges {
  /** indexMap[old] = new index of the input's sheet `old`, -1 where removed. */
  readonly indexMap: readonly number[];
  /** Input indexes of sheets rewritten in place (their _xlnm names are rewritten too). */
  readonly rewritten: ReadonlySet<number>;
  /** Roles whose names are replaced (written this run) or dropped (removed). */
  readonly roles: ReadonlySet<Role>;
  /** The flags were given: every flag name is replaced. */
  readonly flags: boolean;
}

/** The names that stay, renumbered; the styles record always goes (it is written again when needed). */
export function keptNames(names: readonly NameEl[], c: NameChanges): NameEl[] {
  const drop = (n: NameEl): boolean => {
    if (n.localSheetId !== undefined) return c.rewritten.has(n.localSheetId) && n.name.startsWith("_xlnm.");
    if (!n.name.startsWith(PREFIX)) return false;
    if (n.name === STYLES_NAME) return true;
    if (n.name.startsWith(FLAG_GRID_PREFIX) || n.name.startsWith(FLAG_KEYS_PREFIX) || n.name === FLAGS_NAME) return c.flags;
    return c.roles.has(n.name.slice(PREFIX.length) as Role);
  };
  return renumberLocalNames(names.filter((n) => !drop(n)), c.indexMap, (n, id) => {
    n.localSheetId = id;
    n.raw = n.raw.replace(/(\slocalSheetId\s*=\s*["'])\d+(["'])/, `$1${id}$2`);
  });
}

const abs = (cell: string): string => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

/** A product sheet's names: its role, its AutoFilter's _FilterDatabase and its print titles (local to `index`). */
export function productSheetNames(book: WorkbookXml, sheet: string, index: number, ps: ProductSheet): NameEl[] {
  const out = [book.nameElement(PREFIX + ps.role, sheetRef(sheet), { hidden: true })];
  if (ps.autoFilter !== undefined) {
    const [a, b] = ps.autoFilter.toUpperCase().replace(/\$/g, "").split(":");
    out.push(book.nameElement(FILTER_DATABASE, `${quoteSheet(sheet)}!${abs(a)}:${abs(b ?? a)}`, { localSheetId: index, hidden: true }));
  }
  const t = ps.print.titleRows;
  if (t !== undefined) out.push(book.nameElement(PRINT_TITLES, `${quoteSheet(sheet)}!$${t[0]}:$${t[1]}`, { localSheetId: index }));
  return out;
}

/** The flag sheet's name and one key-table name per block. */
export function flagNames(book: WorkbookXml, flagSheet: string, placed: readonly PlacedBlock[]): NameEl[] {
  return [
    book.nameElement(FLAGS_NAME, sheetRef(flagSheet), { hidden: true }),
    ...placed.map((p) => book.nameElement(tableName(p.k), flagTableFormula(flagSheet, p), { hidden: true })),
  ];
}

/** Whether any of the product's names (other than the styles record) is left. */
export function oursRemain(names: readonly NameEl[]): boolean {
  return names.some((n) => n.localSheetId === undefined && n.name.startsWith(PREFIX) && n.name !== STYLES_NAME);
}

/** The styles record: a string constant, so no reader takes it for a sheet reference. */
export function stylesRecordName(book: WorkbookXml, record: string): NameEl {
  return book.nameElement(STYLES_NAME, `"${record}"`, { hidden: true });
}
