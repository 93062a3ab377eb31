// The real-world corpus itself (always runs): the generator is deterministic, writes workbooks our reader opens
// with the published headers, dropdowns in the published forms (inline, range, x14), and people whose IDs,
// birth dates and party dates are valid except where an error is planted.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { makeRealWorldCorpus, REAL_WORLD_OUT } from "../../scripts/make-real-world-corpus";
import { realWorldCorpus } from "../fixtures/real-world/corpus";
import { checkDigit } from "../fixtures/real-world/people";
import { allowedLabel, dropdownOf } from "../fixtures/real-world/vocabulary";
import { writeWorkbook } from "../fixtures/real-world/write-workbook";
import ExcelJS from "exceljs";
import { openXlsx } from "../../src/workbook/xlsx";

const corpus = realWorldCorpus();

/** The package without data validations, which ExcelJS expands cell by cell (a minute for E2:E1048576). */
function withoutValidations(bytes: Uint8Array): ArrayBuffer {
  const p = unzipSync(bytes);
  for (const name of Object.keys(p)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(p[name]!);
    p[name] = strToU8(
      xml.replace(/<dataValidations[\s\S]*?<\/dataValidations>/g, "").replace(/<extLst>[\s\S]*?<\/extLst>/g, ""),
    );
  }
  const z = zipSync(p);
  return z.buffer.slice(z.byteOffset, z.byteOffset + z.byteLength) as ArrayBuffer;
}

beforeAll(async () => {
  await makeRealWorldCorpus();
}, 60_000);

describe("real-world corpus generator", () => {
  it("holds at least 12 workbooks of every kind the issue names", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(12);
    const kinds = new Set(corpus.flatMap((f) => f.sheets.map((s) => s.kind)));
    for (const k of [
      "member roster",
      "development pipeline",
      "activists list",
      "probationary due list",
      "former members",
      "not a roster",
    ])
      expect(kinds).toContain(k);
  });

  it("writes the same bytes twice", async () => {
    const f = corpus[5]!;
    expect(Buffer.from(await writeWorkbook(f.workbook)).equals(readFileSync(join(REAL_WORLD_OUT, f.file)))).toBe(true);
  });

  it("writes x14 dropdowns on hidden sheets in at least two workbooks, as Excel does", () => {
    const withX14 = corpus.filter((f) => {
      const parts = unzipSync(readFileSync(join(REAL_WORLD_OUT, f.file)));
      const hidden = /state="hidden"/.test(strFromU8(parts["xl/workbook.xml"]!));
      return (
        hidden &&
        Object.entries(parts).some(
          ([k, v]) =>
            k.startsWith("xl/worksheets/") &&
            /<x14:dataValidation [^>]*><x14:formula1><xm:f>[^<]+!\$/.test(strFromU8(v)),
        )
      );
    });
    expect(withX14.length).toBeGreaterThanOrEqual(2);
  });

  it.each(corpus.map((f) => [f.file, f] as const))(
    "%s: our reader opens it and sees each expected sheet's header",
    (_n, f) => {
      const wb = openXlsx(readFileSync(join(REAL_WORLD_OUT, f.file)), f.file);
      const names = wb.sheets.map((s) => s.name);
      for (const s of f.sheets) expect(names).toContain(s.sheet);
    },
  );

  it.each(corpus.map((f) => [f.file, f] as const))(
    "%s: ExcelJS (an independent reader) reads every cell as written",
    async (_n, f) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(withoutValidations(readFileSync(join(REAL_WORLD_OUT, f.file))));
      for (const s of f.workbook.sheets) {
        const ws = wb.getWorksheet(s.name)!;
        expect(ws.state).toBe(s.hidden ? "hidden" : "visible");
        s.rows.forEach((row, ri) =>
          row.forEach((v, ci) => {
            const cell = ws.getCell(ri + 1, ci + 1);
            if (cell.master.address !== cell.address) return; // inside a merge: ExcelJS shows the master's value
            const got = cell.value;
            const want = v === null ? null : typeof v === "object" ? new Date(v.date + "T00:00:00Z") : v;
            expect([s.name, ri + 1, ci + 1, got]).toEqual([s.name, ri + 1, ci + 1, want]);
          }),
        );
      }
    },
  );

  it.each(corpus.map((f) => [f.file, f] as const))(
    "%s: valid rows hold valid IDs (check digit, birth date) and joins after 18",
    (_n, f) => {
      for (const s of f.workbook.sheets) {
        const exp = f.sheets.find((e) => e.sheet === s.name);
        if (!exp || exp.validRows.length === 0) continue;
        const header = s.rows.findIndex((r, i) => exp.personRows[0] !== undefined && i === exp.personRows[0] - 2);
        const heads = (s.rows[header] ?? []).map((c) => String(c ?? ""));
        const idCol = heads.findIndex((h) => /身份证/.test(h));
        const joinCol = heads.findIndex((h) => /^(入党时间|加入党组织日期)$/.test(h));
        for (const r of exp.validRows) {
          const row = s.rows[r - 1]!;
          if (idCol < 0) continue;
          const id = String(row[idCol]);
          expect([id, id.length, checkDigit(id.slice(0, 17))]).toEqual([id, 18, id[17]]);
          const join = row[joinCol];
          const iso =
            typeof join === "object" && join !== null ? join.date : typeof join === "string" ? join : undefined;
          if (iso) {
            const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
            expect(iso > `${Number(birth.slice(0, 4)) + 18}${birth.slice(4)}`).toBe(true);
          }
        }
      }
    },
  );

  it.each([
    ["06 人员类别 (x14 list on the hidden 字典 sheet)", "06_", "党员信息", "J", "离退休民警党员", true],
    ["06 人员类别: a coarser label is not in it", "06_", "党员信息", "J", "离退休", false],
    ["13 学历 (a range on hidden columns of the same sheet)", "13_", "Sheet1", "C", "21 大学", true],
    ["02 最高学历 (no dropdown: the column's own values)", "02_", "Sheet1", "L", "博士研究生", true],
    ["02 最高学历: 研究生 is not among them", "02_", "Sheet1", "L", "研究生", false],
  ] as const)("a column's vocabulary: %s", (_n, prefix, sheet, column, label, ok) => {
    const f = corpus.find((c) => c.file.startsWith(prefix))!;
    expect(allowedLabel(f, sheet, column, label)).toBe(ok);
    if (prefix === "02_") expect(dropdownOf(f, sheet, column)).toBeUndefined();
  });

  it("plants each error on a person row of its sheet, in a column of the sheet", () => {
    for (const f of corpus)
      for (const p of f.planted) {
        const s = f.sheets.find((e) => e.sheet === p.sheet)!;
        expect([f.file, s.personRows.includes(p.row)]).toEqual([f.file, true]);
        expect(p.column).toMatch(/^[A-Z]{1,2}$/);
      }
  });
});
