// Duplicate IDs across rows (check-cross.ts): the hash table finds what a plain Map of first rows finds, in the
// same order, for repeats, triples, IDs of other lengths and strings that are equal but built apart.
import fc from "fast-check";
import { checkDuplicateIds, idHash } from "../../src/domain/check-cross";
import { RowScopeless, issueAt } from "../../src/domain/issue-at";
import { Member, RawIssue } from "../../src/domain/schema";

const at: RowScopeless = { column: () => 5, text: (sheet, row) => `${sheet}!${row}` };

function member(sheet: string, row: number, idNumber: string | null): Member {
  return {
    sheet, row, name: "张三", gender: null, ethnicity: null, birthDate: null, idNumber, education: null, joinDate: null,
    fullMemberDate: null, category: null, membershipType: null, branch: null, phone: null, address: null, workUnit: null,
    employment: null, status: null,
  };
}

/** The rule as first written: a Map of each ID's first member, the first flagged once. */
function reference(members: readonly Member[]): RawIssue[] {
  const issues: RawIssue[] = [];
  const first = new Map<string, Member>();
  const flagged = new Set<Member>();
  for (const m of members) {
    if (!m.idNumber || m.idNumber.length !== 18) continue;
    const other = first.get(m.idNumber);
    if (!other) {
      first.set(m.idNumber, m);
      continue;
    }
    issues.push(issueAt(at, m, "idNumber", "duplicate_id", { otherSheet: other.sheet, otherRow: other.row }));
    if (!flagged.has(other)) {
      flagged.add(other);
      issues.push(issueAt(at, other, "idNumber", "duplicate_id", { otherSheet: m.sheet, otherRow: m.row }));
    }
  }
  return issues;
}

const found = (members: readonly Member[]): RawIssue[] => {
  const issues: RawIssue[] = [];
  checkDuplicateIds(members, at, issues);
  return issues;
};

describe("checkDuplicateIds", () => {
  it("flags both rows of a repeat, a triple's first row once, and only 18-character IDs", () => {
    const id = "110101199003074514";
    const members = [
      member("A", 2, id), member("A", 3, "11010119900307451"), member("B", 4, ["1101011990", "03074514"].join("")),
      member("A", 5, null), member("A", 6, id), member("A", 7, "11010119900307451"), member("A", 8, ""),
    ];
    const issues = found(members);
    expect(issues.map((i) => [i.sheet, i.row, i.params])).toEqual([
      ["B", 4, { otherSheet: "A", otherRow: 2 }],
      ["A", 2, { otherSheet: "B", otherRow: 4 }],
      ["A", 6, { otherSheet: "A", otherRow: 2 }],
    ]);
    expect(issues).toEqual(reference(members));
  });

  it("agrees with the Map of first rows on any list of IDs (many alike, some colliding in few slots)", () => {
    const id = fc.oneof(
      fc.constantFrom("110101199003074514", "11010119900307451X", "440524188001010014", "123", null),
      fc.stringMatching(/^[0-9X]{18}$/),
      fc.integer({ min: 0, max: 40 }).map((n) => `1101011990030745${String(n).padStart(2, "0")}`),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 200 }), (ids) => {
        const members = ids.map((x, i) => member(i % 3 ? "A" : "B", i + 2, x));
        expect(found(members)).toEqual(reference(members));
      }),
      { numRuns: 300 },
    );
  });

  it("finds every repeat among 20,000 members", () => {
    const members = Array.from({ length: 20_000 }, (_, i) => member("A", i + 2, `110101${19000000 + (i % 15_000)}${String(i % 15_000 % 7).padStart(4, "0")}`));
    const issues = found(members);
    expect(issues).toHaveLength(10_000);
    expect(issues).toEqual(reference(members));
  });

  it("finds the same with the hashes made beforehand (as the row pass makes them), colliding hashes included", () => {
    const members = Array.from({ length: 2_000 }, (_, i) => member("A", i + 2, i % 50 === 7 ? null : `110101${19000000 + (i % 1_500)}${String(i % 1_500 % 7).padStart(4, "0")}`));
    const issues: RawIssue[] = [];
    checkDuplicateIds(members, at, issues, members.map((m) => idHash(m.idNumber)));
    expect(issues).toHaveLength(reference(members).length);
    expect(issues).toEqual(reference(members));
    // every hash alike: the IDs themselves still decide
    const same: RawIssue[] = [];
    checkDuplicateIds(members, at, same, members.map((m) => (idHash(m.idNumber) === 0 ? 0 : 5)));
    expect(same).toEqual(reference(members));
  });
});
