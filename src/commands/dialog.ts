// The ribbon command's outcome dialog: shows the message passed in the query string. The command completed when the
// dialog opened, so the page that opened it may be gone: Close messages the parent (which closes the dialog while it
// lives) and, if the dialog is still open a moment later, closes its own container.
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
    void Office.onReady().then(() => {
      try {
        Office.context.ui.messageParent("close");
      } catch {
        // No parent to hear it: close the container below.
      }
      setTimeout(() => {
        try {
          (Office.context.ui as { closeContainer?: () => void }).closeContainer?.();
        } catch {
          window.close();
        }
      }, 500);
    });
  });
  close.focus();
}

// Where the page's old-webview bootstrap found an engine too old for this bundle, it shows its message instead.
if (!(window as { __rosterAssistantLegacy?: boolean }).__rosterAssistantLegacy) show();
Office.onReady(() => {
  try {
    if (themeKind(Office.context.officeTheme?.bodyBackgroundColor) === "dark") document.body.classList.add("dark");
  } catch {
    // No theme to follow (Excel on the web): the light page stays.
  }
});
