// help.html (the manifest's SupportUrl and GetStarted link): a static page in the three languages, made at build
// time from the UI strings, with no script and nothing loaded from anywhere.
import { Lang } from "../domain/vocabulary";
import { UiText } from "../i18n/ui-text";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function section(lang: Lang, t: UiText): string {
  return [
    `<section lang="${lang}" id="${lang}">`,
    `<h2>${escape(t.help.title)}</h2>`,
    `<p>${escape(t.help.intro)}</p>`,
    `<ol>${t.help.steps.map((s) => `<li>${escape(s)}</li>`).join("")}</ol>`,
    `<p class="privacy"><strong>${escape(t.help.privacy)}</strong></p>`,
    `</section>`,
  ].join("\n");
}

export function helpHtml(texts: Readonly<Record<Lang, UiText>>): string {
  const langs: Lang[] = ["zh-CN", "zh-TW", "en"];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escape(texts["zh-CN"].help.title)} / ${escape(texts.en.help.title)}</title>
<style>
body { font-family: "Segoe UI", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif; max-width: 44em; margin: 2em auto; padding: 0 1em; line-height: 1.6; color: #242424; }
nav a { margin-right: 1em; }
section { border-top: 1px solid #d1d1d1; padding-top: 0.5em; margin-top: 1.5em; }
.privacy { background: #f0f6ff; padding: 0.5em 0.75em; border-radius: 4px; }
@media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #f0f0f0; } .privacy { background: #243447; } }
</style>
</head>
<body>
<h1>${escape(texts["zh-CN"].appTitle)} · ${escape(texts["zh-TW"].appTitle)} · ${escape(texts.en.appTitle)}</h1>
<nav>${langs.map((l) => `<a href="#${l}" lang="${l}">${escape(texts[l].settings.languages[l])}</a>`).join("")}</nav>
${langs.map((l) => section(l, texts[l])).join("\n")}
</body>
</html>
`;
}
