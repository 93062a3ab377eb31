// The web page's entry: marks the bundle as started (the page's old-browser check looks for it), picks the language
// (?lang=, else the one chosen before, else zh-CN) and renders the page over the engine worker.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Lang } from "../domain/vocabulary";
import { uiText } from "../i18n/ui-text";
import { pickLang } from "../ui/lang";
import { Engine } from "./engine-client";
import { WebApp } from "./WebApp";

/** The worker bundle's text, put in by the build (scripts/build-web.mjs). */
declare const __ENGINE_WORKER_SOURCE__: string;

const LANG_KEY = "rosterAssistant.lang";

function maybe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function setDocLang(l: Lang): void {
  document.documentElement.lang = l;
  document.title = uiText(l).appTitle;
}

function start(): void {
  const lang = pickLang(window.location.search, undefined, maybe(() => window.localStorage.getItem(LANG_KEY)));
  setDocLang(lang);
  const onLangChange = (l: Lang) => {
    setDocLang(l);
    maybe(() => window.localStorage.setItem(LANG_KEY, l));
  };
  createRoot(document.getElementById("container")!).render(
    <React.StrictMode>
      <WebApp engine={new Engine(__ENGINE_WORKER_SOURCE__)} initialLang={lang} onLangChange={onLangChange} />
    </React.StrictMode>,
  );
}

const flags = window as unknown as { __rosterStarted?: boolean; __rosterTooOld?: boolean };
flags.__rosterStarted = true;
// where the page's first script found a feature missing, it shows its message and the page is not started
if (!flags.__rosterTooOld) start();
