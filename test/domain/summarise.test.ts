import { Member } from "../../src/domain/schema";
import { Summary, Tallies } from "../../src/domain/summary-schema";
import { MemberTallies, isCurrentMember, membershipTypeOf, summarise, summariseWithTallies, tallyEmployment } from "../../src/domain/summarise";
import { AGE_BAND_KEYS, STANDING_BAND_KEYS } from "../../src/domain/age-bands";
import { CATEGORY } from "../../src/domain/vocabulary";

const AS_OF = "2025-12-31";
let nextRow = 2;

function member(over: Partial<Member> = {}): Member {
  return {
    sheet: "铁康社区", row: nextRow++, name: "张三", gender: "male", ethnicity: "汉族", birthDate: "1970-05-01",
    idNumber: null, education: "high_school", joinDate: "2000-07-01", fullMemberDate: "2001-07-01",
    category: "resident", membershipType: null, branch: "铁康社区", phone: null, address: null, workUnit: null,
    employment: "employed", status: "normal", ...over,
  };
}

const one = (over: Partial<Member>, asOf = AS_OF): Summary => summarise([member(over)], asOf);
const keyWithOne = (map: Record<string, number>): string[] => Object.keys(map).filter((k) => map[k] === 1);

describe("summarise: schema", () => {
  it("produces a Summary the zod schema accepts, empty roster included", () => {
    expect(Summary.safeParse(summarise([], AS_OF)).success).toBe(true);
    expect(Summary.safeParse(summarise([member(), member({ status: "deceased" })], AS_OF)).success).toBe(true);
  });

  it("rejects an asOf that is not yyyy-mm-dd (a programming mistake)", () => {
    expect(() => summarise([], "2025-12")).toThrow(/asOf/);
  });
});

describe("summarise: byAgeBand as of asOf", () => {
  it.each([
    { birthDate: "1995-12-31", asOf: AS_OF, band: "<=30" }, // 30 today
    { birthDate: "1994-12-31", asOf: AS_OF, band: "31-35" }, // 31 today
    { birthDate: "1995-01-01", asOf: AS_OF, band: "<=30" },
    { birthDate: "1990-12-31", asOf: AS_OF, band: "31-35" }, // 35
    { birthDate: "1989-12-31", asOf: AS_OF, band: "36-40" }, // 36
    { birthDate: "1955-12-31", asOf: AS_OF, band: "66-70" }, // 70
    { birthDate: "1954-12-31", asOf: AS_OF, band: ">=71" }, // 71 today
    { birthDate: "1955-01-01", asOf: AS_OF, band: "66-70" }, // still 70
    { birthDate: "1930-06-15", asOf: AS_OF, band: ">=71" },
    { birthDate: "1995-12", asOf: AS_OF, band: "<=30" }, // month precision: 1st of the month
    { birthDate: "1994-12", asOf: AS_OF, band: "31-35" },
    { birthDate: "1994-12", asOf: "2025-11-30", band: "<=30" }, // birthday month not reached yet
    { birthDate: null, asOf: AS_OF, band: "unknown" },
    { birthDate: "2026-01-01", asOf: AS_OF, band: "unknown" }, // born after asOf: a data error, not a band
    // born on 02-29: the birthday falls on 02-28 in a common year, on 02-29 in a leap year
    { birthDate: "1992-02-29", asOf: "2023-02-28", band: "31-35" }, // 31 on 02-28
    { birthDate: "1992-02-29", asOf: "2023-02-27", band: "<=30" },
    { birthDate: "1992-02-29", asOf: "2024-02-28", band: "31-35" }, // 31, not yet 32: a leap year has its 02-29
    { birthDate: "1989-02-28", asOf: "2020-02-27", band: "<=30" },
    { birthDate: "1989-02-28", asOf: "2020-02-28", band: "31-35" },
  ])("born $birthDate, as of $asOf -> $band", ({ birthDate, asOf, band }) => {
    expect(keyWithOne(one({ birthDate }, asOf).byAgeBand)).toEqual([band]);
  });

  it("lists every band, zeros too, in print order", () => {
    expect(Object.keys(summarise([], AS_OF).byAgeBand)).toEqual(AGE_BAND_KEYS);
    expect(AGE_BAND_KEYS).toEqual(["<=30", "31-35", "36-40", "41-45", "46-50", "51-55", "56-60", "61-65", "66-70", ">=71", "unknown"]);
  });
});

