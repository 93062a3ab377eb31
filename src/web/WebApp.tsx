// The web page: the task pane's Check and Summaries tabs (src/ui, through their props) over a workbook chosen from
// disk, the engine in a worker; a sheet preview beside them; "Download checked workbook". The page keeps the bytes.
import * as React from "react";
import {
  Button, FluentProvider, MessageBar, MessageBarBody, ProgressBar, Select, Tab, TabList, Text, webLightTheme,
} from "@fluentui/react-components";
import { Progress, RunControl, localDay, localTime } from "../app/excel-run";
import { FixKind } from "../domain/fix-kinds";
import { Report } from "../domain/report-schema";
import { Lang } from "../domain/vocabulary";
import { UiText, uiText } from "../i18n/ui-text";
import { webText } from "../i18n/web-text";
import { CheckTab } from "../ui/CheckTab";
import { errorText, isCancelled } from "../ui/errors";
import { LANGS } from "../ui/lang";
import { canCancel, checkedText, progressText } from "../ui/outcome";
import { useStyles } from "../ui/styles";
import { SummariesTab } from "../ui/SummariesTab";
import { SyncTab } from "../ui/SyncTab";
import { SYNC_PANE_TEXT } from "../i18n/sync-text";
import type { Engine } from "./engine-client";
import type { CheckArgs, EngineRequest, EngineResult, SheetWindow } from "./engine-protocol";
import { FilePicker } from "./FilePicker";
import { PreviewTarget, SheetPreview } from "./SheetPreview";
import { saveBytes } from "./save-file";
import { useWebStyles } from "./web-styles";

export interface WebAppProps {
  readonly engine: Engine;
  readonly initialLang: Lang;
  readonly onLangChange?: (lang: Lang) => void;
}

interface Status {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly text: (ui: UiText) => string;
}

interface Book {
  readonly name: string;
  /** The workbook as it is now: the file read, then each operation's output. */
  readonly bytes: Uint8Array;
  readonly size: number;
  /** Whether the page wrote these bytes (a check, fix, revert, clear): then they may be downloaded. */
  readonly written: boolean;
}

type TabId = "check" | "summaries" | "sync";

