// The Summaries tab: the as-of date and writing the summary and projects-and-jobs sheets.
import * as React from "react";
import { Button, Field, Input, Text } from "@fluentui/react-components";
import { UiText } from "../i18n/ui-text";
import { isIsoDay } from "./outcome";
import { useStyles } from "./styles";

export interface SummariesTabProps {
  readonly ui: UiText;
  readonly asOf: string;
  readonly busy: boolean;
  readonly onAsOf: (asOf: string) => void;
  readonly onWrite: () => void;
}

export function SummariesTab(props: SummariesTabProps): React.JSX.Element {
  const { ui } = props;
  const s = useStyles();
  const valid = isIsoDay(props.asOf);
  return (
    <div className={s.panel}>
      <section className={s.section} aria-labelledby="summaries-heading">
        <h3 className={s.heading} id="summaries-heading">{ui.summaries.heading}</h3>
        <Text className={s.hint}>{ui.summaries.hint}</Text>
        <Field label={ui.summaries.asOf} validationState={valid ? "none" : "error"} validationMessage={valid ? undefined : ui.summaries.badDate}>
          <Input type="date" data-testid="asof-input" value={props.asOf} onChange={(_, d) => props.onAsOf(d.value)} />
        </Field>
        <div className={s.row}>
          <Button appearance="primary" data-testid="write-summaries-button" disabled={props.busy || !valid} onClick={props.onWrite}>
            {ui.summaries.write}
          </Button>
        </div>
      </section>
    </div>
  );
}
