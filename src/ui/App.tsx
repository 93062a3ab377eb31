// The pane: tabs Check / Summaries / Settings over the operations it gets through props; one operation at a time,
// with progress, cancel and its outcome (or error) in the status bar.
import * as React from "react";
import {
  Button, FluentProvider, MessageBar, MessageBarBody, ProgressBar, Tab, TabList, Text, webDarkTheme, webLightTheme,
} from "@fluentui/react-components";
import type { LiveCheck } from "../app/excel-live";
import type { Progress, RunControl } from "../app/excel-run";
import type { SettingsView } from "../app/excel-settings";
import { Report } from "../domain/report-schema";
import { FieldCode } from "../domain/fields";
import { Lang } from "../domain/vocabulary";
import { UiText, uiText } from "../i18n/ui-text";
import { CheckTab } from "./CheckTab";
import { errorText, isCancelled } from "./errors";
import { MappingChoices, overridesToSave } from "./mapping";
import { RosterOps } from "./ops";
import { canCancel, checkedText, progressText } from "./outcome";
import { SettingsTab } from "./SettingsTab";
import { useStyles } from "./styles";
import { SummariesTab } from "./SummariesTab";
import { SyncTab } from "./SyncTab";
import { SYNC_PANE_TEXT } from "../i18n/sync-text";

export interface AppProps {
  readonly ops: RosterOps;
  readonly initialLang: Lang;
  /** Today, yyyy-mm-dd: the default as-of date. */
  readonly today: string;
  readonly theme?: "light" | "dark";
  /** Called when the user picks another language (the shell keeps the choice). */
  readonly onLangChange?: (lang: Lang) => void;
}

type TabId = "check" | "summaries" | "settings" | "sync";
type Intent = "success" | "warning" | "error" | "info";

/** The outcome shown in the status bar, rendered in whatever language the pane speaks now. */
interface Status {
  readonly intent: Intent;
  readonly text: (ui: UiText) => string;
}

const TABS: readonly TabId[] = ["check", "summaries", "settings", "sync"];

