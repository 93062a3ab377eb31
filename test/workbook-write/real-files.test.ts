// The writer on the ten real Excel workbooks (a roster grafted in by ../shared/tools/graft-sheet.py) and on the
// example workbook's own roster: every part it has no business with stays byte for byte, the schemas pass, the
// reader and ExcelJS read back what the plan says, a re-run changes nothing, clear gives the input back.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { strFromU8 } from "fflate";
import { cellText } from "../../src/domain/normalise/text";
import { PRODUCT_ROLES, type ProductRole, type WritePlan } from "../../src/plan/write-plan";
import { openXlsx } from "../../src/workbook/xlsx";
import { relsPartFor } from "../../src/workbook/xlsx/opc";
import { entryData, readZipIndex } from "../../src/workbook/xlsx/zip";
import { applyPlan } from "../../src/workbook/xlsx-write";
import { SMALL_ROSTER_SHEET, smallRosterRows } from "../fixtures/roster-sheet-xml";
import {
  CLEAR_PLAN, flagsFor, fullPlan, graft, NAMES, type RosterBlock, revertPlan, smallRosterBlock, writesFor,
} from "../fixtures/xlsx-write/plans";
import { describeShared, SHARED } from "../helpers/shared";
import { diffParts, excelJsValues, hasXmllint, parts, same, text, validate } from "./package-helpers";

const REAL = join(SHARED, "real-xlsx");
const EXAMPLE = resolve(__dirname, "../../examples/铁西街党员花名册.xlsx");
const USER_SUMMARY = "名册汇总"; // a user's own sheet with the summary's name: ours must get " (2)"

interface Case {
  input: Uint8Array;
  block: RosterBlock;
  names: Record<ProductRole, string>;
  /** A sheet as Excel wrote it (merges, validations, conditional formats, extLst...), flagged too. */
  other?: RosterBlock;
}

function makeCase(label: string): Case {
  if (label === "example") {
    const input = new Uint8Array(readFileSync(EXAMPLE));
    return { input, block: { sheet: "铁安社区党员花名册", firstRow: 4, lastRow: 79, lastCol: 19 }, names: NAMES };
  }
  const input = graft(new Uint8Array(readFileSync(join(REAL, label))), [
    { name: SMALL_ROSTER_SHEET, rows: smallRosterRows() },
    { name: USER_SUMMARY, rows: [["用户自己的汇总表"], ["合计", 3]] },
  ]);
  return { input, block: smallRosterBlock(), names: { ...NAMES, summary: `${USER_SUMMARY} (2)` } };
}