describe("summarise: byPartyStanding", () => {
  it.each([
    { joinDate: "2024-01-01", fullMemberDate: "2025-01-01", membershipType: null, band: "<1" },
    { joinDate: "2023-12-31", fullMemberDate: "2024-12-31", membershipType: null, band: "1-5" }, // 1 year today
    { joinDate: "2019-12-31", fullMemberDate: "2020-12-31", membershipType: null, band: "1-5" }, // 5
    { joinDate: "2018-12-31", fullMemberDate: "2019-12-31", membershipType: null, band: "6-10" }, // 6
    { joinDate: "1995-12-31", fullMemberDate: "1996-12-31", membershipType: null, band: "21-30" }, // 29
    { joinDate: "1974-12-31", fullMemberDate: "1975-12-31", membershipType: null, band: "41-50" }, // 50
    { joinDate: "1973-12-31", fullMemberDate: "1974-12-31", membershipType: null, band: ">=51" }, // 51
    // no fullMemberDate: joinDate + 1 year
    { joinDate: "2022-12-31", fullMemberDate: null, membershipType: "full", band: "1-5" }, // from 2023-12-31: 2
    { joinDate: "2014-12-31", fullMemberDate: null, membershipType: null, band: "6-10" }, // from 2015-12-31: 10
    { joinDate: "2014-12-30", fullMemberDate: null, membershipType: null, band: "6-10" },
    { joinDate: "2013-12-31", fullMemberDate: null, membershipType: null, band: "11-20" }, // 11
    { joinDate: "2024-06-01", fullMemberDate: null, membershipType: null, band: "<1" }, // type unknown: standing still counts from joinDate + 1 year
    // probationary members are counted apart
    { joinDate: "2025-03-01", fullMemberDate: null, membershipType: "probationary", band: "probationary" },
    { joinDate: "2025-03-01", fullMemberDate: null, membershipType: null, band: "probationary" }, // inferred
    { joinDate: "2020-03-01", fullMemberDate: null, membershipType: "probationary", band: "probationary" }, // as typed
    { joinDate: null, fullMemberDate: null, membershipType: null, band: "unknown" },
    { joinDate: "2024-01-01", fullMemberDate: "2026-01-01", membershipType: null, band: "probationary" }, // made full only after asOf: probationary then
  ] as const)("joined $joinDate, full $fullMemberDate, type $membershipType -> $band", ({ band, ...over }) => {
    expect(keyWithOne(one(over).byPartyStanding)).toEqual([band]);
  });

  it.each([
    // joined on 02-29: full from 02-28 of the next year
    { joinDate: "2016-02-29", fullMemberDate: "2017-02-28", asOf: "2023-02-28", band: "6-10" }, // 6
    { joinDate: "2016-02-29", fullMemberDate: "2017-02-28", asOf: "2023-02-27", band: "1-5" }, // 5
    { joinDate: "2016-02-29", fullMemberDate: null, asOf: "2023-02-28", band: "6-10" }, // from 2017-02-28: 6
    { joinDate: "2016-02-29", fullMemberDate: null, asOf: "2023-02-27", band: "1-5" },
    { joinDate: "2015-02", fullMemberDate: null, asOf: "2022-02-01", band: "6-10" }, // a month: from 2016-02-01
    { joinDate: "2015-02", fullMemberDate: null, asOf: "2022-01-31", band: "1-5" },
  ])("joined $joinDate, full $fullMemberDate, as of $asOf -> $band", ({ band, asOf, ...dates }) => {
    expect(keyWithOne(one({ ...dates, membershipType: "full" }, asOf).byPartyStanding)).toEqual([band]);
  });

  it("lists every band, probationary and unknown, zeros too", () => {
    expect(Object.keys(summarise([], AS_OF).byPartyStanding)).toEqual(STANDING_BAND_KEYS);
    expect(STANDING_BAND_KEYS).toEqual(["<1", "1-5", "6-10", "11-20", "21-30", "31-40", "41-50", ">=51", "probationary", "unknown"]);
  });
});

