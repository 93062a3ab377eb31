// buildReport's issues: each the engine's issue with its rendered message, its keys in the engine's order then
// `message` (the report JSON is as before the issues were copied key by key).
import { buildReport } from "../../src/app/build-report";
import { checkWorkbook } from "../../src/domain/check";
import { renderIssue } from "../../src/i18n/issue-messages";
import { ASOF, fixtureWorkbook } from "../plan/fixtures";

describe("buildReport issues", () => {
  it.each(["zh-CN", "en"] as const)("as a spread of the engine's issue with its message (%s)", (lang) => {
    const result = checkWorkbook(fixtureWorkbook(), { today: ASOF, asOf: ASOF, lang });
    expect(result.issues.length).toBeGreaterThan(5);
    expect(result.issues.some((i) => i.suggestion !== undefined)).toBe(true);
    const report = buildReport(result, "test.xlsx");
    const want = result.issues.map((i) => ({ ...i, message: renderIssue(i, result.language) }));
    expect(JSON.stringify(report.issues)).toBe(JSON.stringify(want));
    report.issues.forEach((i, k) => expect(Object.keys(i)).toEqual([...Object.keys(result.issues[k]), "message"]));
  });
});
