// The row checks' cell readers: the date reader remembers texts it has read (per column); its readings stay those of
// normaliseDate, for repeats and past the number of texts it keeps.
import { buildMatchers } from "../../src/domain/check-context";
import { cellReaders } from "../../src/domain/check-row";
import { EMPTY_CONFIG } from "../../src/domain/config";
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
