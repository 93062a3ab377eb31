import { CellValue } from "../../../src/domain/grid";
import { normalisePhone, PhoneResult } from "../../../src/domain/normalise/phone";

const mobile = (value: string): PhoneResult => ({ kind: "ok", value, type: "mobile" });
const landline = (value: string): PhoneResult => ({ kind: "ok", value, type: "landline" });
const invalid = (value: string): PhoneResult => ({ kind: "invalid", value });

describe("normalisePhone", () => {
  it.each<{ input: CellValue | undefined; expected: PhoneResult }>([
    // empty
    { input: undefined, expected: { kind: "empty" } },
    { input: null, expected: { kind: "empty" } },
    { input: "  ", expected: { kind: "empty" } },
    { input: "无", expected: { kind: "empty" } },
    { input: "/", expected: { kind: "empty" } },
    // mobiles
    { input: "13812345678", expected: mobile("13812345678") },
    { input: 13812345678, expected: mobile("13812345678") }, // a number cell
    { input: "19912345678", expected: mobile("19912345678") },
    // 11 characters starting 13-19 but not 11 digits (regressions: the fast path took them as mobiles)
    { input: "15O12345678", expected: invalid("15O12345678") },
    { input: "139-1234567", expected: invalid("139-1234567") },
    { input: "1391234567８", expected: mobile("13912345678") },
    { input: "138 1234 5678", expected: mobile("13812345678") },
    { input: "138-1234-5678", expected: mobile("13812345678") },
    { input: "１３８１２３４５６７８", expected: mobile("13812345678") }, // full-width digits
    { input: "+86 138 1234 5678", expected: mobile("13812345678") },
    { input: "+86-13812345678", expected: mobile("13812345678") },
    { input: "0086 13812345678", expected: mobile("13812345678") },
    { input: "86-13812345678", expected: mobile("13812345678") },
    { input: "8613812345678", expected: mobile("13812345678") },
    { input: "(+86)13812345678", expected: mobile("13812345678") },
    { input: "12812345678", expected: invalid("12812345678") }, // 12 is no mobile prefix
    { input: "1381234567", expected: invalid("1381234567") }, // 10 digits
    { input: "138123456789", expected: invalid("138123456789") }, // 12 digits
    { input: "+1 4155552671", expected: invalid("+1 4155552671") },
    // landlines
    { input: "0438-6123456", expected: landline("0438-6123456") },
    { input: "04386123456", expected: landline("0438-6123456") },
    { input: "(0438)6123456", expected: landline("0438-6123456") },
    { input: "（0438）6123456", expected: landline("0438-6123456") },
    { input: "0438 612 3456", expected: landline("0438-6123456") },
    { input: "010-62345678", expected: landline("010-62345678") }, // Beijing: 3-digit area code
    { input: "021 6234 5678", expected: landline("021-62345678") }, // 02X: 3 digits
    { input: "0755-26123456", expected: landline("0755-26123456") },
    { input: "+86 10 62345678", expected: landline("010-62345678") }, // from abroad, the area code loses its 0
    { input: "6123456", expected: landline("6123456") }, // a local number alone
    { input: "62345678", expected: landline("62345678") },
    { input: 4386123456, expected: landline("0438-6123456") }, // a number cell ate the leading 0
    { input: "0438-1234567", expected: invalid("0438-1234567") }, // local numbers do not start with 1
    { input: "011-62345678", expected: invalid("011-62345678") }, // no 01X area code but 010
    { input: "0438-612345", expected: invalid("0438-612345") }, // 6-digit local number
    { input: "1234567", expected: invalid("1234567") },
    { input: "0123456", expected: invalid("0123456") },
    { input: 12345, expected: invalid("12345") },
    { input: 1.5, expected: invalid("1.5") },
    // extensions
    { input: "0438-6123456-123", expected: landline("0438-6123456-123") },
    { input: "0438-6123456转123", expected: landline("0438-6123456-123") },
    { input: "0438-6123456 ext. 88", expected: landline("0438-6123456-88") },
    { input: "6123456转123", expected: invalid("6123456转123") }, // only after a full landline
    { input: "13812345678-123", expected: invalid("13812345678-123") },
    // several numbers
    { input: "13812345678/13987654321", expected: mobile("13812345678/13987654321") },
    { input: "13812345678，0438-6123456", expected: mobile("13812345678/0438-6123456") },
    { input: "0438-6123456；13812345678", expected: landline("0438-6123456/13812345678") },
    { input: "13812345678、13987654321", expected: mobile("13812345678/13987654321") },
    { input: "13812345678 13987654321", expected: mobile("13812345678/13987654321") },
    { input: "13812345678/", expected: mobile("13812345678") },
    { input: "13812345678/12345", expected: invalid("13812345678/12345") }, // ok only when all are
    // anything else
    { input: "打电话给儿子", expected: invalid("打电话给儿子") },
    { input: "手机13812345678", expected: invalid("手机13812345678") },
    { input: " abc ", expected: invalid("abc") },
    { input: true, expected: invalid("TRUE") },
  ])("$input -> $expected.kind $expected.value", ({ input, expected }) => {
    expect(normalisePhone(input)).toEqual(expected);
  });
});