export function App(props: AppProps): React.JSX.Element {
  const { ops } = props;
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(props.initialLang);
  const ui = uiText(lang);
  const [tab, setTab] = React.useState<TabId>("check");
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [report, setReport] = React.useState<Report | null>(null);
  const [preview, setPreview] = React.useState(false);
  const [applied, setApplied] = React.useState<{ batch: number; count: number } | undefined>(undefined);
  const [asOf, setAsOf] = React.useState(props.today);
  const [settings, setSettings] = React.useState<SettingsView | null>(null);
  const [rosterIndex, setRosterIndex] = React.useState(0);
  const [choices, setChoices] = React.useState<MappingChoices>({});
  const [live, setLive] = React.useState(false);
  const [dropAsk, setDropAsk] = React.useState<number | null>(null);

  const busy = React.useRef(false);
  const abort = React.useRef<AbortController | null>(null);
  const reportRef = React.useRef<Report | null>(null);
  const liveRef = React.useRef<LiveCheck | null>(null);
  reportRef.current = report;

  /** Runs one operation: progress shown, cancel offered until it writes, the outcome or the error in the status bar. */
  const run = React.useCallback(async <T,>(work: (ctl: RunControl) => Promise<T>, done: (r: T) => Status | null): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ step: "reading" });
    setStatus(null);
    try {
      const r = await work({ signal: controller.signal, onProgress: (p) => setProgress(p) });
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
  }, []);

  const checked = (r: Report): Status => ({ intent: r.issues.some((i) => i.severity === "error") ? "warning" : "success", text: (u) => checkedText(r, u) });

  const check = React.useCallback((activate = true) => run((ctl) => ops.check({ ...ctl, activate }), (r) => {
    setReport(r);
    return checked(r);
  }), [ops, run]);

  const onPreview = async () => {
    if (preview) return setPreview(false);
    if (!reportRef.current && !(await check())) return;
    setPreview(true);
  };

  const onApply = () => {
    const changes = reportRef.current?.changes ?? [];
    return run((ctl) => ops.applyFixes(changes, ctl), (r) => {
      setReport(r.report);
      setPreview(false);
      if (r.batch === undefined || r.applied === 0) return { intent: "warning", text: (u) => u.fixes.nothingApplied };
      setApplied({ batch: r.batch, count: r.applied });
      return { intent: "success", text: (u) => [u.fixes.applied(r.batch!, r.applied), r.skipped ? u.fixes.skipped(r.skipped) : ""].join(" ").trim() };
    });
  };

  const onRevert = () => run((ctl) => ops.revertBatch(applied?.batch, ctl), (r) => {
    setReport(r.report);
    setApplied(undefined);
    return { intent: "success", text: (u) => u.fixes.reverted(r.batch) };
  });

  const onClear = (dropLog: boolean) => run((ctl) => ops.clear(ctl, { dropLog }), () => {
    setReport(null);
    setApplied(undefined);
    setPreview(false);
    setDropAsk(null);
    return { intent: "success", text: (u) => (dropLog ? u.clear.doneWithLog : u.clear.done) };
  });

  /** Dropping the change log is asked for first, naming the changes it could still revert. */
  const onAskDropLog = () => run((ctl) => ops.unrevertedChanges(ctl), (n) => {
    setDropAsk(n);
    return null;
  });

  const onWriteSummaries = () => {
    const day = asOf;
    return run((ctl) => ops.writeSummaries(day, ctl), () => ({ intent: "success", text: (u) => u.summaries.written(day) }));
  };

  const loadSettings = React.useCallback(() => run((ctl) => ops.readSettings(ctl), (v) => {
    setSettings(v);
    setRosterIndex(0);
    setChoices({});
    return null;
  }), [ops, run]);

  const onSaveSettings = () => {
    const roster = settings?.rosters[rosterIndex];
    if (!roster) return;
    const overrides = overridesToSave(roster, choices);
    if (overrides.length === 0) return setStatus({ intent: "info", text: (u) => u.settings.unchanged });
    const workbookLang = settings?.language ?? lang;
    return run(async (ctl) => {
      const sheet = await ops.saveColumnOverrides(overrides, workbookLang, ctl);
      return { sheet, view: await ops.readSettings(ctl) };
    }, ({ sheet, view }) => {
      setSettings(view);
      setChoices({});
      setRosterIndex(Math.max(0, view.rosters.findIndex((r) => r.sheet === roster.sheet)));
      return { intent: "success", text: (u) => u.settings.saved(overrides.length, sheet) };
    });
  };

  const onSelect = (sheet: string, cell: string) => {
    ops.selectCell(sheet, cell).catch((e: unknown) => setStatus({ intent: "error", text: (u) => errorText(e, u) }));
  };

  const stopLive = React.useCallback(async () => {
    const h = liveRef.current;
    liveRef.current = null;
    if (h) await h.stop().catch(() => undefined);
  }, []);

  const onLive = async (on: boolean) => {
    setLive(on);
    if (!on) return stopLive();
    if (!ops.startLive || liveRef.current) return;
    if (!reportRef.current && !(await check(false))) return setLive(false);
    try {
      liveRef.current = await ops.startLive({
        recheck: async () => void (await check(false)),
        watchedSheets: () => new Set(reportRef.current?.rosters.map((r) => r.sheet) ?? []),
        isBusy: () => busy.current,
        onError: (e) => setStatus({ intent: "error", text: (u) => errorText(e, u) }),
      });
    } catch (e) {
      setLive(false);
      setStatus({ intent: "error", text: (u) => errorText(e, u) });
    }
  };

  React.useEffect(() => () => void stopLive(), [stopLive]);

  // The mapping is read when the Settings tab is first opened.
  React.useEffect(() => {
    if (tab === "settings" && settings === null && !busy.current) void loadSettings();
  }, [tab, settings, loadSettings]);

  const onLang = (l: Lang) => {
    setLang(l);
    props.onLangChange?.(l);
  };

  const running = progress !== null;
  return (
    <FluentProvider theme={props.theme === "dark" ? webDarkTheme : webLightTheme} lang={lang} dir="ltr">
      <main className={s.root}>
        <h1 className={s.title}>{ui.appTitle}</h1>
        <TabList reserveSelectedTabSpace={false} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label={ui.appTitle}>
          {TABS.filter((t) => t !== "sync" || ops.previewSync).map((t) => <Tab key={t} value={t} id={`tab-${t}`} data-testid={`tab-${t}`}>{t === "sync" ? SYNC_PANE_TEXT[lang].tab : ui.tabs[t]}</Tab>)}
        </TabList>

        {running && (
          <div className={s.progress} data-testid="progress" role="status" aria-live="polite">
            <ProgressBar aria-label={ui.progress.label} />
            <Text>{progressText(progress, ui)}</Text>
            <div className={s.row}>
              <Button data-testid="cancel-button" size="small" disabled={!canCancel(progress)} onClick={() => abort.current?.abort()}>
                {ui.progress.cancel}
              </Button>
            </div>
          </div>
        )}
        <div aria-live="polite" role="status">
          {status && (
            <MessageBar intent={status.intent} data-testid="status-message" politeness={status.intent === "error" ? "assertive" : "polite"}>
              <MessageBarBody>{status.text(ui)}</MessageBarBody>
            </MessageBar>
          )}
        </div>

        <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === "check" && (
            <CheckTab
              ui={ui} lang={lang} report={report} busy={running} live={live} liveAvailable={ops.startLive !== undefined}
              fix={{ open: preview, applied, onPreview: () => void onPreview(), onApply: () => void onApply(), onRevert: () => void onRevert() }}
              onCheck={() => void check()} onLive={(on) => void onLive(on)} onSelect={onSelect}
              clear={{ confirmDropLog: dropAsk, onClear: () => void onClear(false), onAskDropLog: () => void onAskDropLog(), onDropLog: () => void onClear(true), onCancel: () => setDropAsk(null) }}
            />
          )}
          {tab === "summaries" && (
            <SummariesTab ui={ui} asOf={asOf} busy={running} onAsOf={setAsOf} onWrite={() => void onWriteSummaries()} />
          )}
          {tab === "settings" && (
            <SettingsTab
              ui={ui} lang={lang} busy={running} settings={settings} rosterIndex={rosterIndex} choices={choices}
              onLoad={() => void loadSettings()} onRoster={(i) => { setRosterIndex(i); setChoices({}); }}
              onChoose={(f: FieldCode, col: string) => setChoices((c) => ({ ...c, [f]: col }))} onSave={() => void onSaveSettings()} onLang={onLang}
            />
          )}
          {tab === "sync" && ops.previewSync && (
            <SyncTab
              lang={lang} busy={running}
              onPreview={(file) => run((ctl) => ops.previewSync!(file, ctl), () => null)}
              onApply={(file, accept) => run((ctl) => ops.applySync!(file, accept, ctl), (r) => ({ intent: r.batch === undefined ? "warning" : "success", text: () => SYNC_PANE_TEXT[lang].applied(r.updates, r.additions, r.batch) }))}
              onRevert={(batch) => run((ctl) => ops.revertBatch(batch, ctl), (r) => { setReport(r.report); return { intent: "success", text: () => SYNC_PANE_TEXT[lang].reverted(r.batch) }; })}
              onExport={(mask) => run((ctl) => ops.exportCsv!(mask, ctl), (n) => ({ intent: "success", text: () => SYNC_PANE_TEXT[lang].exported(n) }))}
            />
          )}
        </div>
      </main>
    </FluentProvider>
  );
}
