// The Check tab: the primary check, live re-check, counts by severity, the issue list, fixes, clear.
import * as React from "react";
import { Button, Switch, Text } from "@fluentui/react-components";
import { Report } from "../domain/report-schema";
import { Lang } from "../domain/vocabulary";
import { UiText, UiSeverity } from "../i18n/ui-text";
import { FixPanel, FixPanelProps } from "./FixPanel";
import { IssueList } from "./IssueList";
import { severityCounts } from "./issues";
import { useStyles } from "./styles";

export interface CheckTabProps {
  readonly ui: UiText;
  readonly lang: Lang;
  readonly report: Report | null;
  readonly busy: boolean;
  readonly live: boolean;
  readonly liveAvailable: boolean;
  readonly fix: Omit<FixPanelProps, "ui" | "lang" | "busy" | "changes">;
  readonly onCheck: () => void;
  readonly onLive: (on: boolean) => void;
  readonly onSelect: (sheet: string, cell: string) => void;
  readonly clear: {
    /** Unreverted changes while the pane asks before dropping the change log; null when it is not asking. */
    readonly confirmDropLog: number | null;
    readonly onClear: () => void;
    readonly onAskDropLog: () => void;
    readonly onDropLog: () => void;
    readonly onCancel: () => void;
  };
}

const SEVERITIES: readonly UiSeverity[] = ["error", "warning", "info"];

export function CheckTab(props: CheckTabProps): React.JSX.Element {
  const { ui, report } = props;
  const s = useStyles();
  const counts = React.useMemo(() => (report ? severityCounts(report.issues) : undefined), [report]);
  return (
    <div className={s.panel}>
      <div className={s.section}>
        <Text className={s.hint}>{ui.check.hint}</Text>
        <div className={s.row}>
          <Button appearance="primary" data-testid="check-button" disabled={props.busy} onClick={props.onCheck}>{ui.check.button}</Button>
        </div>
        {props.liveAvailable && (
          <>
            <Switch
              data-testid="live-toggle" label={ui.check.live} checked={props.live}
              onChange={(_, d) => props.onLive(d.checked)} aria-describedby="live-hint"
            />
            <Text className={s.hint} id="live-hint">{ui.check.liveHint}</Text>
          </>
        )}
      </div>

      <section className={s.section} aria-labelledby="results-heading">
        <h3 className={s.heading} id="results-heading">{ui.check.results}</h3>
        <div role="status" aria-live="polite" aria-atomic="true" className={s.section}>
          {report && counts ? (
            <>
              <div className={s.counts}>
                {SEVERITIES.map((sev) => (
                  <div key={sev} className={s.count}>
                    <span className={`${s.countNumber} ${s[sev]}`} data-testid={`count-${sev}`}>{counts[sev]}</span>
                    <span>{ui.severity[sev]}</span>
                  </div>
                ))}
              </div>
              <Text>{ui.check.members(report.members, report.rows)}</Text>
              {report.issues.length === 0 && <Text>{ui.check.noIssues}</Text>}
            </>
          ) : (
            <Text className={s.hint}>{ui.check.notChecked}</Text>
          )}
        </div>
        {report && report.issues.length > 0 && <IssueList issues={report.issues} ui={ui} lang={props.lang} onSelect={props.onSelect} />}
      </section>

      <FixPanel ui={ui} lang={props.lang} busy={props.busy} changes={report?.changes} {...props.fix} />

      <section className={s.section} aria-labelledby="clear-heading">
        <h3 className={s.heading} id="clear-heading">{ui.clear.button}</h3>
        <Text className={s.hint}>{ui.clear.hint}</Text>
        <div className={s.row}>
          <Button data-testid="clear-button" disabled={props.busy} onClick={props.clear.onClear}>{ui.clear.button}</Button>
          <Button data-testid="clear-drop-log-button" appearance="subtle" disabled={props.busy} onClick={props.clear.onAskDropLog}>{ui.clear.dropLog}</Button>
        </div>
        {props.clear.confirmDropLog !== null && (
          <div role="alertdialog" aria-labelledby="drop-log-question" className={s.section}>
            <Text id="drop-log-question" data-testid="drop-log-question">{ui.clear.confirmDropLog(props.clear.confirmDropLog)}</Text>
            <div className={s.row}>
              <Button data-testid="drop-log-confirm" appearance="primary" disabled={props.busy} onClick={props.clear.onDropLog}>{ui.clear.confirm}</Button>
              <Button data-testid="drop-log-cancel" disabled={props.busy} onClick={props.clear.onCancel}>{ui.clear.cancel}</Button>
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
