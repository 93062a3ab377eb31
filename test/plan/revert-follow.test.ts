// A revert puts each value back into its member's row as it is now: a clerk who fixed a roster, then sorted it by
// name (or deleted a row above) and ran revert was refused at the first moved cell (H77 shows another member's date).
// The entry moves only to the one row whose member has its key and whose cell shows what the batch wrote.
import { Member } from "../../src/domain/schema";
import { SheetGrid } from "../../src/domain/grid";
import { ChangeLogEntry, readChangeLog } from "../../src/plan/change-log";
import { RosterGrids } from "../../src/plan/flags";
import { memberKey, planRevert } from "../../src/plan/plan-check";
import { followMembers } from "../../src/plan/revert-follow";
import { grid } from "../helpers/grid";
import { toGridRows } from "./sheet-eval";

const entry = (over: Partial<ChangeLogEntry>): ChangeLogEntry => ({
  batch: 1, time: "2026-12-05T10:00:00+08:00", source: "fix", sheet: "花名册", cell: "C2", key: "王五", field: "joinDate",
  from: "2001.7.1", to: "2001-07-01", reverted: false, ...over,
});
const member = (row: number, name: string): Member => ({ sheet: "花名册", row, name, idNumber: null }) as unknown as Member;

// the fixed roster, sorted since: 王五 (fixed at row 2) is now on row 4
const sorted: RosterGrids = new Map([["花名册", grid("花名册", [
  ["姓名", "支部", "入党时间"],
  ["张三", "一支部", "1999-03-01"],
  ["李四", "一支部", "2001-07-01"],
  ["王五", "二支部", "2001-07-01"],
])]]);
const members = [member(2, "张三"), member(3, "李四"), member(4, "王五")];

describe("followMembers: where a revert writes an entry back", () => {
  it.each<[string, ChangeLogEntry[], Member[], string]>([
    ["the member's row moved: its row now", [entry({})], members, "C4"],
    ["the logged cell still shows the fix: kept", [entry({ cell: "C3", key: "李四" })], members, "C3"],
    ["two rows with the key show it: kept (refused later)", [entry({})], [...members, member(3, "王五")], "C2"],
    ["the member's cell edited since: kept (refused later)", [entry({ to: "2001-07-02" })], members, "C2"],
    ["no key: kept", [entry({ key: "" })], members, "C2"],
    ["a sync that inserted rows: kept", [entry({}), entry({ field: "insertedRows", cell: "A5", from: "", to: 1 })], members, "C2"],
  ])("%s", (_l, log, ms, cell) => {
    expect(followMembers(log, 1, ms, memberKey, sorted, false)(log[0])).toBe(cell);
  });

  it("planRevert writes the moved cell and logs the revert there, the fix's own entry as it was", () => {
    const log = [entry({})];
    const plan = planRevert(log, 1, { lang: "zh-CN", time: "2026-12-05T11:00:00+08:00", cellOf: followMembers(log, 1, members, memberKey, sorted, false) });
    expect(plan.cellWrites).toEqual([{ sheet: "花名册", row: 4, col: 3, value: "2001.7.1", expect: "2001-07-01" }]);
    const sheet = plan.sheets.find((s) => s.role === "changelog")!;
    const logged = readChangeLog(grid(sheet.name, toGridRows(sheet)) as SheetGrid, false);
    expect(logged.map((e) => [e.source, e.cell, e.reverted])).toEqual([["fix", "C2", true], ["revert", "C4", false]]);
  });
});
