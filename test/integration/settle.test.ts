// The fix's settle points (WriteOptions.settle: the CLI's full collection): called where the first check is let go
// and again before the writer, and only by a fix that writes; the CLI's collection keeps every byte of the output.
import { checkAndWrite } from "../../src/app/write-workbook";
import { WRITE } from "../../src/cli/check-command";
import { fullCollection } from "../../src/cli/full-collection";
import { buildXlsx, escapeXml } from "../workbook/xlsx-builder";

const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
/** 李四's 入党时间 1980.03.05 is a text date a fix writes as 1980-03-05; 张三's row has nothing to fix. */
const roster = (second: string) => buildXlsx({ sheets: [{ name: "名册", rows:
  `<row r="1">${cell("A1", "姓名")}${cell("B1", "性别")}${cell("C1", "入党时间")}</row>` +
  `<row r="2">${cell("A2", "张三")}${cell("B2", "男")}${cell("C2", "1985-07-01")}</row>` +
  `<row r="3">${cell("A3", "李四")}${cell("B3", "女")}${cell("C3", second)}</row>` }] });
const OPTS = { time: "2025-12-31 10:00:00" };

describe("settle points of roster check --out --fix", () => {
  const cases: [string, string, boolean, number][] = [
    ["a fix that writes: the first check let go, then before the writer", "1980.03.05", true, 2],
    ["a fix with nothing to write: none", "1980-03-05", true, 0],
    ["--out alone: none", "1980.03.05", false, 0],
  ];
  test.each(cases)("%s", async (_, joined, fix, calls) => {
    let n = 0;
    await checkAndWrite(roster(joined), "t.xlsx", { today: "2025-12-31", fix }, { ...OPTS, settle: () => void n++ });
    expect(n).toBe(calls);
  });

  it("the CLI's full collection leaves the written workbook as it was without it", async () => {
    const bytes = roster("1980.03.05");
    const plain = await checkAndWrite(bytes, "t.xlsx", { today: "2025-12-31", fix: true }, { ...OPTS, compressor: WRITE.compressor });
    const settled = await checkAndWrite(bytes, "t.xlsx", { today: "2025-12-31", fix: true }, { ...OPTS, compressor: WRITE.compressor, settle: WRITE.settle });
    expect(Buffer.from(settled.output).equals(Buffer.from(plain.output))).toBe(true);
    expect(() => fullCollection()).not.toThrow();
  });
});
