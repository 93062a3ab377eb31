// The ribbon's one-click check, invoked as Excel invokes it: commands.html is loaded (office.js being the fake), it
// associates "checkRoster"; the handler is called with an event whose completed() ends the command; its outcome is
// shown through Office.context.ui.displayDialogAsync; the dialog page at that URL shows the message and its close
// button messages the parent. Screenshots go to test-output/e2e/commands-*.png.
import { Example, loadExample } from "./example";
import { Harness, ensureBuild, hasChromium } from "./harness";
import { describeUi, until } from "./ui";

describeUi("the one-click check command in Chromium, over the example workbook", hasChromium(), () => {
  let h: Harness;
  let ex: Example;

  beforeAll(async () => {
    ex = await loadExample();
    const dist = await ensureBuild();
    h = await Harness.start("commands", { root: dist, workbook: ex.json, viewport: { width: 420, height: 320 } });
  }, 15 * 60_000);
  afterAll(async () => h?.close());

  it("checks the workbook, shows the outcome in a dialog, and completes the event as soon as the dialog is open", async () => {
    const page = await h.open("/commands.html");
    await until(page, () => typeof window.__fakeOffice?.actions.checkRoster === "function", null);
    // Excel calls the handler with an event; the command calls event.completed() once the work is done and its dialog open.
    await page.evaluate(() => void window.__fakeOffice!.invoke("checkRoster").catch(() => undefined));
    await until(page, () => window.__fakeOffice!.dialogs.length > 0 && window.__fakeOffice!.dialogs[0].listening.length > 0, null, 60_000);
    const dialogs = await page.evaluate(() => window.__fakeOffice!.dialogs);
    expect(dialogs).toHaveLength(1);
    expect(new URL(dialogs[0].url).origin).toBe(h.origin); // the dialog is on the add-in's own origin, as Office requires
    expect(new URL(dialogs[0].url).pathname).toBe("/dialog.html");
    await until(page, () => window.__fakeOffice!.invocations[0]?.completed === true, null);

    // The check ran and wrote: the issues sheet is named, every roster flagged.
    expect(await page.evaluate(() => window.__fakeOffice!.names()._RosterAssistant_issues !== undefined)).toBe(true);
    for (const r of ex.rosters) expect([r, (await page.evaluate((s) => window.__fakeOffice!.rules(s), r)).length > 0]).toEqual([r, true]);
    await h.screenshot(page, "after-command");

    // The dialog page at that URL shows the outcome: the engine's counts.
    const dialog = await h.open(h.local(dialogs[0].url));
    const message = dialog.getByTestId("dialog-message");
    await message.waitFor({ timeout: 30_000 });
    await until(dialog, () => (document.querySelector('[data-testid="dialog-message"]')?.textContent ?? "").trim() !== "", null);
    const text = (await message.textContent()) ?? "";
    for (const n of [ex.counts.error, ex.counts.warning, ex.counts.info]) expect(text).toMatch(new RegExp(`(^|\\D)${n}(\\D|$)`));
    await h.screenshot(dialog, "dialog");

    // Close messages the parent; Excel hands that message to the command's dialog handler, which closes the dialog.
    await dialog.getByTestId("dialog-close").click();
    await until(dialog, () => window.__fakeOffice!.parentMessages.length > 0, null);
    const sent = await dialog.evaluate(() => window.__fakeOffice!.parentMessages);
    expect(sent).toHaveLength(1);
    const delivered = await page.evaluate((m) => window.__fakeOffice!.dialogEvent(0, "dialogMessageReceived", { message: m, origin: location.origin }), sent[0]);
    expect(delivered).toBe(1);
    expect(await page.evaluate(() => window.__fakeOffice!.dialogs[0].closed)).toBe(true);
    expect(await page.evaluate(() => window.__fakeOffice!.errors)).toEqual([]);
  });

  it("asked nothing of the network but office.js, and no page threw", () => {
    expect(h.blocked).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
