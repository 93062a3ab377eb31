// `roster check`: read the workbook, check it, write the report, print the summary. Exit 0 or 2.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { buildReport } from "../app/build-report";
import { NoRosterError, checkRoster } from "../app/check-roster";
import { checkAndWrite } from "../app/write-workbook";
import { Report } from "../domain/report-schema";
import { CLI_TEXT } from "../i18n/cli-text";
import { Lang } from "../domain/vocabulary";
import { openXlsx } from "../workbook/xlsx";
import { formatSummary } from "./print-summary";
import { nodeCompressor } from "./node-compressor";
import { UsageError } from "./usage-error";
import { assertNotInput, writeFilesAtomic } from "./write-file";
import { logTime } from "../plan/change-log";

export interface CheckOptions {
  report?: string;
  out?: string;
  fix?: boolean;
  asOf?: string;
  lang?: Lang;
  quiet?: boolean;
}

/**
 * How the CLI compresses the parts it rewrites: Node's native zlib, at level 1. Deflating the rewritten roster
 * sheet is the write's big cost; level 1 is about twice as fast as 6 for a file about 15% larger (bench/run.ts).
 */
export const WRITE = { compressor: nodeCompressor, deflateLevel: 1 } as const;

/** Files this large get progress lines on stderr. */
const PROGRESS_BYTES = 2 * 1024 * 1024;

const p2 = (n: number) => String(n).padStart(2, "0");

export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${p2(now.getMonth() + 1)}-${p2(now.getDate())}`;
}

/** Local date and time for the change log: 2025-12-31 16:05:09 (the log's one format, plan/change-log.ts). */
export function localNow(now = new Date()): string {
  return logTime(now);
}

/** Refuses an output path over an input, or in a folder that does not exist (before any work is done). */
export function assertWritable(path: string, inputs: readonly string[]): void {
  assertNotInput(path, inputs);
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) throw new UsageError(`${path}: folder ${dir} does not exist`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`${path}: is a folder; give a file name`);
}

/** Reads an input workbook, or says in one line why it cannot. */
export function readInput(file: string): Buffer {
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  if (statSync(file).isDirectory()) throw new UsageError(`${file}: is a folder, not a workbook`);
  return readFileSync(file);
}

export function validateAsOf(asOf: string | undefined): string | undefined {
  if (asOf === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) throw new UsageError(`--as-of "${asOf}": expected a date yyyy-mm-dd`);
  return asOf;
}

export async function runCheck(file: string, opts: CheckOptions, out: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  const asOf = validateAsOf(opts.asOf);
  if (opts.fix && !opts.out) throw new UsageError("--fix writes the fixed values into a new workbook: give --out checked.xlsx");
  if (opts.report) assertWritable(opts.report, [file]);
  if (opts.out) assertWritable(opts.out, [file]);
  if (opts.out && opts.report && resolve(opts.out) === resolve(opts.report)) throw new UsageError(`${opts.out}: --out and --report name the same file`);
  const bytes = readInput(file);
  const progress = bytes.length >= PROGRESS_BYTES && !opts.quiet;
  if (progress) out.stderr(`reading ${file} (${(bytes.length / 1048576).toFixed(1)} MB)\n`);
  const started = Date.now();
  const req = {
    today: localToday(), asOf, lang: opts.lang, fix: opts.fix,
    onProgress: progress ? (sheet: string) => out.stderr(`checking sheet ${sheet}\n`) : undefined,
  };
  const noRoster = (e: unknown) => {
    throw e instanceof NoRosterError ? new UsageError(`${file}: ${e.message}`) : e;
  };
  let report: Report;
  const files: { path: string; data: string | Uint8Array }[] = [];
  if (opts.out) {
    const written = await checkAndWrite(bytes, file, req, { time: localNow(), ...WRITE }).catch(noRoster);
    report = written.report;
    if (progress) out.stderr(`writing ${opts.out}\n`);
    files.push({ path: opts.out, data: written.output });
  } else {
    const result = await checkRoster(openXlsx(bytes, file), req).catch(noRoster);
    report = buildReport(result, file);
  }
  if (progress) out.stderr(`checked ${report.rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (opts.report) files.push({ path: opts.report, data: JSON.stringify(report, null, 2) + "\n" });
  writeFilesAtomic(files); // the workbook and the report, both or neither
  if (!opts.quiet) out.stdout(formatSummary(report));
  if (!opts.quiet) for (const line of writtenLines(report.language, opts)) out.stdout(line + "\n");
  return 0;
}

function writtenLines(lang: Lang, opts: CheckOptions): string[] {
  const t = CLI_TEXT[lang];
  const lines: string[] = [];
  if (opts.out) lines.push(t.workbookWritten(opts.out, !!opts.fix));
  if (opts.report) lines.push(t.reportWritten(opts.report));
  return lines.length ? ["", ...lines] : [];
}
