// The task pane: once office.js is ready, the pane in the user's language and Office's theme over the Excel use cases.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { localDay } from "../app/excel-run";
import { Lang } from "../domain/vocabulary";
import { uiText } from "../i18n/ui-text";
import { App } from "../ui/App";
import { pickLang } from "../ui/lang";
import { themeKind } from "../ui/theme";
import { excelOps } from "./excel-ops";

const LANG_KEY = "rosterAssistant.lang";

/** A value office.js or the browser may not have (Excel on the web has no officeTheme; storage can be blocked). */
function maybe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Set by the page's old-webview bootstrap (legacy-bootstrap.ts): it has shown its message instead of the pane. */
const page = window as { __rosterAssistantLegacy?: boolean; __rosterAssistantStarted?: boolean };
page.__rosterAssistantStarted = true;

Office.onReady(() => {
  if (page.__rosterAssistantLegacy) return;
  const lang = pickLang(window.location.search, maybe(() => Office.context.displayLanguage), maybe(() => window.localStorage.getItem(LANG_KEY)));
  const theme = themeKind(maybe(() => Office.context.officeTheme?.bodyBackgroundColor));
  document.documentElement.lang = lang;
  document.title = uiText(lang).appTitle;
  if (theme === "dark") document.body.style.backgroundColor = maybe(() => Office.context.officeTheme.bodyBackgroundColor) ?? "";
  const onLangChange = (l: Lang) => {
    document.documentElement.lang = l;
    document.title = uiText(l).appTitle;
    maybe(() => window.localStorage.setItem(LANG_KEY, l));
  };
  const container = document.getElementById("container")!;
  if (typeof Excel === "undefined") {
    container.textContent = uiText(lang).status.noExcel;
    return;
  }
  createRoot(container).render(
    <React.StrictMode>
      <App ops={excelOps()} initialLang={lang} today={localDay(new Date())} theme={theme} onLangChange={onLangChange} />
    </React.StrictMode>,
  );
});
