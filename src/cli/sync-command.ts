// `roster sync <master.xlsx> <incoming>`: the preview (grouped on stdout, the report as JSON with --report), or with
// --apply (or --accept, the edited preview handed back) the merged workbook written to --out. Never over an input.
import { Command, Option } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { NoRosterError } from "../app/check-roster";
import { applySync } from "../app/sync-apply";
import { IncomingNotRosterError, previewSync } from "../app/sync-preview";
import { SyncReport } from "../domain/diff-schema";
import { Lang } from "../domain/vocabulary";
import { SYNC_TEXT, formatSyncPreview } from "../i18n/sync-text";
import { openXlsx } from "../workbook/xlsx";
import { WRITE, assertWritable, localNow, localToday, readInput, validateAsOf } from "./check-command";
import { UsageError } from "./usage-error";
import { writeFilesAtomic } from "./write-file";

export interface SyncOptions {
  out?: string;
  report?: string;
  apply?: boolean;
  accept?: string;
  asOf?: string;
  lang?: Lang;
  quiet?: boolean;
}

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

function readAccept(path: string): SyncReport {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`${path}: not JSON (${(e as Error).message.split("\n")[0]})`);
  }
  const parsed = SyncReport.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new UsageError(`${path}: not a sync report (${i.path.join(".") || "top level"}: ${i.message})`);
  }
  return parsed.data;
}

export async function runSync(master: string, incoming: string, opts: SyncOptions, out: Out): Promise<number> {
  const asOf = validateAsOf(opts.asOf);
  const apply = !!(opts.apply || opts.accept);
  if (apply && !opts.out) throw new UsageError("--apply writes the merged workbook into a new file: give --out merged.xlsx");
  if (!apply && opts.out) throw new UsageError("--out is written only with --apply (or --accept); without it, sync previews");
  const inputs = [master, incoming, ...(opts.accept ? [opts.accept] : [])];
  if (opts.out) assertWritable(opts.out, inputs);
  if (opts.report) assertWritable(opts.report, inputs);
  if (opts.out && opts.report && resolve(opts.out) === resolve(opts.report)) throw new UsageError(`${opts.out}: --out and --report name the same file`);
  if (!/\.(xlsx|xlsm|csv|txt|tsv)$/i.test(incoming)) throw new UsageError(`${incoming}: expected a .csv, .txt (Unicode text) or .xlsx file`);
  const accept = opts.accept ? readAccept(opts.accept) : undefined;
  const masterBytes = readInput(master);
  const incomingBytes = readInput(incoming);
  const req = { today: localToday(), asOf, lang: opts.lang };
  const named = (e: unknown): never => {
    if (e instanceof NoRosterError) throw new UsageError(`${master}: ${e.message}`);
    throw e;
  };
  const files: { path: string; data: string | Uint8Array }[] = [];
  let report: SyncReport;
  let lang: Lang;
  let read: { encoding?: string; delimiter?: string };
  let done: string | undefined;
  if (apply) {
    const r = await applySync(masterBytes, master, incomingBytes, incoming, req, { time: localNow(), ...WRITE, accept }).catch(incomingNamed(incoming, named));
    report = r.report;
    lang = opts.lang ?? r.preview.lang;
    read = r.preview.incoming;
    files.push({ path: opts.out!, data: r.output });
    done = SYNC_TEXT[lang].applied(r.applied.updates, r.applied.additions, r.batch, opts.out!);
  } else {
    const p = await previewSync(openXlsx(masterBytes, master), master, incomingBytes, incoming, req).catch(incomingNamed(incoming, named));
    report = p.diff.report;
    lang = opts.lang ?? p.lang;
    read = p.incoming;
  }
  if (opts.report) files.push({ path: opts.report, data: JSON.stringify(report, null, 2) + "\n" });
  writeFilesAtomic(files);
  if (!opts.quiet) {
    out.stdout(formatSyncPreview(report, lang, read));
    out.stdout("\n" + (done ?? SYNC_TEXT[lang].previewOnly) + "\n");
    if (opts.report) out.stdout(SYNC_TEXT[lang].reportWritten(opts.report) + "\n");
  }
  return 0;
}

/** A check error on the incoming side names the incoming file; the master's name the master. */
function incomingNamed(incoming: string, named: (e: unknown) => never) {
  return (e: unknown): never => {
    if (e instanceof IncomingNotRosterError) throw new UsageError(`${incoming}: ${e.message}`);
    return named(e);
  };
}

/** Adds `sync` to the command line (one call in main.ts). */
export function registerSync(program: Command, setCode: (code: number) => void, out: Out): void {
  program
    .command("sync")
    .description("merge a branch's or another system's file into the master roster: preview, or apply into a new file")
    .argument("<master>", "the master roster workbook (.xlsx)")
    .argument("<incoming>", "the incoming file: .csv (UTF-8 or GBK), .txt (Excel's Unicode text) or .xlsx")
    .allowExcessArguments(false)
    .option("--report <file>", "write the sync report (JSON, SPEC section 6) here")
    .option("--apply", "write the accepted changes (additions and updates; conflicts only where accepted) into --out")
    .option("--accept <file>", "the preview report, edited to set \"accept\": false on changes to skip (implies --apply)")
    .option("--out <file>", "where to write the merged workbook (never over the master)")
    .option("--as-of <date>", "report date yyyy-mm-dd for the checks (default: the settings sheet's, else today)")
    .addOption(new Option("--lang <lang>", "language of the preview").choices(["zh-CN", "zh-TW", "en"]))
    .option("-q, --quiet", "print nothing on success")
    .action(async (master: string, incoming: string, opts: SyncOptions) => {
      setCode(await runSync(master, incoming, opts, out));
    });
}
