# A clerk at work in LibreOffice (headless, through Python-UNO), not our writer: opens a checked workbook, edits
# its roster the way a clerk does (sort, filter, insert rows, delete a row, edit a cell), then lets LibreOffice
# evaluate what the sheet shows: each conditional-format rule of the roster is copied, as LibreOffice now holds it
# (its range and formula after the edits), into a scratch sheet over the same cells with its references pointed
# back at the roster, and LibreOffice recalculates it there. Also evaluates formulas asked for by the caller (the
# issues sheet's link targets). Prints JSON: the roster's values, the cells each rule is true on, the formulas' values.
#
# usage: lo-clerk.py <workbook.xlsx> <job.json> <port>
# job: {"sheet", "idCol", "ops": [{"op", "member": ID, "offset"?...}], "eval": [{"sheet","cell"}], "exprs": [...]}
import json, re, sys, time
import uno
from lo_office import headless_office, open_hidden
from com.sun.star.sheet.FillDirection import TO_BOTTOM as BOTTOM, TO_RIGHT as RIGHT

path, job_path, port = sys.argv[1], sys.argv[2], sys.argv[3]
job = json.load(open(job_path, encoding="utf-8"))
with headless_office(port, "lo-clerk-") as desktop:
    t0 = time.time()
    doc = open_hidden(desktop, path)
    load_seconds = time.time() - t0
    sheets = doc.Sheets
    ws = sheets.getByName(job["sheet"])

    def used_end():
        cur = ws.createCursor(); cur.gotoEndOfUsedArea(False)
        return cur.RangeAddress.EndRow, cur.RangeAddress.EndColumn

    def member_row(op):  # the 1-based row now holding the member with this ID (a clerk finds people, not rows)
        end_row, _ = used_end()
        col = job["idCol"] - 1
        rows = [r + 1 for r in range(end_row + 1) if ws.getCellByPosition(col, r).getString() == op["member"]]
        if len(rows) != 1: raise SystemExit(f"member {op['member']}: {len(rows)} rows")
        return rows[0] + op.get("offset", 0)

    for op in job["ops"]:
        kind = op["op"]
        if "member" in op: op = {**op, "row": member_row(op), "before": member_row(op)}
        if kind == "sort":  # rows first..last (1-based) by a column (1-based), ascending, as a clerk's Data > Sort
            end_col = used_end()[1]
            rng = ws.getCellRangeByPosition(0, op["first"] - 1, end_col, op["last"] - 1)
            field = uno.createUnoStruct("com.sun.star.table.TableSortField")
            field.Field = op["col"] - 1; field.IsAscending = True; field.IsCaseSensitive = False
            desc = rng.createSortDescriptor()
            for d in desc:
                if d.Name == "SortFields": d.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
                if d.Name == "ContainsHeader": d.Value = False
            rng.sort(desc)
        elif kind == "filter":  # hide rows whose column (1-based) equals a value, with a standard filter
            end_row, end_col = used_end()
            rng = ws.getCellRangeByPosition(0, op["header"] - 1, end_col, end_row)
            fd = rng.createFilterDescriptor(True)
            f = uno.createUnoStruct("com.sun.star.sheet.TableFilterField")
            f.Field = op["col"] - 1; f.Operator = uno.Enum("com.sun.star.sheet.FilterOperator", "NOT_EQUAL")
            f.IsNumeric = False; f.StringValue = op["value"]
            fd.setFilterFields((f,)); fd.ContainsHeader = True
            rng.filter(fd)
        elif kind == "insertRows":
            ws.Rows.insertByIndex(op["before"] - 1, op["count"])
        elif kind == "deleteRow":
            ws.Rows.removeByIndex(op["row"] - 1, 1)
        elif kind == "edit":
            ws.getCellByPosition(op["col"] - 1, op["row"] - 1).setString(op["value"])
        else:
            raise SystemExit(f"unknown op {kind}")
    doc.calculateAll()

    end_row, end_col = used_end()
    light = job.get("light", False)  # the bench: no dump of the roster's rows
    data = [] if light else ws.getCellRangeByPosition(0, 0, end_col, end_row).DataArray
    hidden = [] if light else [r + 1 for r in range(end_row + 1) if not ws.Rows.getByIndex(r).IsVisible]

    # Each conditional format: its range and formula as LibreOffice holds them after the edits.
    quoted = "$'" + job["sheet"].replace("'", "''") + "'."
    ref = re.compile(r"(?<![A-Za-z0-9_.$'])(\$?[A-Z]{1,3}\$?[0-9]+)(?![A-Za-z0-9_(])")
    def qualify(formula):
        # Formula1 comes in Excel's form; setFormula takes LibreOffice's API form (";" between arguments).
        parts = formula.split('"')  # even parts are outside string literals
        return '"'.join(ref.sub(lambda m: quoted + m.group(1), p).replace(",", ";") if i % 2 == 0 else p for i, p in enumerate(parts))
    scratch_name = "LoClerkEval"
    sheets.insertNewByName(scratch_name, sheets.getCount())
    ev = sheets.getByName(scratch_name)
    rules = []
    cfs = ws.ConditionalFormats
    for cf in cfs.getConditionalFormats():
        ranges = cf.Range.getRangeAddresses()
        for i in range(cf.getCount()):
            entry = cf.getByIndex(i)
            formula = entry.Formula1
            if "_RosterAssistant_flag" not in formula: continue
            true_cells = []
            base = ranges[0]
            t_rules = time.time()
            for a in ranges:
                if "evalRows" in job:  # only the first rows of the range: one screen, what scrolling costs
                    a = uno.createUnoStruct("com.sun.star.table.CellRangeAddress", a.Sheet, a.StartColumn, a.StartRow, a.EndColumn, min(a.EndRow, a.StartRow + job["evalRows"] - 1))
                ev.getCellRangeByPosition(0, 0, max(end_col, a.EndColumn) + 1, max(base.StartRow, a.EndRow) + 1).clearContents(1 | 2 | 4 | 16)
                # The formula is relative to the first range's top-left cell: written there, copied (references
                # adjusting) to this range's top-left, then filled down and right over the range.
                ev.getCellByPosition(base.StartColumn, base.StartRow).setFormula("=" + qualify(formula))
                if (a.StartRow, a.StartColumn) != (base.StartRow, base.StartColumn):
                    src = ev.getCellByPosition(base.StartColumn, base.StartRow).RangeAddress
                    ev.copyRange(ev.getCellByPosition(a.StartColumn, a.StartRow).CellAddress, src)
                    ev.getCellByPosition(base.StartColumn, base.StartRow).clearContents(16)
                ev.getCellRangeByPosition(a.StartColumn, a.StartRow, a.StartColumn, a.EndRow).fillAuto(BOTTOM, 1)
                ev.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow).fillAuto(RIGHT, 1)
                doc.calculate()  # the new (dirty) formulas only: the rest of the workbook is as loaded
                vals = ev.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow).DataArray
                for r in range(a.StartRow, a.EndRow + 1):
                    for c in range(a.StartColumn, a.EndColumn + 1):
                        v = vals[r - a.StartRow][c - a.StartColumn]
                        if ev.getCellByPosition(c, r).getError() == 0 and v not in ("", 0, 0.0, False) and v is not None:
                            true_cells.append([r + 1, c + 1])
            rules.append({"seconds": time.time() - t_rules, "ranges": [[a.StartRow + 1, a.StartColumn + 1, a.EndRow + 1, a.EndColumn + 1] for a in ranges],
                          "formula": formula, "style": entry.StyleName, "true": true_cells})
    values = []
    for e in job.get("eval", []):
        sheet = sheets.getByName(e["sheet"])
        cell = sheet.getCellRangeByName(e["cell"])
        values.append({"sheet": e["sheet"], "cell": e["cell"], "formula": cell.getFormula(), "value": cell.getString(), "error": cell.getError()})
    def first_argument(formula):  # =HYPERLINK(<target>;<text>): the target expression, split at depth 1
        depth, quoted = 0, False
        for i, ch in enumerate(formula):
            if ch == '"': quoted = not quoted
            elif quoted: continue
            elif ch == "(": depth += 1; start = i + 1 if depth == 1 else start
            elif ch == ")": depth -= 1
            elif ch == ";" and depth == 1: return formula[start:i]
        raise SystemExit(f"no first argument in {formula}")
    for e in job.get("links", []):  # an issues-sheet link's target, evaluated by LibreOffice in a scratch cell
        cell = sheets.getByName(e["sheet"]).getCellRangeByName(e["cell"])
        c = ev.getCellByPosition(end_col + 3, 0)
        c.setFormula("=" + first_argument(cell.getFormula()))
        doc.calculateAll()
        values.append({"sheet": e["sheet"], "cell": e["cell"], "formula": cell.getFormula(), "value": c.getString(), "error": c.getError()})
    for e in job.get("exprs", []):  # an expression evaluated in a scratch cell (a link's target)
        c = ev.getCellByPosition(end_col + 3, 0)
        c.setFormula("=" + e.replace(",", ";"))
        doc.calculateAll()
        values.append({"expr": e, "value": c.getString(), "error": c.getError()})
    doc.close(True)
    print(json.dumps({"loadSeconds": load_seconds, "rows": [list(r) for r in data], "hidden": hidden, "rules": rules, "values": values}, ensure_ascii=False))
