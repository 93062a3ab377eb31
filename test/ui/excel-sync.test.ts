// The 同步 panel's Excel use cases against the recording fake of the Excel object model: preview an incoming file,
// keep some changes, apply them as one logged batch, revert it; add a new member (Excel's row insert, as the fake
// holds it: test/fakes/fake-insert.ts); export CSV.
import iconv from "iconv-lite";
import { idCheckChar } from "../../scripts/example-text";
import { revertBatchInExcel } from "../../src/app/excel-fix";
import { applySyncInExcel, exportCsvInExcel, previewSyncInExcel } from "../../src/app/excel-sync";
import { readCsv } from "../../src/csv/read-csv";
import { Fake, installExcelFake } from "../fakes/excel-fake";

const TODAY = "2025-12-31";
const TIME = "2025-12-31T10:00:00+08:00";
const SHEET = "铁康社区党员名单";
const id = (first17: string) => first17 + idCheckChar(first17);
const ZHANG = id("22070219650315123");
const LI = id("22070219700101122");
const HEADER = ["序号", "姓名", "性别", "身份证号", "入党时间", "所在支部", "联系电话", "家庭住址", "状态"];

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function roster(): Fake {
  const fake = new Fake({ sheets: [SHEET] });
  uninstall = installExcelFake(fake);
  fake.putRows(SHEET, 1, [
    HEADER,
    [1, "张三", "男", ZHANG, "1990-03-05", "铁康社区", "13812345678", "铁康小区1号", "正常"],
    [2, "李四", "女", LI, "1995-07-01", "铁康社区", 13912345678, "铁康小区2号", "正常"],
  ]);
  return fake;
}

const incoming = () => {
  const csv = [HEADER.join(","), `1,张三,男,${ZHANG},1990-03-05,铁康社区,13800000001,=1+2,正常`, `2,李四,女,${LI},1995-07-01,铁康社区,13800000002,,转出`].join("\r\n");
  return { name: "铁康社区.csv", bytes: new Uint8Array(iconv.encode(csv, "gbk")) };
};

describe("sync in Excel", () => {
  it("previews, applies the kept updates as one batch (text stays text), reverts it exactly", async () => {
    const fake = roster();
    const file = incoming();
    const preview = await previewSyncInExcel(file, { today: TODAY });
    expect(preview.incoming.encoding).toBe("gb18030");
    const r = preview.diff.report;
    expect(r.updated.map((u) => `${u.name} ${u.field} ${u.to}`)).toEqual(["张三 phone 13800000001", "张三 address =1+2", "李四 phone 13800000002", "李四 status 转出"]);
    const accept = { ...r, updated: r.updated.map((u) => (u.field === "status" ? { ...u, accept: false } : u)) };
    const out = await applySyncInExcel(file, accept, { today: TODAY, time: TIME });
    expect(out).toMatchObject({ batch: 1, updates: 3, additions: 0 });
    expect(fake.cell(SHEET, "G2").value).toBe("13800000001");
    expect(fake.cell(SHEET, "H2").value).toBe("=1+2");
    expect(fake.cell(SHEET, "H2").formula ?? "").not.toMatch(/^=1\+2$/);
    expect(fake.cell(SHEET, "I3").value).toBe("正常");
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(["修改记录", "名册问题", "名册汇总"]));

    const reverted = await revertBatchInExcel({ today: TODAY, time: TIME, batch: 1 });
    expect(reverted.batch).toBe(1);
    expect(fake.cell(SHEET, "G2").value).toBe("13812345678");
    expect(fake.cell(SHEET, "H2").value).toBe("铁康小区1号");
    expect(fake.cell(SHEET, "G3").value).toBe(13912345678);
  });

  /** The roster with a totals row under its two members, and a GBK CSV adding 王五 synced into it. */
  async function addWang() {
    const fake = roster();
    fake.putRows(SHEET, 4, [["合计", { f: "=COUNTA(B2:B3)" }]]);
    const WANG = id("22070219800101123");
    const csv = [HEADER.join(","), `3,王五,男,${WANG},2001-07-01,铁康社区,13800000003,铁康小区3号,正常`].join("\r\n");
    const file = { name: "新增.csv", bytes: new Uint8Array(iconv.encode(csv, "gbk")) };
    const preview = await previewSyncInExcel(file, { today: TODAY });
    const out = await applySyncInExcel(file, { ...preview.diff.report, updated: [] }, { today: TODAY, time: TIME });
    return { fake, WANG, preview, out };
  }

  it("adds a new member on a row of its own, above a totals row, and the total takes it in", async () => {
    const { fake, WANG, preview, out } = await addWang();
    expect(preview.diff.report.added.map((a) => a.name)).toEqual(["王五"]);
    expect(out).toMatchObject({ additions: 1 });
    expect([fake.cell(SHEET, "B4").value, fake.cell(SHEET, "D4").value]).toEqual(["王五", WANG]);
    expect([fake.cell(SHEET, "A5").value, fake.cell(SHEET, "B5").formula]).toEqual(["合计", "=COUNTA(B2:B4)"]);
    expect([fake.cell(SHEET, "B2").value, fake.cell(SHEET, "B3").value]).toEqual(["张三", "李四"]);

    // undoing the sync deletes the row it inserted (no blank row left), the total as it was
    await revertBatchInExcel({ today: TODAY, time: TIME, batch: out.batch });
    expect([fake.cell(SHEET, "A4").value, fake.cell(SHEET, "B4").formula]).toEqual(["合计", "=COUNTA(B2:B3)"]);
    expect([fake.cell(SHEET, "B2").value, fake.cell(SHEET, "B3").value, fake.cell(SHEET, "B5").value]).toEqual(["张三", "李四", undefined]);
  });

  it("undoing a sync keeps an inserted row a clerk has typed into since (never a value lost)", async () => {
    const { fake, out } = await addWang();
    fake.put(SHEET, "K4", "待核实");
    await revertBatchInExcel({ today: TODAY, time: TIME, batch: out.batch });
    expect([fake.cell(SHEET, "B4").value, fake.cell(SHEET, "K4").value]).toEqual([undefined, "待核实"]);
    expect([fake.cell(SHEET, "A5").value, fake.cell(SHEET, "B5").formula]).toEqual(["合计", "=COUNTA(B2:B4)"]);
  });

  it("exports the tables as UTF-8 CSV with IDs masked", async () => {
    roster();
    const files = await exportCsvInExcel({ today: TODAY, maskIds: true });
    expect(files.map((f) => f.name)).toEqual([`${SHEET}.csv`, "名册汇总.csv"]);
    const rows = readCsv(files[0].bytes, "x.csv").grid.rows;
    expect(rows[1]?.[3]).toBe(`${ZHANG.slice(0, 6)}********${ZHANG.slice(-4)}`);
  });
});
