// `roster clear` and `roster revert`: rewrite a workbook into a new file, never over the input.
import { clearWorkbook, revertBatch } from "../app/write-workbook";
import { Lang } from "../domain/vocabulary";
import { WRITE, assertWritable, localNow, localToday, readInput, validateAsOf } from "./check-command";
import { UnreadableInputError } from "../workbook/xlsx";
import { PlanConflictError } from "../workbook/xlsx-write";
import { UsageError } from "./usage-error";
import { writeFileAtomic } from "./write-file";

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

export function runClear(file: string, opts: { out: string; dropLog?: boolean; quiet?: boolean }, out: Out): number {
  assertWritable(opts.out, [file]);
  const bytes = readInput(file);
  writeFileAtomic(opts.out, clearWorkbook(bytes, file, { ...WRITE, dropLog: opts.dropLog }));
  if (!opts.quiet) {
    out.stdout(opts.dropLog
      ? `${opts.out}: flags, the product's sheets and the change log removed (the settings sheet is kept; no fix can be reverted now)\n`
      : `${opts.out}: flags and the product's sheets removed (the change log and the settings sheet are kept: revert still works)\n`);
  }
  return 0;
}

export async function runRevert(file: string, opts: { out: string; batch: string; asOf?: string; lang?: Lang; quiet?: boolean }, out: Out): Promise<number> {
  const batch = Number(opts.batch);
  if (!Number.isInteger(batch) || batch < 1) throw new UsageError(`--batch "${opts.batch}": expected a batch number from the change log (1, 2, ...)`);
  assertWritable(opts.out, [file]);
  const asOf = validateAsOf(opts.asOf);
  const bytes = readInput(file);
  const { output } = await revertBatch(bytes, file, batch, { today: localToday(), asOf, lang: opts.lang }, { time: localNow(), ...WRITE }).catch((e: Error) => {
    // a batch that is unknown or already reverted (planRevert), or a cell edited since the fix (PlanConflictError)
    throw e instanceof UsageError || e instanceof UnreadableInputError || e instanceof PlanConflictError ? e : new UsageError(`${file}: ${e.message}`);
  });
  writeFileAtomic(opts.out, output);
  if (!opts.quiet) out.stdout(`${opts.out}: batch ${batch} reverted\n`);
  return 0;
}
