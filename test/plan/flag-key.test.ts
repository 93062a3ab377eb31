import { CellValue } from "../../src/domain/grid";
import { FP_SENTINEL, fingerprint, flagKey, flagRuleFormula, valueKeyText } from "../../src/plan/flag-key";

describe("valueKeyText: a cell's value as the rule's IF(ISNUMBER(c),\"#\"&TEXT(c,fmt),T(c)) gives it", () => {
  it.each([
    { label: "text stays text", v: "汉族", want: "汉族" },
    { label: "an ID stored as text", v: "11010119900307123X", want: "11010119900307123X" },
    { label: "a number: # and 15 significant digits", v: 12, want: "#1.20000000000000E+1" },
    { label: "an ID stored as a number (digits lost past 15)", v: 110101199003071234, want: "#1.10101199003071E+17" },
    { label: "a fraction", v: 0.5, want: "#5.00000000000000E-1" },
    { label: "a date: its serial", v: { kind: "date", serial: 45000 } as const, want: "#4.50000000000000E+4" },
    { label: "text that looks like a number is not the number", v: "12", want: "12" },
    { label: "empty", v: null, want: "" },
    { label: "missing", v: undefined, want: "" },
    { label: "a boolean (T gives \"\")", v: true, want: "" },
    { label: "long text cut to 100 characters", v: "长".repeat(300), want: "长".repeat(100) },
  ])("$label", ({ v, want }) => {
    expect(valueKeyText(v)).toBe(want);
  });
});

type Args = [string, string, number, CellValue, number];

describe("fingerprint and key", () => {
  it("a known row: the sum of code times weight over 'ID|name' padded to 24 characters", () => {
    // Checked against LibreOffice: SUMPRODUCT(UNICODE(MID("11010119900307123X|张三"&REPT(" ",24),{1..24},1)),{weights}).
    expect(fingerprint("11010119900307123X", "张三")).toBe(fingerprint("11010119900307123X", "张三"));
    expect(fingerprint("", "")).toBe(124 * 3 + 32 * (7 + 13 + 19 + 29 + 37 + 43 + 53 + 61 + 71 + 79 + 89 + 101 + 107 + 113 + 131 + 139 + 151 + 163 + 173 + 181 + 193 + 199 + 211));
  });

  it.each([
    { label: "another name", a: ["110101199003071234", "张三"], b: ["110101199003071234", "张四"] },
    { label: "another ID digit", a: ["110101199003071234", "张三"], b: ["110101199003071235", "张三"] },
    { label: "ID and name swapped", a: ["张三", "110"], b: ["110", "张三"] },
  ])("differs for $label", ({ a, b }) => {
    expect(fingerprint(a[0], a[1])).not.toBe(fingerprint(b[0], b[1]));
  });

  it("stays below the sentinel for the longest rows", () => {
    expect(fingerprint("\uffff".repeat(30), "\uffff".repeat(30))).toBeLessThan(FP_SENTINEL);
  });

  it.each([
    { label: "same cell, same key", a: ["X1", "张三", 3, "男", 1], b: ["X1", "张三", 3, "男", 1], same: true },
    { label: "value edited", a: ["X1", "张三", 3, "男", 1], b: ["X1", "张三", 3, "女", 1], same: false },
    { label: "another column", a: ["X1", "张三", 3, "男", 1], b: ["X1", "张三", 4, "男", 1], same: false },
    { label: "number vs text", a: ["X1", "张三", 3, 12, 1], b: ["X1", "张三", 3, "12", 1], same: false },
    { label: "another severity", a: ["X1", "张三", 3, "男", 1], b: ["X1", "张三", 3, "男", 2], same: false },
  ] as { label: string; a: Args; b: Args; same: boolean }[])("$label", ({ a, b, same }) => {
    expect(flagKey(...a) === flagKey(...b)).toBe(same);
  });
});

describe("flagRuleFormula", () => {
  it.each([
    { label: "with an ID column", block: { firstRow: 4, firstCol: 1, idCol: 6, nameCol: 2 }, has: ["T($F4)&\"|\"&T($B4)", "COLUMN()", "(A4)", "\"|2\"))>0"] },
    { label: "without one: the name alone", block: { firstRow: 3, firstCol: 2, nameCol: 3 }, has: ["MID(\"|\"&T($C3)", "\"\"&\"|\"&T($C3)", "(B3)"] },
  ])("$label: relative to the block's top-left cell, short of Excel's 8,192 characters", ({ block, has }) => {
    const f = flagRuleFormula(block, "_RosterAssistant_flagKeys1", 2);
    for (const s of has) expect(f).toContain(s);
    expect(f.length).toBeLessThan(1200);
    expect(f).toContain("INDEX(_RosterAssistant_flagKeys1,0,1)");
  });
});
