import fc from "fast-check";
import { CellValue } from "../../../src/domain/grid";
import { idBirthDate, idBirthDateMatches, idCheckChar, idGender, IdResult, normaliseIdNumber } from "../../../src/domain/normalise/id-number";

/** A valid 18-character ID from its first 17 digits. */
const valid = (first17: string): string => first17 + idCheckChar(first17);

const MAN = valid("22070219650315123"); // born 1965-03-15, 17th digit 3: male
const WOMAN = valid("11010519800229004"); // born 1980-02-29 (leap year), 17th digit 4: female
const GB_EXAMPLE = "11010519491231002X"; // the example in GB 11643 itself
const WRONG_CHECK = MAN.slice(0, 17) + (MAN[17] === "0" ? "1" : "0");

describe("idCheckChar", () => {
  it.each([
    { first17: "11010519491231002", expected: "X" },
    { first17: "44052418800101001", expected: "4" },
    { first17: "22070219650315123", expected: MAN[17] },
  ])("$first17 -> $expected", ({ first17, expected }) => {
    expect(idCheckChar(first17)).toBe(expected);
  });

  it.each(["1101051949123100", "1101051949123100A"])("throws on %s (a caller's bug)", (bad) => {
    expect(() => idCheckChar(bad)).toThrow(RangeError);
  });

  it("catches every single-digit change", () => {
    const digits17 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }).map((a) => a.join(""));
    fc.assert(
      fc.property(digits17, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (first17, at, delta) => {
        const changed = first17.slice(0, at) + ((+first17[at] + delta) % 10) + first17.slice(at + 1);
        expect(idCheckChar(changed)).not.toBe(idCheckChar(first17));
      }),
    );
  });
});

describe("idBirthDate / idGender", () => {
  it.each([
    { id: MAN, birth: "1965-03-15", gender: "male" },
    { id: WOMAN, birth: "1980-02-29", gender: "female" },
    { id: GB_EXAMPLE, birth: "1949-12-31", gender: "female" },
  ])("$id -> $birth $gender", ({ id, birth, gender }) => {
    expect(idBirthDate(id)).toBe(birth);
    expect(idGender(id)).toBe(gender);
  });
});

describe("normaliseIdNumber", () => {
  it.each<{ input: CellValue | undefined; expected: IdResult }>([
    // empty
    { input: undefined, expected: { kind: "empty" } },
    { input: null, expected: { kind: "empty" } },
    { input: " ", expected: { kind: "empty" } },
    { input: "无", expected: { kind: "empty" } },
    // valid
    { input: MAN, expected: { kind: "ok", value: MAN } },
    { input: WOMAN, expected: { kind: "ok", value: WOMAN } },
    { input: GB_EXAMPLE, expected: { kind: "ok", value: GB_EXAMPLE } },
    { input: "11010519491231002x", expected: { kind: "ok", value: GB_EXAMPLE } }, // lower-case x
    { input: " 110105 1949 1231 002X ", expected: { kind: "ok", value: GB_EXAMPLE } }, // spaces stripped
    { input: "１１０１０５１９４９１２３１００２Ｘ", expected: { kind: "ok", value: GB_EXAMPLE } }, // full-width
    // legacy 15-digit IDs
    { input: "110105491231002", expected: { kind: "ok", value: GB_EXAMPLE, upgradedFrom: "110105491231002" } },
    { input: 110105491231002, expected: { kind: "ok", value: GB_EXAMPLE, upgradedFrom: "110105491231002" } }, // exact as a number
    { input: "110105491331002", expected: { kind: "invalid_format", value: "110105491331002", reason: "birthdate", length: 15 } },
    { input: "11010549123100X", expected: { kind: "invalid_format", value: "11010549123100X", reason: "characters", length: 15 } },
    // an 18-digit ID typed into a number cell: Excel kept 15 significant digits
    { input: 220702196503151230, expected: { kind: "precision_lost", value: "220702196503151230" } },
    { input: 1e16, expected: { kind: "precision_lost", value: "10000000000000000" } },
    // wrong shape
    { input: MAN.slice(0, 17), expected: { kind: "invalid_format", value: MAN.slice(0, 17), reason: "length", length: 17 } },
    { input: MAN + "1", expected: { kind: "invalid_format", value: MAN + "1", reason: "length", length: 19 } },
    { input: 1234567, expected: { kind: "invalid_format", value: "1234567", reason: "length", length: 7 } },
    { input: "2207021965031512A4", expected: { kind: "invalid_format", value: "2207021965031512A4", reason: "characters", length: 18 } },
    { input: "22070219650315X234", expected: { kind: "invalid_format", value: "22070219650315X234", reason: "characters", length: 18 } },
    { input: "#N/A", expected: { kind: "invalid_format", value: "#N/A", reason: "characters", length: 4 } },
    { input: 1.5, expected: { kind: "invalid_format", value: "1.5", reason: "characters", length: 3 } },
    { input: true, expected: { kind: "invalid_format", value: "TRUE", reason: "characters", length: 4 } },
    { input: valid("22070219650230123"), expected: { kind: "invalid_format", value: valid("22070219650230123"), reason: "birthdate", length: 18 } },
    { input: valid("22070221650315123"), expected: { kind: "invalid_format", value: valid("22070221650315123"), reason: "birthdate", length: 18 } },
    // checksum
    { input: WRONG_CHECK, expected: { kind: "invalid_checksum", value: WRONG_CHECK, expected: MAN[17] } },
    { input: "110105194912310021", expected: { kind: "invalid_checksum", value: "110105194912310021", expected: "X" } },
  ])("$input -> $expected.kind", ({ input, expected }) => {
    expect(normaliseIdNumber(input)).toEqual(expected);
  });

  it("rejects any single-digit change of a valid ID", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (at, delta) => {
        const changed = MAN.slice(0, at) + ((+MAN[at] + delta) % 10) + MAN.slice(at + 1);
        expect(normaliseIdNumber(changed).kind).not.toBe("ok");
      }),
    );
  });
});

describe("idBirthDateMatches", () => {
  const id = "11010519491231002X";
  it.each([
    ["1949-12-31", true],
    ["1949-12", true],
    ["1949-12-30", false],
    ["1949-11", false],
    ["1948-12-31", false],
  ])("%s against %s's birth date -> %s", (iso, expected) => {
    expect(idBirthDateMatches(iso, id)).toBe(expected);
  });
});
