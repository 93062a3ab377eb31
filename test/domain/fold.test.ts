import fc from "fast-check";
import { foldKey, isPlaceholder, nfkc, scriptOf, toSimplified } from "../../src/domain/fold";
import { editDistance, nearest } from "../../src/domain/similarity";
import { T2S_PAIRS } from "../../src/domain/t2s-table";

describe("toSimplified", () => {
  it.each([
    { input: "聯繫電話", expected: "联系电话" },
    { input: "黨員類別", expected: "党员类别" },
    { input: "身份證號碼", expected: "身份证号码" },
    { input: "下崗職工", expected: "下岗职工" },
    { input: "衞生", expected: "卫生" }, // Hong Kong variant form
    { input: "联系电话", expected: "联系电话" }, // simplified stays
    { input: "什么", expected: "什么" }, // 么 is simplified: the Taiwan variant table must not turn it into 幺
    { input: "显著", expected: "显著" }, // 著 is standard in the mainland too
    { input: "Name 123", expected: "Name 123" },
  ])("$input -> $expected", ({ input, expected }) => {
    expect(toSimplified(input)).toBe(expected);
  });

  it("returns the same string when nothing maps (fast path)", () => {
    const s = "党员花名册 2025";
    expect(toSimplified(s)).toBe(s);
  });

  it("table is pairs of single BMP characters and small", () => {
    expect(T2S_PAIRS.length % 2).toBe(0);
    expect(T2S_PAIRS.length).toBeGreaterThan(5000);
    expect(/[\uD800-\uDFFF]/.test(T2S_PAIRS)).toBe(false);
    for (let i = 0; i < T2S_PAIRS.length; i += 2) expect(T2S_PAIRS.charCodeAt(i)).toBeGreaterThanOrEqual(0x3400); // fold.ts's fast-path bound
  });
});

describe("nfkc", () => {
  it.each([
    { input: "Ｎａｍｅ", expected: "Name" },
    { input: "１２３", expected: "123" },
    { input: "姓　名", expected: "姓 名" },
    { input: "电话：", expected: "电话:" },
    { input: "姓名", expected: "姓名" },
  ])("$input -> $expected", ({ input, expected }) => {
    expect(nfkc(input)).toBe(expected);
  });
});

describe("foldKey", () => {
  it.each([
    { input: "聯繫電話：", expected: "联系电话" },
    { input: "联系电话", expected: "联系电话" },
    { input: "Ｎａｍｅ", expected: "name" },
    { input: " 姓　名 ", expected: "姓名" },
    { input: "姓\u00a0名\u200b", expected: "姓名" },
    { input: "ID Number:", expected: "idnumber" },
    { input: "出生年月 : ", expected: "出生年月" },
    { input: "預備/正式", expected: "预备/正式" },
    { input: "No.", expected: "no." },
    { input: "Ä", expected: "ä" },
  ])("$input -> $expected", ({ input, expected }) => {
    expect(foldKey(input)).toBe(expected);
  });

  it.each([
    { a: "联系电话", b: "聯繫電話" },
    { a: "党员类别", b: "黨員類別：" },
    { a: "身份证号", b: "身份證號" },
  ])("$a and $b fold to the same key", ({ a, b }) => {
    expect(foldKey(a)).toBe(foldKey(b));
  });

  it.each([
    { a: "姓名", b: "名字" },
    { a: "联系电话", b: "联系地址" },
  ])("$a and $b stay apart", ({ a, b }) => {
    expect(foldKey(a)).not.toBe(foldKey(b));
  });

  it("is idempotent", () => {
    const tricky = fc.constantFrom(..."聯繫電話姓名 　\u00a0\u200b:：ＡｂC e\u0301\u00a8İﬁ①㈱丶么著-/".split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: tricky }), fc.string({ unit: "binary" })), (s) => {
        const k = foldKey(s);
        expect(foldKey(k)).toBe(k);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("isPlaceholder", () => {
  it.each([
    ...["无", "無", "不详", "不詳", "暂无", "—", "——", "-", "--", "/", "\\", "N/A", "n/a", "null", "NULL", "空", " 无 ", "", "  ", "－", "／", "未知", "None", "NIL", "暫無"].map(
      (input) => ({ input, expected: true }),
    ),
    ...["0", "无业", "无党派", "张无忌", "正常", "否", "×", "N", "NA", "-1", "2002-03-05", "/4", "空军", "Nancy", "暂", "无无无无无"].map((input) => ({ input, expected: false })),
  ])("$input -> $expected", ({ input, expected }) => {
    expect(isPlaceholder(input)).toBe(expected);
  });
});

describe("scriptOf", () => {
  it.each([
    { input: ["姓名", "聯繫電話", "黨員類別"], expected: "traditional" },
    { input: ["姓名", "联系电话", "党员类别"], expected: "simplified" },
    { input: ["姓名", "出生年月"], expected: "simplified" }, // no character tells: the mainland default
    { input: ["姓名", "聯繫電話", "党员类别"], expected: "simplified" }, // a tie: the mainland default
    // regression: 出 and 家 are on the simplified-only list, yet both scripts write 出生日期 and 家庭住址
    { input: ["序號", "姓名", "性別", "出生日期", "身份證號", "入黨時間", "家庭住址"], expected: "traditional" },
    { input: ["序号", "姓名", "性别", "出生日期", "身份证号", "入党时间", "家庭住址"], expected: "simplified" },
    { input: ["Name", "Phone"], expected: "latin" },
    { input: [], expected: "latin" },
  ] as const)("$input -> $expected", ({ input, expected }) => {
    expect(scriptOf(input)).toBe(expected);
  });
});

describe("editDistance", () => {
  it.each([
    { a: "", b: "", expected: 0 },
    { a: "abc", b: "", expected: 3 },
    { a: "kitten", b: "sitting", expected: 3 },
    { a: "正常", b: "正长", expected: 1 },
    { a: "铁西社区", b: "铁西区", expected: 1 },
    { a: "flaw", b: "lawn", expected: 2 },
  ])("$a / $b -> $expected", ({ a, b, expected }) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it("is a metric on short strings", () => {
    const s = fc.string({ unit: fc.constantFrom(..."ab铁西"), maxLength: 8 });
    fc.assert(
      fc.property(s, s, s, (a, b, c) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });
});

describe("nearest", () => {
  const branches = ["铁西社区", "铁康社区", "铁东社区"];
  it.each([
    { value: "铁西社区", candidates: branches, max: undefined, expected: "铁西社区" },
    { value: "铁西杜区", candidates: branches, max: undefined, expected: "铁西社区" },
    { value: "铁西", candidates: ["铁东", "铁西区"], max: 1, expected: "铁西区" }, // tie at 1: containment wins
    { value: "femal", candidates: ["male", "female"], max: undefined, expected: "female" },
    { value: "光明社区", candidates: branches, max: undefined, expected: undefined }, // too far
    { value: "x", candidates: ["m", "f"], max: 0, expected: undefined },
    { value: "abc", candidates: [], max: undefined, expected: undefined },
  ])("$value -> $expected", ({ value, candidates, max, expected }) => {
    expect(nearest(value, candidates, max)).toBe(expected);
  });
});
