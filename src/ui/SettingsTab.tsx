// The Settings tab: the detected column mapping with a dropdown per field (saved into the settings sheet), and the
// pane's language.
import * as React from "react";
import { Button, Divider, Field, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import type { SettingsView } from "../app/excel-settings";
import { FieldCode } from "../domain/fields";
import { Lang } from "../domain/vocabulary";
import { fieldLabel } from "../i18n/field-labels";
import { UiText } from "../i18n/ui-text";
import { LANGS } from "./lang";
import { MAPPABLE_FIELDS, MappingChoices, chosenColumn, clashingColumns } from "./mapping";
import { useStyles } from "./styles";

export interface SettingsTabProps {
  readonly ui: UiText;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly settings: SettingsView | null;
  readonly rosterIndex: number;
  readonly choices: MappingChoices;
  readonly onLoad: () => void;
  readonly onRoster: (index: number) => void;
  readonly onChoose: (field: FieldCode, column: string) => void;
  readonly onSave: () => void;
  readonly onLang: (lang: Lang) => void;
}

export function SettingsTab(props: SettingsTabProps): React.JSX.Element {
  const { ui, settings, lang } = props;
  const s = useStyles();
  const roster = settings?.rosters[props.rosterIndex];
  const clashes = roster ? clashingColumns(roster, props.choices) : [];
  return (
    <div className={s.panel}>
      <section className={s.section} aria-labelledby="mapping-heading">
        <h3 className={s.heading} id="mapping-heading">{ui.settings.mappingHeading}</h3>
        <Text className={s.hint}>{ui.settings.hint}</Text>
        <div className={s.row}>
          <Button disabled={props.busy} onClick={props.onLoad}>{ui.settings.load}</Button>
        </div>
        {settings && settings.rosters.length === 0 && <Text>{ui.settings.noRoster}</Text>}
        {settings && settings.rosters.length > 1 && (
          <Field label={ui.settings.sheet}>
            <Select value={String(props.rosterIndex)} onChange={(_, d) => props.onRoster(Number(d.value))}>
              {settings.rosters.map((r, i) => <option key={r.sheet} value={String(i)}>{r.sheet}</option>)}
            </Select>
          </Field>
        )}
        {roster && (
          <table className={s.table}>
            <caption className={s.hint} style={{ textAlign: "start" }}>{roster.sheet}</caption>
            <thead>
              <tr><th className={s.th} scope="col">{ui.settings.field}</th><th className={s.th} scope="col">{ui.settings.column}</th></tr>
            </thead>
            <tbody>
              {MAPPABLE_FIELDS.map((field) => (
                <tr key={field} data-testid="mapping-row" data-field={field}>
                  <th className={s.th} scope="row"><label htmlFor={`map-${field}`}>{fieldLabel(field, lang)}</label></th>
                  <td>
                    <Select
                      id={`map-${field}`} size="small" data-testid={`mapping-select-${field}`} disabled={props.busy}
                      value={chosenColumn(roster, props.choices, field)} onChange={(_, d) => props.onChoose(field, d.value)}
                    >
                      <option value="">{ui.settings.notMapped}</option>
                      {roster.headers.map((h) => <option key={h.column} value={h.column}>{`${h.column}: ${h.text}`}</option>)}
                    </Select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {clashes.map((c) => (
          <MessageBar key={c.column} intent="warning">
            <MessageBarBody>{ui.settings.duplicate(c.column, c.fields.map((f) => fieldLabel(f, lang)).join(lang === "en" ? ", " : "、"))}</MessageBarBody>
          </MessageBar>
        ))}
        <div className={s.row}>
          <Button appearance="primary" data-testid="save-settings-button" disabled={props.busy || !roster || clashes.length > 0} onClick={props.onSave}>
            {ui.settings.save}
          </Button>
        </div>
      </section>
      <Divider />
      <Field label={ui.settings.language} hint={ui.settings.languageHint}>
        <Select data-testid="lang-select" value={lang} onChange={(_, d) => props.onLang(d.value as Lang)}>
          {LANGS.map((l) => <option key={l} value={l} lang={l}>{ui.settings.languages[l]}</option>)}
        </Select>
      </Field>
    </div>
  );
}