describe("summarise: membership type", () => {
  it.each([
    { over: { membershipType: "probationary" as const }, type: "probationary" },
    // marked full, but inside the probation year as of the report date: probationary then (issue 9, item 9)
    { over: { membershipType: "full" as const, joinDate: "2025-06-01", fullMemberDate: null }, type: "probationary" },
    { over: { membershipType: "full" as const, joinDate: "2024-06-01", fullMemberDate: null }, type: "full" },
    { over: { membershipType: null, joinDate: "2023-06-01", fullMemberDate: "2026-03-01" }, type: "probationary" }, // full only later
    { over: { membershipType: null, joinDate: "2025-06-01", fullMemberDate: null }, type: "probationary" },
    { over: { membershipType: null, joinDate: "2024-12-31", fullMemberDate: null }, type: "probationary" }, // exactly a year
    // no evidence of full membership: unknown, not "full" (issue 7, item 5)
    { over: { membershipType: null, joinDate: "2024-12-30", fullMemberDate: null }, type: null },
    { over: { membershipType: null, joinDate: "2025-06-01", fullMemberDate: "2025-11-01" }, type: "full" },
    { over: { membershipType: null, joinDate: null, fullMemberDate: null }, type: null },
    { over: { membershipType: null, joinDate: "2026-02-01", fullMemberDate: null }, type: null }, // joined after asOf
    // An earlier report date: the column says what is true now; the dates say what was true then.
    { over: { membershipType: "full" as const, joinDate: "2025-09-01", fullMemberDate: "2026-09-01" }, type: "probationary" }, // full only after asOf
    { over: { membershipType: "full" as const, joinDate: "2026-03-01", fullMemberDate: "2027-03-01" }, type: null }, // not a member yet
    { over: { membershipType: "full" as const, joinDate: "2024-09-01", fullMemberDate: "2025-09-01" }, type: "full" },
  ])("$over -> $type", ({ over, type }) => {
    const m = member(over);
    expect(membershipTypeOf(m, AS_OF)).toBe(type);
    expect(keyWithOne(summarise([m], AS_OF).byMembershipType)).toEqual([type ?? "unknown"]);
  });

  it("counts probationary members in counts.probationary", () => {
    const s = summarise([member({ membershipType: "probationary" }), member({ joinDate: "2025-05-01", fullMemberDate: null }), member()], AS_OF);
    expect(s.counts.probationary).toBe(2);
    expect(s.byMembershipType).toEqual({ probationary: 2, full: 1, unknown: 0 });
  });
});

describe("summarise: who is counted", () => {
  it.each([
    { status: "normal", current: true },
    { status: "lost_contact", current: true },
    { status: "mobile", current: true },
    { status: "suspended", current: true },
    { status: null, current: true }, // an empty status is still a member
    { status: "deceased", current: false },
    { status: "transferred_out", current: false },
  ])("status $status -> current $current", ({ status, current }) => {
    const s = one({ status });
    expect(isCurrentMember(member({ status }))).toBe(current);
    expect(s.byStatus[status ?? "unknown"]).toBe(1);
    expect(s.byCategory.resident).toBe(current ? 1 : 0);
    expect(s.byBranch["铁康社区"]).toBe(current ? 1 : 0);
    expect(s.byGender.male).toBe(current ? 1 : 0);
    expect(s.byAgeBand["51-55"]).toBe(current ? 1 : 0);
    expect(s.byCategoryAndBranch._total._total).toBe(current ? 1 : 0);
  });

  it("byStatus lists every row with every status key, zeros too", () => {
    const s = summarise([member({ status: "deceased" }), member({ status: "transferred_out" }), member(), member({ status: null })], AS_OF);
    expect(s.byStatus).toEqual({ normal: 1, lost_contact: 0, mobile: 0, suspended: 0, deceased: 1, transferred_out: 1, left_party: 0, unknown: 1 });
  });

  it("counts rows whatever their other problems (an unreadable value is unknown, not dropped)", () => {
    const s = one({ gender: null, education: null, employment: null, category: null, branch: null });
    expect([s.byGender.unknown, s.byEducation.unknown, s.byEmployment.unknown, s.byCategory.unknown, s.byBranch.unknown]).toEqual([1, 1, 1, 1, 1]);
  });
});

