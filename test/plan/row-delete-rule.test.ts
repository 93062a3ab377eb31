// A sync's revert deletes the rows the sync inserted (logged as an insertedRows entry), those left empty once its
// cell writes are done: one rule for both back ends. Regression: the revert used to leave them in place, emptied.
import { ChangeLogEntry, INSERTED_ROWS_FIELD, readChangeLog } from "../../src/plan/change-log";
import { planRevert } from "../../src/plan/plan-check";
import { rowsLeftEmpty } from "../../src/plan/row-delete-rule";
import { RowDelete } from "../../src/plan/write-plan";
import { SheetGrid } from "../../src/domain/grid";
import { grid } from "../helpers/grid";
import { toGridRows } from "./sheet-eval";

const TIME = "2026-01-05 09:30:00";
const LATER = "2026-01-06 08:00:00";
const entry = (over: Partial<ChangeLogEntry>): ChangeLogEntry => ChangeLogEntry.parse({
  batch: 1, time: TIME, source: "sync:铁安社区.csv", sheet: "花名册", cell: "B11", key: "", field: "name", from: "", to: "钱新民", reverted: false, ...over,
});

describe("rowsLeftEmpty", () => {
  const del: RowDelete = { sheet: "花名册", first: 11, count: 3 };
  it.each<[string, number[], RowDelete[]]>([
    ["every inserted row left empty: all deleted", [], [del]],
    ["a row a clerk typed into since stays; the runs around it go, the lower first", [12], [{ sheet: "花名册", first: 13, count: 1 }, { sheet: "花名册", first: 11, count: 1 }]],
    ["none left empty: none deleted", [11, 12, 13], []],
  ])("%s", (_l, filled, runs) => {
    expect(rowsLeftEmpty([del], (_s, r) => !filled.includes(r))).toEqual(runs);
  });
});

describe("planRevert of a sync batch", () => {
  const log: ChangeLogEntry[] = [
    entry({ cell: "H3", key: "220702199001011234", field: "phone", from: "13812345678", to: "13800000001" }),
    entry({ cell: "A11", field: INSERTED_ROWS_FIELD, from: "", to: 2 }),
    entry({ cell: "B11", key: "220702199001151235", field: "name", to: "钱新民" }),
    entry({ cell: "B12", key: "220702199102021236", field: "name", to: "孙新华" }),
  ];

  it("puts the values back and deletes the rows the sync inserted", () => {
    const plan = planRevert(log, 1, { lang: "zh-CN", time: LATER });
    expect(plan.cellWrites.map((w) => `${w.row}:${w.col}=${w.value}`)).toEqual(["12:2=", "11:2=", "3:8=13812345678"]);
    expect(plan.rowDeletes).toEqual([{ sheet: "花名册", first: 11, count: 2 }]);
  });

  it("logs the rows' deletion in the revert's batch, read back as written", () => {
    const plan = planRevert(log, 1, { lang: "zh-CN", time: LATER });
    const sheet = plan.sheets.find((s) => s.role === "changelog")!;
    const back = readChangeLog(grid(sheet.name, toGridRows(sheet)) as SheetGrid, false);
    expect(back.filter((e) => e.batch === 2 && e.field === INSERTED_ROWS_FIELD)).toEqual([
      { ...log[1], batch: 2, time: LATER, source: "revert", from: 2, to: "" },
    ]);
  });

  it("a fix's batch (no rows inserted) deletes no row", () => {
    const fix = [entry({ source: "fix", cell: "H3", field: "phone", from: "１３８", to: "138" })];
    expect(planRevert(fix, 1, { lang: "zh-CN", time: LATER }).rowDeletes).toBeUndefined();
  });
});
