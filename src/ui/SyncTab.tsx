// The 同步 panel: choose a file, see the preview grouped (additions, updates old -> new, conflicts, absent, rejected),
// keep or drop each change or a whole group, write them as one logged batch, undo it; export CSV with masking.
import * as React from "react";
import { Button, Checkbox, Text } from "@fluentui/react-components";
import { SyncReport } from "../domain/diff-schema";
import { Lang } from "../domain/vocabulary";
import { fieldLabel } from "../i18n/field-labels";
import { SYNC_PANE_TEXT, SYNC_TEXT, rejectText } from "../i18n/sync-text";
import { useStyles } from "./styles";

export interface SyncPreviewView {
  readonly report: SyncReport;
  readonly encoding?: string;
  readonly delimiter?: string;
}

export interface SyncTabProps {
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onPreview: (file: { name: string; bytes: Uint8Array }) => Promise<SyncPreviewView | undefined>;
  readonly onApply: (file: { name: string; bytes: Uint8Array }, accept: SyncReport) => Promise<{ batch?: number } | undefined>;
  readonly onRevert: (batch: number) => Promise<unknown>;
  readonly onExport: (maskIds: boolean) => Promise<unknown>;
}

type Group = "added" | "updated" | "conflicts";
/** Lists longer than this (absent members, rejected rows) open folded. */
const SHOWN = 10;

export function SyncTab(props: SyncTabProps): React.JSX.Element {
  const s = useStyles();
  const t = SYNC_TEXT[props.lang];
  const p = SYNC_PANE_TEXT[props.lang];
  const [file, setFile] = React.useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [view, setView] = React.useState<SyncPreviewView | null>(null);
  const [batch, setBatch] = React.useState<number | undefined>(undefined);
  const [mask, setMask] = React.useState(true);

  const choose = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = "";
    if (!f) return;
    const chosen = { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
    setFile(chosen);
    setBatch(undefined);
    setView((await props.onPreview(chosen)) ?? null);
  };
  const setAccept = (group: Group, i: number | "all", accept: boolean) => {
    if (!view) return;
    const list = (view.report[group] as { accept: boolean }[]).map((x, k) => (i === "all" || k === i ? { ...x, accept } : x));
    setView({ ...view, report: { ...view.report, [group]: list } });
  };
  const apply = async () => {
    if (!file || !view) return;
    const r = await props.onApply(file, view.report);
    if (r?.batch !== undefined) {
      setBatch(r.batch);
      setView(null);
    }
  };
  const f = (field: string) => fieldLabel(field, props.lang);
  const r = view?.report;
  const group = (g: Group, title: string, line: (x: never) => string) => {
    const items = (r?.[g] ?? []) as { accept: boolean }[];
    if (items.length === 0) return null;
    return (
      <section className={s.section} data-testid={`sync-${g}`}>
        <div className={s.row}>
          <Text weight="semibold">{title}</Text>
          <Checkbox data-testid={`sync-${g}-all`} label={p.acceptAll} checked={items.every((x) => x.accept) ? true : items.some((x) => x.accept) ? "mixed" : false}
            onChange={(_, d) => setAccept(g, "all", d.checked === true)} disabled={props.busy} />
        </div>
        <ul className={s.list}>
          {items.map((x, i) => (
            <li key={i}>
              <Checkbox data-testid={`sync-${g}-item`} checked={x.accept} label={line(x as never)} disabled={props.busy} onChange={(_, d) => setAccept(g, i, d.checked === true)} />
            </li>
          ))}
        </ul>
      </section>
    );
  };
  const plain = (title: string, lines: string[], id: string) =>
    lines.length === 0 ? null : (
      <section className={s.section} data-testid={id}>
        <Text weight="semibold">{title}</Text>
        <details open={lines.length <= SHOWN}>
          <summary><Text size={200}>{lines.slice(0, 3).join("; ")}{lines.length > 3 ? " …" : ""}</Text></summary>
          <ul className={s.list}>{lines.map((l, i) => <li key={i}><Text size={200}>{l}</Text></li>)}</ul>
        </details>
      </section>
    );
  return (
    <div className={s.panel}>
      <section className={s.section} aria-labelledby="sync-heading">
        <h3 className={s.heading} id="sync-heading">{p.heading}</h3>
        <Text className={s.hint}>{p.hint}</Text>
        <div className={s.row}>
          <input data-testid="sync-file" type="file" accept=".csv,.txt,.tsv,.xlsx" aria-label={p.choose} disabled={props.busy} onChange={(e) => void choose(e)} />
        </div>
        {r && <Text data-testid="sync-matched">{[t.read(view?.encoding, view?.delimiter), t.matchedBy[r.matchedBy]].filter(Boolean).join("; ")}</Text>}
        {r && group("added", t.added(r.added.length), (a: SyncReport["added"][number]) => `${a.name} ${a.key} ${t.into(a.sheet)}`)}
        {r && group("updated", t.updated(r.updated.length), (u: SyncReport["updated"][number]) => `${u.name} ${f(u.field)}: ${u.from || t.empty} -> ${u.to}`)}
        {r && group("conflicts", t.conflicts(r.conflicts.length), (c: SyncReport["conflicts"][number]) => `${c.name} ${f(c.field)}: ${t.conflict(c.master, c.incoming)} (${t.reasons[c.reason]})`)}
        {r && plain(t.absent(r.notInIncoming.length), r.notInIncoming.map((a) => `${a.name} (${a.sheet}!${a.row})`), "sync-absent")}
        {r && plain(t.rejected(r.rejected.length), r.rejected.map((x) => `${t.row(x.row)}: ${rejectText(x, props.lang)}${x.value ? ` "${x.value}"` : ""}`), "sync-rejected")}
        {r && <Text>{t.unchanged(r.unchanged)}</Text>}
        <div className={s.row}>
          {r && <Button data-testid="sync-apply" appearance="primary" disabled={props.busy} onClick={() => void apply()}>{p.apply}</Button>}
          {batch !== undefined && (
            <Button data-testid="sync-revert" disabled={props.busy} onClick={() => void props.onRevert(batch).then(() => setBatch(undefined))}>{p.revert(batch)}</Button>
          )}
        </div>
      </section>
      <section className={s.section} aria-labelledby="export-heading">
        <h3 className={s.heading} id="export-heading">{p.exportHeading}</h3>
        <Checkbox data-testid="export-mask" checked={mask} label={p.maskIds} onChange={(_, d) => setMask(d.checked === true)} />
        <div className={s.row}>
          <Button data-testid="export-button" disabled={props.busy} onClick={() => void props.onExport(mask)}>{p.exportButton}</Button>
        </div>
      </section>
    </div>
  );
}
