// Counts by severity and issues grouped by code, as the Check tab shows them.
import { Issue } from "../../src/domain/schema";
import { groupIssues, issueCell, severityCounts } from "../../src/ui/issues";

const issue = (code: Issue["code"], severity: Issue["severity"], row: number, column = "F", sheet = "花名册"): Issue => ({
  sheet, row, column, field: "phone", code, severity, params: {}, value: "", message: "",
});

describe("severityCounts", () => {
  it.each([
    { issues: [], counts: { error: 0, warning: 0, info: 0 } },
    { issues: [issue("invalid_phone", "warning", 3)], counts: { error: 0, warning: 1, info: 0 } },
    {
      issues: [issue("duplicate_id", "error", 3), issue("duplicate_id", "error", 9), issue("legacy_id_upgraded", "info", 4), issue("invalid_phone", "warning", 5)],
      counts: { error: 2, warning: 1, info: 1 },
    },
  ])("$counts", ({ issues, counts }) => {
    expect(severityCounts(issues)).toEqual(counts);
  });
});

describe("groupIssues", () => {
  it("groups by code, errors before warnings before info, the spec's code order within a severity", () => {
    const issues = [
      issue("legacy_id_upgraded", "info", 2),
      issue("invalid_phone", "warning", 3),
      issue("duplicate_id", "error", 4),
      issue("missing_required", "error", 5),
      issue("invalid_phone", "warning", 6),
      issue("duplicate_id", "error", 7),
    ];
    const groups = groupIssues(issues);
    expect(groups.map((g) => [g.code, g.severity, g.issues.map((i) => i.row)])).toEqual([
      ["missing_required", "error", [5]],
      ["duplicate_id", "error", [4, 7]],
      ["invalid_phone", "warning", [3, 6]],
      ["legacy_id_upgraded", "info", [2]],
    ]);
  });

  it("keeps the issues' own order (sheet, row, column) within a group", () => {
    const issues = [issue("invalid_date", "error", 9, "H", "A"), issue("invalid_date", "error", 2, "I", "B"), issue("invalid_date", "error", 2, "H", "B")];
    expect(groupIssues(issues)[0].issues).toEqual(issues);
  });

  it("is empty for no issues", () => {
    expect(groupIssues([])).toEqual([]);
  });
});

describe("issueCell", () => {
  it.each([
    { column: "F", row: 7, cell: "F7" },
    { column: "AA", row: 1048576, cell: "AA1048576" },
  ])("$cell", ({ column, row, cell }) => {
    expect(issueCell({ column, row })).toBe(cell);
  });
});
