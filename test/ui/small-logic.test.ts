// The rest of the pane's pure logic: the dialog's query string, the theme, dates, progress, errors, clock readings.
import { NoRosterError } from "../../src/app/check-roster";
import { CancelledError, checkpoint, localDay, localTime } from "../../src/app/excel-run";
import { localNow } from "../../src/cli/check-command";
import { ChangeLogEntry } from "../../src/plan/change-log";
import { UI_TEXT } from "../../src/i18n/ui-text";
import { MAX_DIALOG_TEXT, dialogQuery, parseDialogQuery } from "../../src/ui/dialog-query";
import { errorText, isCancelled } from "../../src/ui/errors";
import { canCancel, isIsoDay, progressText } from "../../src/ui/outcome";
import { parseColour, themeKind } from "../../src/ui/theme";

describe("the dialog's query string", () => {
  it.each([
    { kind: "success", lang: "zh-CN", text: "检查完成：党员 199 名。\n问题已在表格上标出。" },
    { kind: "error", lang: "en", text: `Not done: sheet "A&B" cell F7: shows "x=1?", the plan expected "#2"` },
    { kind: "info", lang: "zh-TW", text: "" },
  ] as const)("round-trips $kind $lang", (o) => {
    const q = dialogQuery(o);
    expect(q).not.toMatch(/[\s"#]/);
    expect(parseDialogQuery(q)).toEqual(o);
  });

  it.each([
    { search: "", parsed: { kind: "info", lang: "zh-CN", text: "" } },
    { search: "?kind=evil&lang=xx&msg=hi", parsed: { kind: "info", lang: "zh-CN", text: "hi" } },
    { search: "?msg=%E0%A4%A&kind=error", parsed: { kind: "error", lang: "zh-CN", text: "" } },
    { search: "?msg=a+b&lang=en-US", parsed: { kind: "info", lang: "en", text: "a b" } },
  ])("reads $search defensively", ({ search, parsed }) => {
    expect(parseDialogQuery(search)).toEqual(parsed);
  });

  it("cuts a very long message", () => {
    const o = parseDialogQuery(dialogQuery({ kind: "error", lang: "en", text: "x".repeat(5000) }));
    expect(o.text.length).toBe(MAX_DIALOG_TEXT);
    expect(o.text.endsWith("…")).toBe(true);
  });
});

describe("theme", () => {
  it.each([
    { bg: "#ffffff", kind: "light" }, { bg: "#FFF", kind: "light" }, { bg: "#e6e6e6", kind: "light" }, { bg: "#b8b8b8", kind: "light" },
    { bg: "#444444", kind: "dark" }, { bg: "#262626", kind: "dark" }, { bg: "#000000", kind: "dark" }, { bg: "rgb(31, 31, 31)", kind: "dark" },
    { bg: "", kind: "light" }, { bg: undefined, kind: "light" }, { bg: "transparent", kind: "light" },
  ])("$bg -> $kind", ({ bg, kind }) => {
    expect(themeKind(bg)).toBe(kind);
  });

  it.each([
    { text: "#0f6cbd", rgb: [15, 108, 189] }, { text: "0f6cbd", rgb: [15, 108, 189] }, { text: "#abc", rgb: [170, 187, 204] },
    { text: "rgba(1, 2, 3, 0.5)", rgb: [1, 2, 3] }, { text: "blue", rgb: undefined },
  ])("parseColour $text", ({ text, rgb }) => {
    expect(parseColour(text)).toEqual(rgb);
  });
});

describe("isIsoDay", () => {
  it.each([
    { s: "2025-12-31", ok: true }, { s: "2024-02-29", ok: true }, { s: "2025-02-29", ok: false }, { s: "2025-13-01", ok: false },
    { s: "2025-1-01", ok: false }, { s: "", ok: false }, { s: "1899-12-31", ok: false }, { s: "2025-12-31T00:00", ok: false },
  ])("$s -> $ok", ({ s, ok }) => {
    expect(isIsoDay(s)).toBe(ok);
  });
});

describe("progress", () => {
  const ui = UI_TEXT.en;
  it.each([
    { p: { step: "reading" as const }, text: "Reading the workbook…", cancel: true },
    { p: { step: "reading" as const, sheet: "铁康社区" }, text: `Reading the workbook "铁康社区"`, cancel: true },
    { p: { step: "checking" as const }, text: "Checking…", cancel: true },
    { p: { step: "writing" as const }, text: "Writing flags and sheets…", cancel: false },
    { p: { step: "fixing" as const }, text: "Writing fixes…", cancel: true },
    { p: { step: "fixing" as const, done: 1200, total: 100000 }, text: "Writing fixes (1,200 / 100,000)", cancel: true },
    { p: { step: "reverting" as const }, text: "Reverting…", cancel: false },
  ])("$p.step $p.sheet $p.done", ({ p, text, cancel }) => {
    expect(progressText(p, ui)).toBe(text);
    expect(canCancel(p)).toBe(cancel);
  });

  it("zh-CN names the sheet in corner brackets", () => {
    expect(progressText({ step: "reading", sheet: "花名册" }, UI_TEXT["zh-CN"])).toBe("正在读取工作簿「花名册」");
  });

  it("checkpoint reports a step, and throws once cancelled", () => {
    const seen: string[] = [];
    const ac = new AbortController();
    const ctl = { signal: ac.signal, onProgress: (p: { step: string }) => seen.push(p.step) };
    checkpoint(ctl, { step: "reading" });
    ac.abort();
    expect(() => checkpoint(ctl, { step: "checking" })).toThrow(CancelledError);
    expect(seen).toEqual(["reading"]);
  });
});

describe("errorText", () => {
  const ui = UI_TEXT["zh-CN"];
  it.each([
    { name: "no roster", e: new NoRosterError([{ sheet: "说明", reason: "x" }, { sheet: "Sheet2", reason: "y" }]), text: /没有找到名册。已查看的工作表：说明、Sheet2。/ },
    { name: "cancelled", e: new CancelledError(), text: /已取消/ },
    { name: "nothing to revert", e: Object.assign(new Error("x"), { name: "NothingToRevertError" }), text: /没有可以撤销/ },
    { name: "any other error", e: new Error(`sheet "花名册" cell B2: holds a formula`), text: /^操作未完成：sheet "花名册" cell B2: holds a formula$/ },
    { name: "a thrown string", e: "boom", text: /^操作未完成：boom$/ },
  ])("$name", ({ e, text }) => {
    expect(errorText(e, ui)).toMatch(text);
  });

  it("tells a cancel from a failure", () => {
    expect(isCancelled(new CancelledError())).toBe(true);
    expect(isCancelled(Object.assign(new Error("x"), { name: "AbortError" }))).toBe(true);
    expect(isCancelled(new Error("x"))).toBe(false);
  });
});

describe("clock readings", () => {
  it.each([
    { d: new Date(2025, 11, 31, 16, 5, 9), day: "2025-12-31", time: "2025-12-31 16:05:09" },
    { d: new Date(2026, 0, 2, 3, 4, 5), day: "2026-01-02", time: "2026-01-02 03:04:05" },
  ])("local day $day and the change log's one time format $time, the same from the pane and the CLI", ({ d, day, time }) => {
    expect(localDay(d)).toBe(day);
    expect(localTime(d)).toBe(time);
    expect(localNow(d)).toBe(time);
    expect(ChangeLogEntry.shape.time.safeParse(time).success).toBe(true);
  });
});
