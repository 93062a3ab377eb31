// `roster check`: read the workbook, check it, write the report, print the summary. Exit 0 or 2.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { buildReport } from "../app/build-report";
import { NoRosterError, checkRoster } from "../app/check-roster";
import { Lang } from "../domain/vocabulary";
import { openXlsx } from "../workbook/xlsx";
import { formatSummary } from "./print-summary";
import { UsageError } from "./usage-error";
import { assertNotInput, writeFileAtomic } from "./write-file";

export interface CheckOptions {
  report?: string;
  asOf?: string;
  lang?: Lang;
  quiet?: boolean;
}

/** Files this large get progress lines on stderr. */
const PROGRESS_BYTES = 2 * 1024 * 1024;

export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
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
  if (opts.report) {
    assertNotInput(opts.report, [file]);
    const dir = dirname(resolve(opts.report));
    if (!existsSync(dir)) throw new UsageError(`${opts.report}: folder ${dir} does not exist`);
  }
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  if (statSync(file).isDirectory()) throw new UsageError(`${file}: is a folder, not a workbook`);
  const bytes = readFileSync(file);
  const progress = bytes.length >= PROGRESS_BYTES && !opts.quiet;
  if (progress) out.stderr(`reading ${file} (${(bytes.length / 1048576).toFixed(1)} MB)\n`);
  const workbook = openXlsx(bytes, file);
  const started = Date.now();
  const result = await checkRoster(workbook, {
    today: localToday(), asOf, lang: opts.lang,
    onProgress: progress ? (sheet) => out.stderr(`checking sheet ${sheet}\n`) : undefined,
  }).catch((e) => {
    throw e instanceof NoRosterError ? new UsageError(`${file}: ${e.message}`) : e;
  });
  const report = buildReport(result, file);
  if (progress) out.stderr(`checked ${report.rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (opts.report) writeFileAtomic(opts.report, JSON.stringify(report, null, 2) + "\n");
  if (!opts.quiet) out.stdout(formatSummary(report));
  if (opts.report && !opts.quiet) out.stdout(`\n${reportLine(report.language, opts.report)}\n`);
  return 0;
}

function reportLine(lang: Lang, path: string): string {
  return lang === "en" ? `report written to ${path}` : lang === "zh-TW" ? `報告已寫入 ${path}` : `报告已写入 ${path}`;
}
