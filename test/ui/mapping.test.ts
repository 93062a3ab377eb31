// The Settings tab's column mapping: which settings rows a change of the dropdowns means, and clashing choices.
import { FieldCode } from "../../src/domain/fields";
import { MAPPABLE_FIELDS, MappingChoices, RosterMappingView, clashingColumns, overridesToSave } from "../../src/ui/mapping";

const roster: RosterMappingView = {
  sheet: "花名册",
  headers: [
    { column: "A", text: "序号" }, { column: "B", text: "姓名" }, { column: "C", text: "证件" }, { column: "D", text: "入党时间" },
    { column: "E", text: "电话" }, { column: "F", text: "备注" }, { column: "G", text: "备注" }, { column: "H", text: "ID" },
  ],
  columns: { ignored: "A", name: "B", joinDate: "D", phone: "E", note: "F" } as Partial<Record<FieldCode, string>>,
};

describe("overridesToSave", () => {
  it.each<{ name: string; choices: MappingChoices; rows: { field: string; header: string }[] }>([
    { name: "nothing changed", choices: {}, rows: [] },
    { name: "a choice equal to what was detected", choices: { name: "B" }, rows: [] },
    { name: "an unmapped column given a field: named by its header", choices: { idNumber: "C" }, rows: [{ field: "idNumber", header: "证件" }] },
    { name: "a field moved to another column", choices: { phone: "C" }, rows: [{ field: "phone", header: "证件" }] },
    { name: "a field set to no column: its column ignored", choices: { phone: "" }, rows: [{ field: "ignored", header: "电话" }] },
    { name: "a header the row has twice: named by its letter", choices: { address: "G" }, rows: [{ field: "address", header: "G" }] },
    { name: "a header that reads as a column letter: named by its letter", choices: { idNumber: "H" }, rows: [{ field: "idNumber", header: "H" }] },
    {
      name: "several at once, in field order",
      choices: { phone: "", idNumber: "C", workUnit: "G" },
      rows: [{ field: "idNumber", header: "证件" }, { field: "ignored", header: "电话" }, { field: "workUnit", header: "G" }],
    },
  ])("$name", ({ choices, rows }) => {
    expect(overridesToSave(roster, choices)).toEqual(rows);
  });
});

describe("clashingColumns", () => {
  it.each<{ name: string; choices: MappingChoices; clashes: { column: string; fields: string[] }[] }>([
    { name: "none as detected", choices: {}, clashes: [] },
    { name: "a column chosen for a second field", choices: { idNumber: "B" }, clashes: [{ column: "B", fields: ["name", "idNumber"] }] },
    { name: "the clash undone by moving the first field away", choices: { idNumber: "B", name: "C" }, clashes: [] },
    { name: "no column is never a clash", choices: { name: "", phone: "" }, clashes: [] },
  ])("$name", ({ choices, clashes }) => {
    expect(clashingColumns(roster, choices)).toEqual(clashes);
  });
});

it("every field but `ignored` can be mapped", () => {
  expect(MAPPABLE_FIELDS).not.toContain("ignored");
  expect(MAPPABLE_FIELDS).toContain("idNumber");
  expect(MAPPABLE_FIELDS).toHaveLength(28);
});
