// Which kinds of fix to apply (FIX_KINDS), each with how many changes the last check offers of it.
import * as React from "react";
import { Checkbox } from "@fluentui/react-components";
import { FIX_KINDS, FixKind } from "../domain/fix-kinds";
import { WebText } from "../i18n/web-text";
import { useWebStyles } from "./web-styles";

export interface FixKindsProps {
  readonly web: WebText;
  readonly counts: Readonly<Record<FixKind, number>>;
  readonly chosen: ReadonlySet<FixKind>;
  readonly busy: boolean;
  readonly onChange: (kind: FixKind, on: boolean) => void;
}

export function FixKinds(props: FixKindsProps): React.JSX.Element {
  const s = useWebStyles();
  return (
    <fieldset className={s.kinds} data-testid="fix-kinds">
      <legend className={s.legend}>{props.web.kindsLegend}</legend>
      {FIX_KINDS.map((k) => (
        <Checkbox
          key={k} data-testid={`fix-kind-${k}`} disabled={props.busy} checked={props.chosen.has(k)}
          label={`${props.web.kinds[k]} (${props.counts[k]})`} onChange={(_, d) => props.onChange(k, d.checked === true)}
        />
      ))}
    </fieldset>
  );
}
