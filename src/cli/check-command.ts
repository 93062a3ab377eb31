// `roster check`: read the workbook, check it, write the report, print the summary. Exit 0 or 2.
import { FixKind, parseFixKinds } from "../domain/fix-kinds";
import { closeSync, constants as fsConstants, existsSync, fstatSync, openSync, readFileSync, type Stats, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { buildReport } from "../app/build-report";
import { NoRosterError, checkRoster } from "../app/check-roster";
import { checkAndWrite } from "../app/write-workbook";
import { Report } from "../domain/report-schema";
import { CLI_TEXT } from "../i18n/cli-text";
import type { EdgeCode } from "../i18n/edge-errors";
import { Lang } from "../domain/vocabulary";
import { openXlsx } from "../workbook/xlsx";
import { formatSummary } from "./print-summary";
import { nodeCompressor } from "./node-compressor";
import { UsageError } from "./usage-error";
import { assertNotInput, outputTarget, TempOutput, writeFilesAtomic } from "./write-file";
import { logTime } from "../plan/change-log";
import { fullCollection } from "./full-collection";

export interface CheckOptions {
  report?: string;
  out?: string;
  /** true: every kind of fix; a text: the kinds named (ids,dates,phones,labels,spaces). */
  fix?: boolean | string;
  asOf?: string;
  lang?: Lang;
  /** The language the command line speaks (--lang, else the system's); undefined: the roster's. */
  uiLang?: Lang;
  quiet?: boolean;
}

type Out = { stdout: (s: string) => void; stderr: (s: string) => void; progress?: (line: string) => void };

/**
 * How the CLI compresses the parts it rewrites: Node's native zlib, at level 1. Deflating the rewritten roster
 * sheet is the write's big cost; level 1 is about twice as fast as 6 for a file about 15% larger (bench/run.ts).
 */
export const WRITE = { compressor: nodeCompressor, deflateLevel: 1, settle: fullCollection } as const;

/** Files this large get progress lines (on a terminal, or with ROSTER_PROGRESS=1). */
const PROGRESS_BYTES = 2 * 1024 * 1024;

const p2 = (n: number) => String(n).padStart(2, "0");

export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${p2(now.getMonth() + 1)}-${p2(now.getDate())}`;
}

/** Local date and time for the change log: 2025-12-31 16:05:09 (the log's one format, plan/change-log.ts). */
export function localNow(now = new Date()): string {
  return logTime(now);
}

/** Refuses an output path over an input, in a folder that does not exist, or that is not a regular file (before any work). */
export function assertWritable(path: string, inputs: readonly string[]): void {
  assertNotInput(path, inputs);
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) throw new UsageError("outFolderMissing", { file: path, dir });
  outputTarget(path);
}

/** What a path that is not a regular file is, for the refusal. */
export function notRegularFile(st: Stats): EdgeCode | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return "inputFolder";
  if (st.isFIFO()) return "inputPipe";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "inputDevice";
  if (st.isSocket()) return "inputSocket";
  return "inputNotRegular";
}

/** Reads an input workbook, or says in one line why it cannot; only a regular file is ever opened. */
export function readInput(file: string): Buffer {
  if (!existsSync(file)) throw new UsageError("noSuchFile", { file });
  const early = notRegularFile(statSync(file));
  if (early !== undefined) throw new UsageError(early, { file });
  // Opened without blocking (a FIFO swapped in after the check would block a plain open) and checked again on the
  // descriptor itself, so what is read is the regular file that was checked.
  const fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const problem = notRegularFile(fstatSync(fd));
    if (problem !== undefined) throw new UsageError(problem, { file });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function validateAsOf(asOf: string | undefined): string | undefined {
  if (asOf === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) throw new UsageError("badAsOf", { value: asOf });
  return asOf;
}

/** --fix (every kind) or --fix ids,dates (those kinds); a word it does not know is bad usage. */
function fixKinds(fix: boolean | string | undefined): boolean | FixKind[] | undefined {
  if (typeof fix !== "string") return fix;
  try {
    return parseFixKinds(fix);
  } catch {
    throw new UsageError("badFixKinds", { value: fix });
  }
}

export async function runCheck(file: string, opts: CheckOptions, out: Out): Promise<number> {
  const asOf = validateAsOf(opts.asOf);
  if (opts.fix && !opts.out) throw new UsageError("fixNeedsOut");
  if (opts.report) assertWritable(opts.report, [file]);
  if (opts.out) assertWritable(opts.out, [file]);
  if (opts.out && opts.report && resolve(opts.out) === resolve(opts.report)) throw new UsageError("outIsReport", { file: opts.out });
  const bytes = readInput(file);
  const show = bytes.length >= PROGRESS_BYTES && !opts.quiet ? out.progress : undefined;
  const said = CLI_TEXT[opts.uiLang ?? "en"].progress; // before the roster's language is known
  show?.(said.reading(file, (bytes.length / 1048576).toFixed(1)));
  const started = Date.now();
  const req = {
    today: localToday(), asOf, lang: opts.lang, fix: fixKinds(opts.fix),
    onProgress: show ? (sheet: string) => show(said.checking(sheet)) : undefined,
  };
  const noRoster = (e: unknown) => {
    throw e instanceof NoRosterError ? new UsageError("noRoster", { file, looked: e.looked.map((l) => `${l.sheet} (${l.reason})`).join("; ") }) : e;
  };
  let report: Report;
  let batch: number | undefined;
  const files: { path: string; data: string | Uint8Array | TempOutput }[] = [];
  // the workbook is written as it is made, to a temporary file beside it (never held whole: 31 MB on a fix of 100,000
  // members), put in place with the report once both are whole
  const workbook = opts.out ? new TempOutput(opts.out) : undefined;
  try {
    if (opts.out && workbook) {
      const written = await checkAndWrite(bytes, file, req, { time: localNow(), ...WRITE, sink: workbook }).catch(noRoster);
      report = written.report;
      batch = written.batch;
      show?.(said.writing(opts.out));
      files.push({ path: opts.out, data: workbook });
    } else {
      const result = await checkRoster(openXlsx(bytes, file, { crc32: WRITE.compressor.crc32 }), req).catch(noRoster);
      report = buildReport(result, file);
    }
    show?.(said.checked(report.rows, ((Date.now() - started) / 1000).toFixed(1)));
    if (opts.report) files.push({ path: opts.report, data: JSON.stringify(report, null, 2) + "\n" });
    writeFilesAtomic(files); // the workbook and the report, both or neither
  } finally {
    workbook?.discard(); // where it failed before it was put in place
  }
  if (opts.quiet) return 0;
  const lang = opts.uiLang ?? report.language;
  out.stdout(formatSummary(report, lang, opts.report));
  const fixed = opts.fix && report.changesApplied && batch !== undefined ? { n: report.changes.length, batch } : undefined;
  for (const line of closingLines(lang, file, opts, opts.fix ? 0 : report.changes.length, fixed)) out.stdout(line + "\n");
  return 0;
}

/** What was written (after --fix: how many values, in which batch, how to undo them), then the next step in one line. */
function closingLines(lang: Lang, file: string, opts: CheckOptions, fixable: number, fixed?: { n: number; batch: number }): string[] {
  const t = CLI_TEXT[lang];
  const lines: string[] = [];
  if (opts.out) lines.push(t.workbookWritten(opts.out, fixed !== undefined && fixed.n > 0));
  if (opts.out && opts.fix) lines.push(fixed !== undefined && fixed.n > 0 ? t.fixed(fixed.n, fixed.batch, opts.out) : t.nothingFixed);
  if (opts.report) lines.push(t.reportWritten(opts.report));
  const next = t.nextStep({ file, out: opts.out, fix: !!opts.fix, fixable });
  if (next !== undefined) lines.push(next);
  return lines.length ? ["", ...lines] : [];
}
