// The row checks' cell readers: the date reader remembers texts it has read (per column); its readings stay those of
// normaliseDate, for repeats and past the number of texts it keeps.
import { buildMatchers } from "../../src/domain/check-context";
import { cellReaders, keptReaders } from "../../src/domain/check-row";
import { EMPTY_CONFIG, RosterConfig } from "../../src/domain/config";
import { F } from "../../src/domain/fields";
import { normaliseDate } from "../../src/domain/normalise/date";

describe("cellReaders: dates", () => {
  it("read every text, repeated or not, as normaliseDate does", () => {
    for (const date1904 of [false, true]) {
      const read = cellReaders(buildMatchers(EMPTY_CONFIG), date1904)[F.joinDate]!;
      const texts = ["1958.3", "1980.03.05", "1981年3月5日", "2002-03-05 08:30", "不详", "", "3002.1", "1971.1"];
      for (let round = 0; round < 3; round++) for (const t of texts) expect(read(t)).toEqual(normaliseDate(t, date1904));
      for (const v of [1971.1, 45292, { kind: "date" as const, serial: 45292 }, null, undefined, true]) expect(read(v)).toEqual(normaliseDate(v, date1904));
    }
  });

  it("still reads texts right past the number it keeps", () => {
    const read = cellReaders(buildMatchers(EMPTY_CONFIG), false)[F.birthDate]!;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 12_000; i++) {
        const t = `${1900 + (i % 200)}年${1 + (i % 12)}月${1 + (i % 28)}日${i >= 6000 ? "" : " "}${i % 7 === 0 ? "x" : ""}`;
        expect(read(t)).toEqual(normaliseDate(t, false));
      }
    }
  });
});

describe("keptReaders: one set per date system and extra spellings, kept across checks", () => {
  const withSpelling: RosterConfig = { ...EMPTY_CONFIG, spellings: [{ field: "category", code: "laid_off", spelling: "社区协管" }] };
  it.each([
    { what: "same date system, same spellings: the same set", a: [EMPTY_CONFIG, false], b: [{ ...EMPTY_CONFIG }, false], same: true },
    { what: "the other date system: another set", a: [EMPTY_CONFIG, false], b: [EMPTY_CONFIG, true], same: false },
    { what: "other spellings: another set", a: [EMPTY_CONFIG, false], b: [withSpelling, false], same: false },
  ] as { what: string; a: [RosterConfig, boolean]; b: [RosterConfig, boolean]; same: boolean }[])("$what", ({ a, b, same }) => {
    expect(keptReaders(...a) === keptReaders(...b)).toBe(same);
  });

  it("reads a staff spelling only where the settings add it", () => {
    expect(keptReaders(withSpelling, false).matchers[F.category]!("社区协管")).toEqual({ kind: "ok", code: "laid_off" });
    expect(keptReaders(EMPTY_CONFIG, false).matchers[F.category]!("社区协管").kind).not.toBe("ok");
  });
});
