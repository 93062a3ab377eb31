// `roster clear` and `roster revert`: rewrite a workbook into a new file, never over the input.
import { clearWorkbook, revertBatch } from "../app/write-workbook";
import { Lang } from "../domain/vocabulary";
import { WRITE, assertWritable, localNow, localToday, readInput, validateAsOf } from "./check-command";
import { UnreadableInputError } from "../workbook/xlsx";
import { PlanConflictError } from "../workbook/xlsx-write";
import { type EdgeError, isEdgeError } from "../i18n/edge-errors";
import { CLI_TEXT } from "../i18n/cli-text";
import { SYNC_SOURCE_PREFIX } from "../plan/change-log";
import { UsageError } from "./usage-error";
import { writeFileAtomic } from "./write-file";

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

export function runClear(file: string, opts: { out: string; dropLog?: boolean; quiet?: boolean; uiLang: Lang }, out: Out): number {
  assertWritable(opts.out, [file]);
  const bytes = readInput(file);
  writeFileAtomic(opts.out, clearWorkbook(bytes, file, { ...WRITE, dropLog: opts.dropLog }));
  if (!opts.quiet) out.stdout(`${CLI_TEXT[opts.uiLang].cleared(opts.out, !!opts.dropLog)}\n`);
  return 0;
}

export async function runRevert(file: string, opts: { out: string; batch: string; asOf?: string; lang?: Lang; quiet?: boolean; uiLang: Lang }, out: Out): Promise<number> {
  const batch = Number(opts.batch);
  if (!Number.isInteger(batch) || batch < 1) throw new UsageError("badBatch", { value: opts.batch });
  assertWritable(opts.out, [file]);
  const asOf = validateAsOf(opts.asOf);
  const bytes = readInput(file);
  const { output, source } = await revertBatch(bytes, file, batch, { today: localToday(), asOf, lang: opts.lang }, { time: localNow(), ...WRITE }).catch((e: Error) => {
    // a batch that is unknown or already reverted (planRevert), or a cell edited since the fix (PlanConflictError)
    if (e instanceof UsageError || e instanceof UnreadableInputError || e instanceof PlanConflictError) throw e;
    throw isEdgeError(e) ? new UsageError((e as EdgeError).edge.code, { ...(e as EdgeError).edge.params, file }) : new UsageError(e.message, { file });
  });
  writeFileAtomic(opts.out, output);
  const syncOf = source.startsWith(SYNC_SOURCE_PREFIX) ? source.slice(SYNC_SOURCE_PREFIX.length) : undefined;
  if (!opts.quiet) out.stdout(`${CLI_TEXT[opts.uiLang].reverted(opts.out, batch, syncOf)}\n`);
  return 0;
}