const LANG_NAMES: Readonly<Record<Lang, string>> = { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" };
const PREVIEW_AROUND = 8;

export function WebApp(props: WebAppProps): React.JSX.Element {
  const { engine } = props;
  const s = useStyles();
  const w = useWebStyles();
  const [lang, setLang] = React.useState<Lang>(props.initialLang);
  const ui = uiText(lang);
  const web = webText(lang);
  const [tab, setTab] = React.useState<TabId>("check");
  const [book, setBook] = React.useState<Book | null>(null);
  const [report, setReport] = React.useState<Report | null>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [preview, setPreview] = React.useState(false);
  const [applied, setApplied] = React.useState<{ batch: number; count: number } | undefined>(undefined);
  const [asOf, setAsOf] = React.useState(localDay(new Date()));
  const [dropAsk, setDropAsk] = React.useState<number | null>(null);
  /** The preview shown: the issue's cell and the rows read around it, kept together (never a new target over old rows). */
  const [shown, setShown] = React.useState<{ target: PreviewTarget; window?: SheetWindow } | undefined>(undefined);
  const previewSeq = React.useRef(0);
  const busy = React.useRef(false);
  const abort = React.useRef<AbortController | null>(null);
  const bookRef = React.useRef<Book | null>(null);
  bookRef.current = book;

  const args = (day?: string): CheckArgs => {
    const now = new Date();
    return { today: localDay(now), asOf: day, time: localTime(now) };
  };

  /** One operation on the workbook: progress and cancel shown, its output kept, its outcome in the status bar. */
  const run = async (request: EngineRequest, done: (r: EngineResult) => Status | null): Promise<EngineResult | undefined> => {
    const current = bookRef.current;
    if (busy.current) return undefined;
    if (!current) return void setStatus({ intent: "warning", text: () => web.needFile });
    busy.current = true;
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ step: "reading" });
    setStatus(null);
    try {
      const ctl: RunControl = { signal: controller.signal, onProgress: setProgress };
      const r = await engine.call(current.name, current.bytes, request, ctl);
      if (r.output) setBook({ ...current, bytes: r.output, written: true });
      setStatus(done(r));
      return r;
    } catch (e) {
      setStatus(isCancelled(e) ? { intent: "info", text: (u) => u.progress.cancelled } : { intent: "error", text: (u) => errorText(e, u) });
      return undefined;
    } finally {
      busy.current = false;
      abort.current = null;
      setProgress(null);
    }
  };

  const checked = (r: Report): Status => ({ intent: r.issues.some((i) => i.severity === "error") ? "warning" : "success", text: (u) => checkedText(r, u) });

  const onFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return setStatus({ intent: "error", text: () => webText(lang).notXlsx(file.name) });
    setBook({ name: file.name, bytes, size: bytes.length, written: false });
    setReport(null);
    setApplied(undefined);
    setPreview(false);
    setShown(undefined);
    setStatus({ intent: "info", text: () => webText(lang).loaded(file.name, Math.ceil(bytes.length / 1024)) });
  };

  const check = (day?: string) => run({ op: "check", args: args(day) }, (r) => {
    // a transition: React renders a big report in slices, the page answering between them
    React.startTransition(() => setReport(r.report!));
    return checked(r.report!);
  });

  const onPreview = async () => {
    if (preview) return setPreview(false);
    if (!report && !(await check())) return;
    setPreview(true);
  };

  // the fix panel offers the changes not yet applied, and the clerk's choice of kinds among them (FixPanel)
  const shownReport = React.useMemo(() => (report && report.changesApplied ? { ...report, changes: [] } : report), [report]);

  const onApply = (chosen: readonly FixKind[]) => run({ op: "fix", args: args(), kinds: chosen }, (r) => {
    setReport(r.report!);
    setPreview(false);
    const n = r.report!.changes.length;
    if (r.batch === undefined || n === 0) return { intent: "warning", text: (u) => u.fixes.nothingApplied };
    setApplied({ batch: r.batch, count: n });
    return { intent: "success", text: (u) => u.fixes.applied(r.batch!, n) };
  });

  const onRevert = () => run({ op: "revert", args: args(), batch: applied?.batch }, (r) => {
    setReport(r.report!);
    setApplied(undefined);
    return { intent: "success", text: (u) => u.fixes.reverted(r.batch!) };
  });

  const onClear = (dropLog: boolean) => run({ op: "clear", dropLog }, () => {
    setReport(null);
    setApplied(undefined);
    setPreview(false);
    setDropAsk(null);
    return { intent: "success", text: (u) => (dropLog ? u.clear.doneWithLog : u.clear.done) };
  });

  /** Dropping the change log is asked for first, naming the changes it could still revert. */
  const onAskDropLog = () => run({ op: "unreverted" }, (r) => {
    setDropAsk(r.unreverted ?? 0);
    return null;
  });

  const onSummaries = () => {
    const day = asOf;
    return run({ op: "check", args: args(day) }, (r) => {
      setReport(r.report!);
      return { intent: "success", text: (u) => u.summaries.written(day) };
    });
  };

  const onSelect = (sheet: string, cell: string) => {
    const current = bookRef.current;
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!current || !m) return;
    const t = { sheet, row: Number(m[2]), column: m[1] };
    const seq = ++previewSeq.current;
    const headerRow = report?.rosters.find((r) => r.sheet === sheet)?.headerRow;
    engine.call(current.name, current.bytes, { op: "preview", sheet, row: t.row, around: PREVIEW_AROUND, headerRow }).then(
      (r) => { if (seq === previewSeq.current) setShown({ target: t, window: r.window }); },
      (e: unknown) => { if (!isCancelled(e)) setStatus({ intent: "error", text: (u) => errorText(e, u) }); },
    );
  };

  const onDownload = () => {
    if (book?.written) saveBytes(book.bytes, web.downloadName(book.name));
  };

  const onLang = (l: Lang) => {
    setLang(l);
    props.onLangChange?.(l);
  };

  const running = progress !== null;
  return (
    <FluentProvider theme={webLightTheme} lang={lang} dir="ltr">
      <main className={`${s.root} ${w.page}`}>
        <header className={w.header}>
          <div className={s.row} style={{ justifyContent: "space-between" }}>
            <h1 className={s.title}>{ui.appTitle}</h1>
            <label className={s.row}>
              <Text size={200}>{web.language}</Text>
              <Select data-testid="lang-select" value={lang} onChange={(_, d) => onLang(d.value as Lang)}>
                {LANGS.map((l) => <option key={l} value={l}>{LANG_NAMES[l]}</option>)}
              </Select>
            </label>
          </div>
          <Text className={w.tagline}>{web.tagline} {web.privacy}</Text>
        </header>
        <div className={w.layout}>
          <div className={w.side}>
            <FilePicker web={web} busy={running} loaded={book ? web.loaded(book.name, Math.ceil(book.size / 1024)) : undefined} onFile={(f) => void onFile(f)} />
            {report && <Text className={w.members} data-testid="member-count">{web.members(report.members)}</Text>}
            <div className={s.row}>
              <Button appearance="primary" data-testid="download-button" disabled={running || !book?.written} onClick={onDownload}>{web.download}</Button>
            </div>
            <Text size={200} className={s.hint}>{web.downloadHint}</Text>
            {running && (
              <div className={s.progress} data-testid="progress" role="status" aria-live="polite">
                <ProgressBar aria-label={ui.progress.label} />
                <Text>{progressText(progress, ui)}</Text>
                <div className={s.row}>
                  <Button data-testid="cancel-button" size="small" disabled={!canCancel(progress)} onClick={() => abort.current?.abort()}>{ui.progress.cancel}</Button>
                </div>
              </div>
            )}
            <div aria-live="polite" role="status">
              {status && (
                <MessageBar intent={status.intent} data-testid="status-message">
                  <MessageBarBody>{status.text(ui)}</MessageBarBody>
                </MessageBar>
              )}
            </div>
            <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label={ui.appTitle}>
              <Tab value="check" id="tab-check" data-testid="tab-check">{ui.tabs.check}</Tab>
              <Tab value="summaries" id="tab-summaries" data-testid="tab-summaries">{ui.tabs.summaries}</Tab>
              <Tab value="sync" id="tab-sync" data-testid="tab-sync">{SYNC_PANE_TEXT[lang].tab}</Tab>
            </TabList>
            <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
              {tab === "check" ? (
                <CheckTab
                  ui={ui} lang={lang} report={shownReport} busy={running} live={false} liveAvailable={false}
                  fix={{
                    open: preview, applied, onPreview: () => void onPreview(), onApply: (chosen) => void onApply(chosen), onRevert: () => void onRevert(),
                  }}
                  onCheck={() => void check()} onLive={() => undefined} onSelect={onSelect}
                  clear={{ confirmDropLog: dropAsk, onClear: () => void onClear(false), onAskDropLog: () => void onAskDropLog(), onDropLog: () => void onClear(true), onCancel: () => setDropAsk(null) }}
                />
              ) : tab === "summaries" ? (
                <SummariesTab ui={ui} asOf={asOf} busy={running} onAsOf={setAsOf} onWrite={() => void onSummaries()} />
              ) : (
                <SyncTab
                  lang={lang} busy={running}
                  onPreview={async (incoming) => (await run({ op: "syncPreview", args: args(), incoming }, () => null))?.sync}
                  onApply={(incoming, accept) => run({ op: "syncApply", args: args(), incoming, accept }, (r) => {
                    if (r.report) setReport(r.report);
                    const n = r.synced ?? { updates: 0, additions: 0 };
                    return { intent: r.batch === undefined ? "warning" : "success", text: () => SYNC_PANE_TEXT[lang].applied(n.updates, n.additions, r.batch) };
                  })}
                  onRevert={(batch) => run({ op: "revert", args: args(), batch }, (r) => {
                    setReport(r.report!);
                    return { intent: "success", text: () => SYNC_PANE_TEXT[lang].reverted(r.batch!) };
                  })}
                  onExport={(maskIds) => run({ op: "export", args: args(), maskIds }, (r) => {
                    const files = r.files ?? [];
                    for (const f of files) saveBytes(f.bytes, f.name, "text/csv");
                    return { intent: "success", text: () => SYNC_PANE_TEXT[lang].exported(files.length) };
                  })}
                />
              )}
            </div>
          </div>
          <SheetPreview web={web} target={shown?.target} window={shown?.window} />
        </div>
      </main>
    </FluentProvider>
  );
}

