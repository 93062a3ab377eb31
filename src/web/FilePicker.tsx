// Choosing the roster: a labelled file input, and a drop zone for a file dragged from the desktop or a mail.
import * as React from "react";
import { Text } from "@fluentui/react-components";
import { WebText } from "../i18n/web-text";
import { useWebStyles } from "./web-styles";

export interface FilePickerProps {
  readonly web: WebText;
  readonly busy: boolean;
  readonly loaded?: string;
  readonly onFile: (file: File) => void;
}

export function FilePicker(props: FilePickerProps): React.JSX.Element {
  const { web } = props;
  const s = useWebStyles();
  const [over, setOver] = React.useState(false);
  const id = React.useId();
  const take = (files: FileList | null | undefined) => {
    const f = files?.[0];
    if (f && !props.busy) props.onFile(f);
  };
  return (
    <div
      className={over ? `${s.drop} ${s.dropActive}` : s.drop} data-testid="drop-zone"
      onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = "copy"; setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => { e.preventDefault(); setOver(false); take(e.dataTransfer.files); }}
    >
      <label htmlFor={id}><Text weight="semibold">{web.fileLabel}</Text></label>
      <input
        id={id} className={s.fileInput} type="file" data-testid="file-input" disabled={props.busy}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => { take(e.currentTarget.files); e.currentTarget.value = ""; }}
      />
      <Text size={200}>{over ? web.dropHere : web.dropHint}</Text>
      <Text size={200} data-testid="file-status">{props.loaded ?? web.noFile}</Text>
    </div>
  );
}
