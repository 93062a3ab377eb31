import { flatString } from "../../src/domain/flat-string";

describe("flatString", () => {
  it.each([["", ""], ["第", "4行"], ["a|", "张三|6|#1|1"], ["😀", "x"]])("keeps the value of %j + %j", (a, b) => {
    const s = a + b;
    expect(flatString(s)).toBe(`${a}${b}`);
    expect(flatString(s).length).toBe(a.length + b.length);
  });
});
