// What a sync writes into an enumeration column: the spelling the column itself holds for the value's code (its
// dropdown's entry, else its most used spelling), as a fix does, never the canonical label where the column spells
// it otherwise (正式 where the column says 正式/预备, 223_正式党员 or 868_汉族 where its dropdown is coded). A sheet
// whose column holds no spelling for the code (a 不在岗 sheet receiving an 在岗 member) takes the one the workbook's
// other roster sheets hold for that field; with none anywhere, the value is written as the sync made it.
import { ColumnFacts, columnsFacts } from "./column-facts";
import { FIELD_BY_CODE, FieldCode } from "./fields";
import { foldKey } from "./fold";
import { SheetGrid, listAt } from "./grid";
import { RosterLocation } from "./locate";
import { EnumMatcher, buildEnumMatcher } from "./normalise/enum";
import { stripSystemCode } from "./normalise/system-code";

const MATCHERS = new Map<FieldCode, EnumMatcher>();

function matcherOf(field: FieldCode): EnumMatcher | undefined {
  const table = FIELD_BY_CODE.get(field)?.enumTable;
  if (table === undefined) return undefined;
  let m = MATCHERS.get(field);
  if (m === undefined) MATCHERS.set(field, (m = buildEnumMatcher(table)));
  return m;
}

export interface RosterSheet {
  readonly grid: SheetGrid;
  readonly loc: RosterLocation;
}

/** One sheet's spelling of a value, or null where its column has none (each column read once, when first asked). */
function sheetSpeller(sheet: RosterSheet, date1904: boolean): (field: FieldCode, value: string) => string | null {
  const facts = new Map<FieldCode, ColumnFacts | undefined>();
  return (field, value) => {
    const col = sheet.loc.columns[field];
    if (col === undefined) return null;
    if (field === "ethnicity") {
      // a coded 民族 dropdown (868_汉族): its entry for the group the sync wrote
      const list = sheet.loc.memberRows.length ? listAt(sheet.grid, sheet.loc.memberRows[0], col) : undefined;
      const key = foldKey(value);
      return list?.find((e) => foldKey(stripSystemCode(e)) === key) ?? null;
    }
    const match = matcherOf(field);
    const r = match?.(value);
    if (match === undefined || r === undefined || r.kind !== "ok" || r.narrow) return null;
    if (!facts.has(field)) facts.set(field, columnsFacts(sheet.grid, [col], sheet.loc.memberRows, date1904)[0]);
    return facts.get(field)?.target(r.code, match, value) ?? null;
  };
}

/** The workbook's speller: (sheet, field, value as the sync made it) -> what to write into that sheet. */
export function columnSpelling(sheets: readonly RosterSheet[], date1904: boolean): (sheet: string, field: FieldCode, value: string) => string {
  const spellers = sheets.map((s) => [s.loc.sheet, sheetSpeller(s, date1904)] as const);
  return (sheet, field, value) => {
    const own = spellers.find(([name]) => name === sheet)?.[1](field, value);
    if (own != null) return own;
    for (const [name, spell] of spellers) {
      if (name === sheet) continue;
      const other = spell(field, value);
      if (other != null) return other;
    }
    return value;
  };
}