describeShared("real-xlsx", "applyPlan on real workbooks", () => {
  const files = existsSync(REAL) ? readdirSync(REAL).filter((f) => /\.xlsx$/i.test(f)).sort() : [];
  const labels = [...files, ...(existsSync(EXAMPLE) ? ["example"] : [])];
  const xmllint = hasXmllint();
  it("has the ten files and the example", () => expect(labels.length).toBe(11));

  describe.each(labels)("%s", (label) => {
    let c: Case;
    let plan: WritePlan;
    let out: Uint8Array;
    let rosterPart: string;
    let otherPart: string | undefined;
    beforeAll(() => {
      c = makeCase(label);
      const wb = openXlsx(c.input, label);
      rosterPart = wb.sheets.find((s) => s.name === c.block.sheet)!.part;
      // preferably one with conditional formats of its own (ours must go first and come out to the byte)
      const inParts = parts(c.input);
      const candidates = wb.sheets.filter((s) => s.kind === "worksheet" && s.name !== c.block.sheet && s.name !== USER_SUMMARY);
      const other = candidates.find((s) => strFromU8(inParts[s.part]).includes("<conditionalFormatting")) ?? candidates[0];
      if (other) {
        c.other = { sheet: other.name, firstRow: 2, lastRow: 12, lastCol: 6 };
        otherPart = other.part;
      }
      plan = fullPlan(c.block, writesFor(wb.readSheet(c.block.sheet), c.block, wb.date1904));
      if (c.other) plan = { ...plan, flags: [...plan.flags!, flagsFor(c.other)] };
      out = applyPlan(c.input, label, plan);
    });

    it("copies every part outside SPEC 9's list byte for byte, as its raw compressed bytes", () => {
      const allowed = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "docProps/app.xml",
        "docProps/core.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/calcChain.xml", rosterPart, relsPartFor(rosterPart), ...(otherPart ? [otherPart] : [])]);
      const d = diffParts(c.input, out);
      expect(d.changed.filter((n) => !allowed.has(n))).toEqual([]);
      expect(d.onlyA.filter((n) => n !== "xl/calcChain.xml")).toEqual([]);
      expect(d.onlyB.every((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toBe(true);
      expect(d.onlyB.length).toBe(PRODUCT_ROLES.length + 1);
      expect(d.changed).toContain(rosterPart);
      const zi = readZipIndex(c.input, "in");
      const zo = readZipIndex(out, "out");
      for (const e of zi.entries) {
        if (allowed.has(e.name)) continue;
        const o = zo.get(e.name)!;
        expect([e.name, o.method, same(entryData(c.input, e, "in"), entryData(out, o, "out"))]).toEqual([e.name, e.method, true]);
      }
    });

    (xmllint ? it : it.skip)("passes validate-xlsx.sh --against the input", () => {
      const r = validate(c.input, out);
      if (r.status !== 0) console.error(r.out);
      expect(r.status).toBe(0);
    });

    it("reads back the product sheets and the flag sheet", () => {
      const wb = openXlsx(out, "out");
      for (const ps of plan.sheets) {
        const name = c.names[ps.role];
        expect(wb.definedNames.get(`_RosterAssistant_${ps.role}`)).toBe(`'${name}'!$A$1`);
        const grid = wb.readSheet(name);
        ps.rows.forEach((row, r) => row.forEach((cell, col) => {
          if (cell && cell.v !== null) expect([r + 1, col + 1, grid.rows[r]?.[col]]).toEqual([r + 1, col + 1, cell.v]);
        }));
        expect(grid.formulaCells.size).toBe(ps.rows.flat().filter((x) => x?.f).length);
      }
      const flagName = /^'(.+)'!\$A\$1$/.exec(wb.definedNames.get("_RosterAssistant_flags")!)![1];
      const info = wb.sheets.find((s) => s.name === flagName)!;
      expect(info.state).toBe("veryHidden");
      const flags = wb.readSheet(flagName);
      let top = 0;
      plan.flags!.forEach((block, k) => {
        // Block k's key table: one row per entry (fingerprint, key), then the sentinel.
        block.entries.forEach((e, i) => expect([block.sheet, i, flags.rows[top + i]?.slice(0, 2)]).toEqual([block.sheet, i, [e.fp, e.key]]));
        expect(flags.rows[top + block.entries.length]?.[0]).toBe(2 ** 31);
        const height = block.entries.length + 1;
        expect(wb.definedNames.get(`_RosterAssistant_flagKeys${k + 1}`)).toBe(`'${flagName}'!$A$${top + 1}:$B$${top + height}`);
        top += height;
      });
      expect(text(out, rosterPart)).toContain(`T($F${c.block.firstRow})&amp;"|"&amp;T($B${c.block.firstRow})`);
      expect(text(out, rosterPart)).toContain("INDEX(_RosterAssistant_flagKeys1,0,1)");
      if (otherPart) expect(text(out, otherPart)).toContain("INDEX(_RosterAssistant_flagKeys2,0,1)");
    });

    it("ExcelJS reads the roster unchanged except the written cells", async () => {
      const before = await excelJsValues(c.input, c.block.sheet);
      const after = await excelJsValues(out, c.block.sheet);
      const written = new Map(plan.cellWrites.map((w) => [`${String.fromCharCode(64 + w.col)}${w.row}`, w.value]));
      for (const [ref, v] of written) {
        expect([ref, after.get(ref)]).toEqual([ref, v]);
        after.delete(ref);
        before.delete(ref);
      }
      expect(after).toEqual(before);
      expect(after.size).toBeGreaterThan(100);
    });

    it("re-applying the same plan changes nothing", () => {
      const again = applyPlan(out, "out", plan);
      expect(diffParts(out, again)).toEqual({ changed: [], onlyA: [], onlyB: [] });
    });

    it("clear removes every trace; without writes it gives back the input part for part", () => {
      const cleared = applyPlan(out, "out", CLEAR_PLAN);
      const wb = openXlsx(cleared, "cleared");
      expect(text(cleared, "xl/workbook.xml")).not.toContain("_RosterAssistant_");
      expect(wb.sheets.map((s) => s.name)).toEqual(openXlsx(c.input, "in").sheets.map((s) => s.name));
      expect(same(parts(cleared)["xl/styles.xml"], parts(c.input)["xl/styles.xml"])).toBe(true);
      const writesOnly = applyPlan(c.input, "in", { sheets: [], removeRoles: [], cellWrites: plan.cellWrites });
      expect(same(parts(cleared)[rosterPart], parts(writesOnly)[rosterPart])).toBe(true);

      const noWrites = applyPlan(c.input, "in", { ...plan, cellWrites: [] });
      expect(diffParts(c.input, applyPlan(noWrites, "out", CLEAR_PLAN))).toEqual({ changed: [], onlyA: [], onlyB: [] });
    });

    it("a revert plan puts the old values back", () => {
      const reverted = applyPlan(out, "out", revertPlan(plan));
      const wb = openXlsx(reverted, "reverted");
      const grid = wb.readSheet(c.block.sheet);
      for (const w of plan.cellWrites) expect([w.row, w.col, cellText(grid.rows[w.row - 1]?.[w.col - 1], wb.date1904)]).toEqual([w.row, w.col, w.expect]);
    });
  });
});
