// The Settings tab's column mapping: the fields a user can map, what a change of the dropdowns means as
// `column | field | header` settings rows, and choices that clash.
import type { ColumnOverride, RosterMapping } from "../app/excel-settings";
import { FIELD_CODES, FieldCode } from "../domain/fields";

/** Every field but `ignored` (a column is taken out of the mapping by choosing no column for its field). */
export const MAPPABLE_FIELDS: readonly FieldCode[] = FIELD_CODES.filter((f) => f !== "ignored");

/** A roster's header cells and detected columns (the app's RosterMapping, whatever back end read it). */
export type RosterMappingView = Pick<RosterMapping, "sheet" | "headers" | "columns">;

/** The column letter chosen per field ("" for none); fields not in `choices` keep their detected column. */
export type MappingChoices = Partial<Record<FieldCode, string>>;

export function chosenColumn(roster: RosterMappingView, choices: MappingChoices, field: FieldCode): string {
  return choices[field] ?? roster.columns[field] ?? "";
}

/**
 * The settings rows that make the check map as chosen: a newly chosen column is named by its header text (by its
 * letter where the header row has that text twice, or where the text itself reads as a column letter, like "ID"), and
 * a field set to no column takes its detected column out (`column | ignored | <header>`).
 */
export function overridesToSave(roster: RosterMappingView, choices: MappingChoices): ColumnOverride[] {
  const out: ColumnOverride[] = [];
  const name = (column: string): string | undefined => {
    const h = roster.headers.find((x) => x.column === column);
    if (!h) return undefined;
    const twice = roster.headers.filter((x) => x.text === h.text).length > 1;
    return twice || /^[A-Z]{1,3}$/.test(h.text) ? column : h.text;
  };
  for (const field of MAPPABLE_FIELDS) {
    const detected = roster.columns[field] ?? "";
    const chosen = chosenColumn(roster, choices, field);
    if (chosen === detected) continue;
    if (chosen !== "") {
      const header = name(chosen);
      if (header !== undefined) out.push({ field, header });
    } else {
      const header = name(detected);
      if (header !== undefined) out.push({ field: "ignored", header });
    }
  }
  return out;
}

/** Columns chosen for more than one field, with those fields. */
export function clashingColumns(roster: RosterMappingView, choices: MappingChoices): { column: string; fields: FieldCode[] }[] {
  const byColumn = new Map<string, FieldCode[]>();
  for (const field of MAPPABLE_FIELDS) {
    const col = chosenColumn(roster, choices, field);
    if (col === "") continue;
    byColumn.set(col, [...(byColumn.get(col) ?? []), field]);
  }
  return [...byColumn.entries()].filter(([, f]) => f.length > 1).map(([column, fields]) => ({ column, fields }));
}
