// The old-webview bootstrap: a tiny inline ES5 script put in every page of the add-in (task pane, ribbon command,
// dialog) before the modern bundle. Some Excel builds that report ExcelApi 1.9 still show add-ins in the Internet
// Explorer or legacy Edge webview, where the bundle (ES2020: `?.`, `??`) does not even parse: the pane would stay
// blank and the ribbon button do nothing. The script tries to compile `a?.b ?? c`; where it cannot (or where the
// bundle fails to load), it shows, in the user's language, what to do instead (the command line or the web page).
// On the ribbon command's page it takes the command itself and opens the dialog page, which shows the same message.
// Made at build time from the UI strings (webpack.config.js); the script itself is ES5 only.
import { Lang } from "../domain/vocabulary";
import { UiText } from "../i18n/ui-text";

export type LegacyPage = "taskpane" | "commands" | "dialog";

/** The inline script (without the <script> tag) for one page. */
export function legacyBootstrap(texts: Readonly<Record<Lang, UiText>>, page: LegacyPage): string {
  const messages = Object.fromEntries((Object.keys(texts) as Lang[]).map((l) => [l, texts[l].legacy]));
  // Plain ES5 from here: no arrow functions, let/const, template strings, classes or newer syntax.
  return `(function () {
  var page = ${JSON.stringify(page)};
  var T = ${JSON.stringify(messages).replace(/</g, "\\u003c")};
  var modern = true;
  try { new Function("var a = { b: 1 }; return a?.b ?? 0;")(); } catch (e) { modern = false; }
  window.__rosterAssistantLegacy = !modern;
  function pickLang() {
    var m = /[?&]lang=([^&#]+)/.exec(location.search);
    var l = (m ? decodeURIComponent(m[1]) : (navigator.language || navigator.userLanguage || "zh-CN")).toLowerCase();
    if (/^zh-(tw|hk|mo|hant)/.test(l)) return "zh-TW";
    if (/^zh/.test(l)) return "zh-CN";
    return /^en/.test(l) ? "en" : "zh-CN";
  }
  function esc(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
  function show() {
    if (window.__rosterAssistantLegacyShown) return;
    window.__rosterAssistantLegacyShown = true;
    var lang = pickLang();
    var t = T[lang];
    var render = function () {
      var items = "";
      for (var i = 0; i < t.steps.length; i++) items += "<li>" + esc(t.steps[i]) + "</li>";
      var box = document.getElementById("container") || document.body;
      box.innerHTML = "<div data-testid=\\"legacy-message\\" role=\\"alert\\" lang=\\"" + lang + "\\" style=\\"font-family: 'Segoe UI', 'Microsoft YaHei', sans-serif; padding: 12px; line-height: 1.6\\">" +
        "<h1 style=\\"font-size: 18px\\">" + esc(t.title) + "</h1><p>" + esc(t.body) + "</p><ol>" + items + "</ol></div>";
      document.title = t.title;
    };
    if (document.body) render(); else document.addEventListener("DOMContentLoaded", render);
  }
  window.__rosterAssistantShowLegacy = show;
  if (!modern) {
    show();
    if (page === "commands" && window.Office && Office.actions) {
      // The modern command cannot run here: the button opens the dialog page, which shows the message.
      Office.actions.associate("checkRoster", function (event) {
        var url = location.href.replace(/[?#].*$/, "").replace(/[^\\/]*$/, "dialog.html") + "?lang=" + pickLang();
        try {
          Office.context.ui.displayDialogAsync(url, { height: 40, width: 30 }, function () { event.completed(); });
        } catch (e) { event.completed(); }
      });
    }
  } else if (page !== "commands") {
    // A modern engine whose bundle failed to load (blocked, or cut off): the same message, not a blank pane.
    window.addEventListener("error", function (e) {
      var el = e && e.target;
      if (el && el.tagName === "SCRIPT" && el.src && el.src.indexOf(location.host) >= 0 && !window.__rosterAssistantStarted) show();
    }, true);
  }
})();`;
}
