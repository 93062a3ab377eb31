// The ribbon command's outcome dialog: shows the message passed in the query string; Close messages the parent, which
// closes the dialog and completes the command.
import { uiText } from "../i18n/ui-text";
import { parseDialogQuery } from "../ui/dialog-query";
import { themeKind } from "../ui/theme";

const outcome = parseDialogQuery(window.location.search);
const ui = uiText(outcome.lang);
const $ = (id: string) => document.getElementById(id)!;

function show(): void {
  document.documentElement.lang = outcome.lang;
  document.title = ui.dialog.title;
  $("dialog-title").textContent = ui.dialog.title;
  const message = $("dialog-message");
  message.textContent = outcome.text;
  message.className = `message ${outcome.kind}`;
  message.setAttribute("role", outcome.kind === "error" ? "alert" : "status");
  const close = $("dialog-close") as HTMLButtonElement;
  close.textContent = ui.dialog.close;
  close.addEventListener("click", () => {
    void Office.onReady().then(() => Office.context.ui.messageParent("close"));
  });
  close.focus();
}

show();
Office.onReady(() => {
  try {
    if (themeKind(Office.context.officeTheme?.bodyBackgroundColor) === "dark") document.body.classList.add("dark");
  } catch {
    // No theme to follow (Excel on the web): the light page stays.
  }
});