describe("summarise: byCategoryAndBranch", () => {
  const members = [
    member({ category: "resident", branch: "铁康社区" }),
    member({ category: "resident", branch: "铁康社区" }),
    member({ category: "retired", branch: "铁西社区" }),
    member({ category: "laid_off", branch: "鐵西社區" }), // folds to 铁西社区: the same branch
    member({ category: null, branch: null }),
    member({ category: "veteran", branch: "光明社区", status: "deceased" }), // a branch seen, all its members gone
  ];
  const s = summarise(members, AS_OF);

  it("has a row for every category (zeros too), unknown and _total", () => {
    expect(Object.keys(s.byCategoryAndBranch)).toEqual([...CATEGORY.map((c) => c.code), "unknown", "_total"]);
    expect(s.byCategoryAndBranch.agency).toEqual({ 铁康社区: 0, 铁西社区: 0, 光明社区: 0, unknown: 0, _total: 0 });
    expect(s.byCategoryAndBranch.veteran._total).toBe(0);
  });

  it("has a column for every branch seen, unknown and _total", () => {
    for (const row of Object.values(s.byCategoryAndBranch)) {
      expect(Object.keys(row)).toEqual(["铁康社区", "铁西社区", "光明社区", "unknown", "_total"]);
    }
  });

  it("totals rows and columns", () => {
    expect(s.byCategoryAndBranch.resident).toEqual({ 铁康社区: 2, 铁西社区: 0, 光明社区: 0, unknown: 0, _total: 2 });
    expect(s.byCategoryAndBranch.unknown).toEqual({ 铁康社区: 0, 铁西社区: 0, 光明社区: 0, unknown: 1, _total: 1 });
    expect(s.byCategoryAndBranch._total).toEqual({ 铁康社区: 2, 铁西社区: 2, 光明社区: 0, unknown: 1, _total: 5 });
    expect(s.byBranch).toEqual({ 铁康社区: 2, 铁西社区: 2, 光明社区: 0, unknown: 1 });
    expect(s.byCategory).toEqual({ oilfield_released: 0, laid_off: 1, veteran: 0, retired: 1, resident: 2, agency: 0, other: 0, unknown: 1 });
  });

  it("lists configured branches first, zeros too", () => {
    const t = summarise([member({ branch: "铁西社区" })], AS_OF, { branches: ["铁康社区", "铁西社区"] });
    expect(t.byBranch).toEqual({ 铁康社区: 0, 铁西社区: 1, unknown: 0 });
  });
});

describe("summarise: dueForFullMembership", () => {
  it.each([
    { joinDate: "2025-01-29", membershipType: null, due: "2026-01-29", listed: true }, // 29 days ahead
    { joinDate: "2025-01-30", membershipType: null, due: "2026-01-30", listed: true }, // 30 days ahead
    { joinDate: "2025-01-31", membershipType: null, due: "2026-01-31", listed: false }, // 31 days ahead
    { joinDate: "2024-12-31", membershipType: null, due: "2025-12-31", listed: true }, // today
    { joinDate: "2024-11-01", membershipType: "probationary", due: "2025-11-01", listed: true }, // passed
    { joinDate: "2025-01", membershipType: null, due: "2026-01", listed: true }, // month precision stays a month
    { joinDate: "2025-06-01", membershipType: "full", due: "", listed: false }, // not probationary
    { joinDate: null, membershipType: "probationary", due: "", listed: false }, // no date to count from
  ] as const)("joined $joinDate ($membershipType) -> listed $listed", ({ joinDate, membershipType, due, listed }) => {
    const s = one({ joinDate, membershipType, fullMemberDate: null, name: "李四" });
    expect(s.dueForFullMembership.map((d) => d.dueDate)).toEqual(listed ? [due] : []);
    if (listed) expect(s.dueForFullMembership[0]).toMatchObject({ name: "李四", branch: "铁康社区", sheet: "铁康社区", joinDate });
  });

  it("sorts by due date and leaves out members who have left", () => {
    const s = summarise([
      member({ name: "甲", joinDate: "2025-01-20", fullMemberDate: null }),
      member({ name: "乙", joinDate: "2024-10-01", fullMemberDate: null, membershipType: "probationary" }),
      member({ name: "丙", joinDate: "2025-01-05", fullMemberDate: null, status: "transferred_out" }),
      member({ name: "丁", joinDate: "2025-01-02", fullMemberDate: null }),
    ], AS_OF);
    expect(s.dueForFullMembership.map((d) => [d.name, d.dueDate])).toEqual([["乙", "2025-10-01"], ["丁", "2026-01-02"], ["甲", "2026-01-20"]]);
  });
});

