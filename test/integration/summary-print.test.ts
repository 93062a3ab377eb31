// The example's summary sheet printed by LibreOffice (to PDF, read back with pdftotext): each table whole on its page,
// no caption at a page foot, the signature line on a page with the last table; the file's page breaks the plan's.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkAndWrite } from "../../src/app/write-workbook";
import { hasTool, parts } from "../helpers/package-parts";
import { unoPython } from "../helpers/lo-clerk";
import { openXlsx } from "../../src/workbook/xlsx";

const EXAMPLE = join(__dirname, "../../examples/铁西街党员花名册.xlsx");
const python = hasTool("pdftotext") ? unoPython() : undefined;
const CAPTION = /^[一二三四五六七八九十]+、/;

(python ? describe : describe.skip)("the summary sheet prints as a report", () => {
  let pages: string[][];
  let breaks: number[];
  beforeAll(async () => {
    const { output } = await checkAndWrite(readFileSync(EXAMPLE), "example.xlsx", { today: "2025-12-31", asOf: "2025-12-31" }, { time: "2025-12-31 10:00:00" });
    const dir = mkdtempSync(join(tmpdir(), "print-"));
    writeFileSync(join(dir, "out.xlsx"), output);
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const r = spawnSync(python!, [join(__dirname, "../helpers/lo-sheet-pdf.py"), join(dir, "out.xlsx"), "名册汇总", join(dir, "sum.pdf"), port], { encoding: "utf8", timeout: 300_000 });
    if (r.status !== 0) throw new Error(`lo-sheet-pdf.py failed: ${r.stderr.slice(-2000)}`);
    const txt = spawnSync("pdftotext", ["-layout", join(dir, "sum.pdf"), "-"], { encoding: "utf8" }).stdout;
    pages = txt.split("\f").map((p) => p.split("\n").map((l) => l.trim()).filter((l) => l !== "")).filter((p) => p.length > 0);
    const book = openXlsx(output, "out.xlsx");
    const part = book.sheets.find((s) => s.name === "名册汇总")!.part;
    breaks = [...Buffer.from(parts(output).get(part)!).toString("utf8").matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
  }, 600_000);

  it("the file carries manual page breaks, and LibreOffice prints more than one page", () => {
    expect(breaks.length).toBeGreaterThan(0);
    expect(pages.length).toBe(breaks.length + 1);
  });

  it("each table, caption to last row, is on one page; no page ends with a caption", () => {
    const lines = pages.flatMap((p, i) => p.map((text) => ({ page: i, text })));
    const captions = lines.map((l, i) => (CAPTION.test(l.text) ? i : -1)).filter((i) => i >= 0);
    expect(captions.length).toBe(9);
    captions.forEach((start, k) => {
      const end = k + 1 < captions.length ? captions[k + 1] - 1 : lines.length - 1;
      const onPages = new Set(lines.slice(start, end + 1).map((l) => l.page));
      expect([lines[start].text, [...onPages]]).toEqual([lines[start].text, [lines[start].page]]);
    });
    for (const p of pages) expect(CAPTION.test(p[p.length - 1])).toBe(false);
  });

  it("the signature line shares its page with the last table", () => {
    const last = pages[pages.length - 1];
    expect(last[last.length - 1]).toMatch(/^填表人/);
    expect(last.some((l) => CAPTION.test(l))).toBe(true);
  });
});
