// xl/workbook.xml: the date system, the sheets in order (name, state, relationship id) and workbook-level names.
import type { SheetState } from "../../domain/grid";
import { XmlCursor } from "./xml-scan";

export interface SheetEntry {
  readonly name: string;
  readonly state: SheetState;
  readonly relId: string;
}

export interface WorkbookPart {
  readonly date1904: boolean;
  readonly sheets: readonly SheetEntry[];
  readonly definedNames: Map<string, string>;
}

const stateOf = (s: string | undefined): SheetState => (s === "hidden" ? "hidden" : s === "veryHidden" ? "veryHidden" : "visible");

export function parseWorkbook(xml: string): WorkbookPart {
  let date1904 = false;
  const sheets: SheetEntry[] = [];
  const definedNames = new Map<string, string>();
  const cur = new XmlCursor(xml);
  while (cur.next()) {
    if (cur.closing) continue;
    if (cur.is("workbookPr")) {
      const v = cur.attr("date1904");
      date1904 = v === "1" || v === "true";
    } else if (cur.is("sheet")) {
      sheets.push({ name: cur.attr("name") ?? "", state: stateOf(cur.attr("state")), relId: cur.attr("id") ?? "" });
    } else if (cur.is("definedName")) {
      const name = cur.attr("name");
      const local = cur.attr("localSheetId");
      const formula = cur.text();
      if (name !== undefined && local === undefined && !definedNames.has(name)) definedNames.set(name, formula);
      cur.skipElement();
    } else if (cur.is("extLst") || cur.is("fileRecoveryPr") || cur.is("bookViews")) {
      cur.skipElement();
    }
  }
  return { date1904, sheets, definedNames };
}
