// `roster export <workbook.xlsx> --out-dir DIR`: one CSV per roster and summary table, values only, UTF-8 with BOM
// (or GBK), formula-leading cells guarded, IDs masked on request; --issues-by-branch adds each branch's problem list.
import { Command, Option } from "commander";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { NoRosterError } from "../app/check-roster";
import { exportTables } from "../app/export-csv";
import { utf8WithBom, writeCsv } from "../csv/write-csv";
import { Lang } from "../domain/vocabulary";
import { openXlsx } from "../workbook/xlsx";
import { localToday, readInput, validateAsOf } from "./check-command";
import { UsageError } from "./usage-error";
import { assertNotInput, writeFilesAtomic } from "./write-file";

export interface ExportOptions {
  outDir: string;
  maskIds?: boolean;
  issuesByBranch?: boolean;
  encoding?: "utf-8" | "gbk";
  asOf?: string;
  lang?: Lang;
  quiet?: boolean;
}

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

/** A table's file name: the sheet's name with what file systems refuse replaced. */
const fileName = (name: string): string => `${name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim() || "table"}.csv`;

export function encode(text: string, encoding: "utf-8" | "gbk", file: string): Uint8Array {
  if (encoding === "utf-8") return utf8WithBom(text);
  const bytes = iconv.encode(text, "gbk");
  if (iconv.decode(bytes, "gbk") !== text) {
    const bad = [...text].find((ch) => iconv.decode(iconv.encode(ch, "gbk"), "gbk") !== ch) ?? "?";
    throw new UsageError(`${file}: "${bad}" cannot be written in GBK; export in UTF-8 (the default) instead`);
  }
  return new Uint8Array(bytes);
}

export async function runExport(file: string, opts: ExportOptions, out: Out): Promise<number> {
  const asOf = validateAsOf(opts.asOf);
  const encoding = opts.encoding ?? "utf-8";
  if (existsSync(opts.outDir) && !statSync(opts.outDir).isDirectory()) throw new UsageError(`${opts.outDir}: is a file, not a folder`);
  const bytes = readInput(file);
  const { tables, report } = await exportTables(openXlsx(bytes, file), { today: localToday(), asOf, lang: opts.lang }, { issuesByBranch: opts.issuesByBranch }).catch((e: unknown) => {
    throw e instanceof NoRosterError ? new UsageError(`${file}: ${e.message}`) : e;
  });
  const seen = new Set<string>();
  const files = tables.map((t) => {
    let name = fileName(t.name);
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = fileName(`${t.name}-${n}`);
    seen.add(name.toLowerCase());
    const path = join(opts.outDir, name);
    assertNotInput(path, [file]);
    return { path, data: encode(writeCsv(t, { maskIds: opts.maskIds }), encoding, path) };
  });
  mkdirSync(opts.outDir, { recursive: true });
  writeFilesAtomic(files);
  if (!opts.quiet) {
    const zh = report.language !== "en";
    for (const f of files) out.stdout(`${f.path}\n`);
    out.stdout(zh ? `已导出 ${files.length} 个 CSV（${encoding === "gbk" ? "GBK" : "UTF-8 带 BOM"}${opts.maskIds ? "，身份证号已遮蔽" : ""}）\n` : `${files.length} CSV files written (${encoding === "gbk" ? "GBK" : "UTF-8 with BOM"}${opts.maskIds ? ", ID numbers masked" : ""})\n`);
  }
  return 0;
}

/** Adds `export` to the command line (one call in main.ts). */
export function registerExport(program: Command, setCode: (code: number) => void, out: Out): void {
  program
    .command("export")
    .description("write each roster and summary table as CSV for upward systems (values only)")
    .argument("<workbook>", "the roster workbook (.xlsx)")
    .allowExcessArguments(false)
    .requiredOption("--out-dir <dir>", "folder for the CSV files (made if missing)")
    .option("--mask-ids", "mask ID numbers as 220702********1234")
    .option("--issues-by-branch", "also write each branch's own problem list")
    .addOption(new Option("--encoding <encoding>", "text encoding of the files").choices(["utf-8", "gbk"]).default("utf-8"))
    .option("--as-of <date>", "report date yyyy-mm-dd for the summaries")
    .addOption(new Option("--lang <lang>", "language of the summary tables").choices(["zh-CN", "zh-TW", "en"]))
    .option("-q, --quiet", "print nothing on success")
    .action(async (file: string, opts: ExportOptions) => {
      setCode(await runExport(file, opts, out));
    });
}
