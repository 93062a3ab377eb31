import { CellValue } from "../../../src/domain/grid";
import { CountResult, normaliseCount } from "../../../src/domain/normalise/count";

const exact = (value: number): CountResult => ({ kind: "ok", value, approximate: false });
const about = (value: number): CountResult => ({ kind: "ok", value, approximate: true });
const invalid = (value: string): CountResult => ({ kind: "invalid", value });

describe("normaliseCount", () => {
  it.each<{ input: CellValue | undefined; expected: CountResult }>([
    { input: undefined, expected: { kind: "empty" } },
    { input: null, expected: { kind: "empty" } },
    { input: "无", expected: { kind: "empty" } },
    { input: "—", expected: { kind: "empty" } },
    // numbers
    { input: 35, expected: exact(35) },
    { input: 0, expected: exact(0) },
    { input: 1.5, expected: invalid("1.5") },
    { input: -3, expected: invalid("-3") },
    // text
    { input: "35", expected: exact(35) },
    { input: "35个", expected: exact(35) },
    { input: "19人", expected: exact(19) },
    { input: "１５", expected: exact(15) },
    { input: " 1,200 ", expected: exact(1200) },
    { input: "约20", expected: about(20) },
    { input: "約20", expected: about(20) }, // traditional
    { input: "大约 20 人", expected: about(20) },
    { input: "近100", expected: about(100) },
    { input: "100余", expected: about(100) },
    { input: "100余人", expected: about(100) },
    { input: "100多", expected: about(100) },
    { input: "100多个", expected: about(100) },
    { input: "20个左右", expected: about(20) },
    { input: "60多名", expected: about(60) },
    // Chinese numerals
    { input: "十五", expected: exact(15) },
    { input: "二十", expected: exact(20) },
    { input: "一百", expected: exact(100) },
    { input: "一百零五", expected: exact(105) },
    { input: "一百五", expected: exact(150) },
    { input: "三千二百", expected: exact(3200) },
    { input: "两万", expected: exact(20000) },
    { input: "六十多人", expected: about(60) },
    { input: "二三", expected: invalid("二三") },
    { input: "百十", expected: invalid("百十") },
    // not counts
    { input: "20-30", expected: invalid("20-30") },
    { input: "1.5", expected: invalid("1.5") },
    { input: "约", expected: invalid("约") },
    { input: "若干", expected: invalid("若干") },
    { input: "-5", expected: invalid("-5") },
    { input: "1,2,", expected: invalid("1,2,") },
    { input: true, expected: invalid("TRUE") },
  ])("$input -> $expected", ({ input, expected }) => {
    expect(normaliseCount(input)).toEqual(expected);
  });
});
