// The ribbon's one-click check (ExecuteFunction "checkRoster"): runs without the task pane and without a shared
// runtime, then reports the outcome or the error in a small dialog, and completes as soon as the dialog is open: Office
// gives an add-in command limited time, and the dialog lives on (its Close button closes it). A very
// large workbook is not checked here (no progress, no cancel, and Office ends long-running commands): the dialog asks
// the user to open the pane instead.
import { usedRowsInExcel } from "../app/excel-cells";
import { checkInExcel } from "../app/excel-check";
import { localDay } from "../app/excel-run";
import { uiText } from "../i18n/ui-text";
import { DialogOutcome, dialogQuery } from "../ui/dialog-query";
import { errorText } from "../ui/errors";
import { pickLang } from "../ui/lang";
import { dialogCheckedText } from "../ui/outcome";

/** Rows in the used ranges above which the command asks for the pane. */
export const LARGE_WORKBOOK_ROWS = 50_000;

function displayLanguage(): string | undefined {
  try {
    return Office.context.displayLanguage;
  } catch {
    return undefined;
  }
}

/** Checks the workbook; never throws: a failure is an outcome to show. */
export async function runCheckCommand(): Promise<DialogOutcome> {
  const lang = pickLang(window.location.search, displayLanguage());
  const ui = uiText(lang);
  try {
    const rows = await usedRowsInExcel();
    if (rows > LARGE_WORKBOOK_ROWS) return { kind: "info", lang, text: ui.dialog.openPane(rows) };
    const { report } = await checkInExcel({ today: localDay(new Date()) });
    const errors = report.issues.some((i) => i.severity === "error");
    return { kind: errors ? "warning" : "success", lang, text: dialogCheckedText(report, ui) };
  } catch (e) {
    return { kind: "error", lang, text: errorText(e, ui) };
  }
}

/**
 * Shows the outcome in the dialog page (same origin as this page); resolves as soon as the dialog is open (or could
 * not open), not when it closes. While this page lives, the dialog's Close message closes it; the dialog closes
 * itself otherwise (dialog.ts).
 */
export function showOutcome(outcome: DialogOutcome): Promise<void> {
  const url = new URL(`dialog.html${dialogQuery(outcome)}`, window.location.href).href;
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 20 }, (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) {
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
      }
      resolve();
    });
  });
}

async function checkRoster(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await showOutcome(await runCheckCommand());
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  // Nothing to prepare: the command does its work when clicked.
});

// Where the page's old-webview bootstrap found an engine too old for this bundle, it has taken the command itself.
if (!(window as { __rosterAssistantLegacy?: boolean }).__rosterAssistantLegacy) Office.actions.associate("checkRoster", checkRoster);
