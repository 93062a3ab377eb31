// Issues grouped by code; each row is a button that takes the user to the cell.
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { Issue } from "../domain/schema";
import { Lang } from "../domain/vocabulary";
import { renderIssue } from "../i18n/issue-messages";
import { UiText } from "../i18n/ui-text";
import { IssueGroup, groupIssues, issueCell } from "./issues";
import { useStyles } from "./styles";

/** Rows shown per group at first, and added per "show more" (a big roster can have tens of thousands). */
const FIRST_PAGE = 50;
const NEXT_PAGE = 200;

export interface IssueListProps {
  readonly issues: readonly Issue[];
  readonly ui: UiText;
  readonly lang: Lang;
  readonly onSelect: (sheet: string, cell: string) => void;
}

export function IssueList(props: IssueListProps): React.JSX.Element {
  const s = useStyles();
  const groups = React.useMemo(() => groupIssues(props.issues), [props.issues]);
  const multiSheet = React.useMemo(() => new Set(props.issues.map((i) => i.sheet)).size > 1, [props.issues]);
  return (
    <div className={s.section}>
      <h3 className={s.heading}>{props.ui.check.issuesHeading}</h3>
      {groups.map((g) => <Group key={g.code} group={g} multiSheet={multiSheet} {...props} />)}
    </div>
  );
}

function Group(props: IssueListProps & { group: IssueGroup; multiSheet: boolean }): React.JSX.Element {
  const { group, ui, lang } = props;
  const s = useStyles();
  const [open, setOpen] = React.useState(true);
  const [shown, setShown] = React.useState(FIRST_PAGE);
  const id = React.useId();
  const total = group.issues.length;
  return (
    <section data-testid="issue-group" data-code={group.code} aria-labelledby={`${id}-h`}>
      <h4 className={s.groupHeading} id={`${id}-h`}>
        <button type="button" className={s.groupHeader} aria-expanded={open} aria-controls={`${id}-list`} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? "▾" : "▸"}</span>
          <span className={s[group.severity]}>{ui.severity[group.severity]}</span>
          <span>{ui.issueTitles[group.code]}</span>
          <span>({ui.check.groupCount(total)})</span>
        </button>
      </h4>
      {open && (
        <ul className={s.list} id={`${id}-list`}>
          {group.issues.slice(0, shown).map((i, k) => {
            const cell = issueCell(i);
            const message = renderIssue(i, lang);
            const where = props.multiSheet ? `${i.sheet} ${cell}` : cell;
            return (
              <li key={k}>
                <button
                  type="button" className={s.item} data-testid="issue-item" data-sheet={i.sheet} data-cell={cell}
                  aria-label={ui.check.goTo(i.sheet, cell, message)} onClick={() => props.onSelect(i.sheet, cell)}
                >
                  <span className={s.cell}>{where}</span>
                  <span>{message}{i.value ? <span className={s.value}> {ui.check.quoted(i.value)}</span> : null}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {open && shown < total && (
        <Button size="small" appearance="subtle" onClick={() => setShown(shown + NEXT_PAGE)}>{ui.check.showMore(shown, total)}</Button>
      )}
    </section>
  );
}