describe("summarise: counts", () => {
  it.each([
    { over: { gender: "female" as const }, key: "women", n: 1 },
    { over: { gender: "male" as const }, key: "women", n: 0 },
    { over: { gender: "female" as const, status: "deceased" }, key: "women", n: 0 },
    { over: { ethnicity: "回族" }, key: "ethnicMinorities", n: 1 },
    { over: { ethnicity: "满" }, key: "ethnicMinorities", n: 1 },
    { over: { ethnicity: "汉族" }, key: "ethnicMinorities", n: 0 },
    { over: { ethnicity: "汉" }, key: "ethnicMinorities", n: 0 },
    { over: { ethnicity: "漢族" }, key: "ethnicMinorities", n: 0 }, // traditional script
    { over: { ethnicity: null }, key: "ethnicMinorities", n: 0 },
    { over: { education: "associate" }, key: "collegeOrAbove", n: 1 },
    { over: { education: "graduate" }, key: "collegeOrAbove", n: 1 },
    { over: { education: "secondary_vocational" }, key: "collegeOrAbove", n: 0 },
    { over: { education: null }, key: "collegeOrAbove", n: 0 },
  ])("$over -> $key $n", ({ over, key, n }) => {
    expect(one(over).counts[key as keyof Summary["counts"]]).toBe(n);
  });
});

describe("tallyEmployment", () => {
  it("crosses category with employment over current members, every key, zeros too", () => {
    const t: Tallies["employment"] = tallyEmployment([
      member({ category: "laid_off", employment: "reemployed" }),
      member({ category: "laid_off", employment: null }),
      member({ category: "laid_off", employment: "reemployed", status: "deceased" }),
    ]);
    expect(t.byCategory.laid_off).toEqual({ employed: 0, unemployed: 0, reemployed: 1, self_employed: 0, retired: 0, unknown: 1 });
    expect(Object.keys(t.byCategory)).toEqual([...CATEGORY.map((c) => c.code), "unknown"]);
    expect(Object.values(t.byCategory.agency).every((n) => n === 0)).toBe(true);
  });

  it("byEmployment agrees with it", () => {
    const s = summarise([member({ employment: "self_employed" }), member({ employment: "self_employed", status: "transferred_out" })], AS_OF);
    expect(s.byEmployment).toEqual({ employed: 0, unemployed: 0, reemployed: 0, self_employed: 1, retired: 0, unknown: 0 });
  });
});

describe("summarise: breakdown keys in order", () => {
  it("lists the given keys first (zeros too), then keys first seen in member order; a numeric key as an object orders it", () => {
    const s = summarise(
      [member({ category: "在职" }), member({ category: "2" }), member({ category: "退休" }), member({ category: "在职" }), member({ category: null })],
      AS_OF,
      { categories: ["退休", "流动"] },
    );
    const expected: Record<string, number> = {};
    for (const [k, n] of [["退休", 1], ["流动", 0], ["unknown", 1], ["在职", 2], ["2", 1]] as const) expected[k] = n;
    expect(JSON.stringify(s.byCategory)).toBe(JSON.stringify(expected));
    expect(Object.keys(s.byStatus)).toEqual(Object.keys(summarise([], AS_OF).byStatus));
  });
});

describe("MemberTallies: members counted as the row pass makes them, branches settled after", () => {
  const AT = "2025-12-31";
  // members as read (branch spellings as typed), and the branch settleBranches gives each spelling
  const read = (): Member[] => [
    member({ branch: "鐵康社區", category: "resident" }),
    member({ branch: "铁康社区", category: "retired", gender: "female" }),
    member({ branch: null, category: "resident", status: "deceased" }),
    member({ branch: "永安社区 ", category: "resident", joinDate: "2025-06-01", fullMemberDate: null }),
    member({ branch: "铁康社区", category: "other_category", listed: "prospect" }),
    member({ branch: "工农社区", category: "resident", listed: "former" }),
  ];
  it.each([
    { settled: { "鐵康社區": "铁康社区", "永安社区 ": "永安社区" } as Record<string, string>, why: "spellings merged and trimmed" },
    { settled: {} as Record<string, string>, why: "branches as read" },
  ])("finish() is summariseWithTallies over the settled members ($why)", ({ settled }) => {
    const members = read();
    const tallies = new MemberTallies(AT);
    for (const m of members) tallies.add(m);
    for (const m of members) if (m.branch !== null && settled[m.branch] !== undefined) m.branch = settled[m.branch];
    const options = { categories: ["retired", "resident"] };
    expect(JSON.stringify(tallies.finish(options))).toBe(JSON.stringify(summariseWithTallies(members, AT, options)));
  });

  it("throws at finish on an asOf that is not yyyy-mm-dd, as summarise does", () => {
    const tallies = new MemberTallies("2025-12");
    tallies.add(member());
    expect(() => tallies.finish()).toThrow(/asOf/);
  });
});
