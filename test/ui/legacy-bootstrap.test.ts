// The old-webview bootstrap is ES5 (Internet Explorer 11 and legacy Edge parse it), and its message is there in every
// language of the pane.
import { parse } from "acorn";
import { UI_TEXT } from "../../src/i18n/ui-text";
import { legacyBootstrap } from "../../src/taskpane/legacy-bootstrap";

describe("the old-webview bootstrap", () => {
  it.each(["taskpane", "commands", "dialog"] as const)("on the %s page parses as ECMAScript 5", (page) => {
    const script = legacyBootstrap(UI_TEXT, page);
    expect(() => parse(script, { ecmaVersion: 5 })).not.toThrow();
    for (const l of ["zh-CN", "zh-TW", "en"] as const) expect(script).toContain(JSON.stringify(UI_TEXT[l].legacy.title).slice(1, -1));
  });

  it("the modern bundle's syntax does not parse as ECMAScript 5 (what the detection tells apart)", () => {
    expect(() => parse("var a = { b: 1 }; a?.b ?? 0;", { ecmaVersion: 5 })).toThrow();
    expect(() => parse("var a = { b: 1 }; a?.b ?? 0;", { ecmaVersion: 2020 })).not.toThrow();
  });
});
