// The `roster` command line: wires commander to the commands; every failure is one line on stderr and exit 2.
import { Command, CommanderError, Option } from "commander";
import { UnreadableInputError } from "../workbook/xlsx";
import { PlanConflictError } from "../workbook/xlsx-write";
import { runCheck } from "./check-command";
import { runClear, runRevert } from "./write-commands";
import { UsageError } from "./usage-error";

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };
const STD: Out = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

export async function main(argv: readonly string[], out: Out = STD): Promise<number> {
  let code = 0;
  const program = new Command("roster")
    .description("Check a party-member roster workbook and report (Roster Assistant)")
    .exitOverride()
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr, outputError: (s, write) => write(s.split("\n")[0] + "\n") });
  program
    .command("check")
    .description("check every roster sheet of a workbook; print a summary; write the JSON report")
    .argument("<workbook>", "the roster workbook (.xlsx)")
    .allowExcessArguments(false)
    .option("--report <file>", "write the JSON report (SPEC section 6) here")
    .option("--out <file>", "write the checked workbook here: flags, the issues and summary sheets (never over the input)")
    .option("--fix", "with --out: also write the normalised values, each logged in the change-log sheet")
    .option("--as-of <date>", "report date yyyy-mm-dd (default: the settings sheet's, else today)")
    .addOption(new Option("--lang <lang>", "language of messages").choices(["zh-CN", "zh-TW", "en"]))
    .option("-q, --quiet", "print nothing on success")
    .action(async (file: string, opts) => {
      code = await runCheck(file, opts, out);
    });
  program
    .command("clear")
    .description("remove the flags and the product's sheets from a workbook (into a new file); the change log stays")
    .argument("<workbook>", "a workbook the product wrote")
    .allowExcessArguments(false)
    .requiredOption("--out <file>", "where to write the cleared workbook")
    .option("--drop-log", "also remove the change log (after which no fix can be reverted)")
    .option("-q, --quiet", "print nothing on success")
    .action((file: string, opts) => {
      code = runClear(file, opts, out);
    });
  program
    .command("revert")
    .description("undo one logged batch of fixes (into a new file)")
    .argument("<workbook>", "a workbook the product fixed")
    .allowExcessArguments(false)
    .requiredOption("--batch <n>", "the batch number in the change-log sheet")
    .requiredOption("--out <file>", "where to write the reverted workbook")
    .option("--as-of <date>", "report date for the refreshed check, yyyy-mm-dd")
    .addOption(new Option("--lang <lang>", "language of the product's sheets").choices(["zh-CN", "zh-TW", "en"]))
    .option("-q, --quiet", "print nothing on success")
    .action(async (file: string, opts) => {
      code = await runRevert(file, opts, out);
    });
  try {
    await program.parseAsync(argv as string[]);
    return code;
  } catch (e: unknown) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError || e instanceof UnreadableInputError || e instanceof PlanConflictError) {
      out.stderr(`roster: ${e.message.replace(/\s*\n\s*/g, " ")}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && err.code && err.path) {
      out.stderr(`roster: ${err.path}: ${err.code === "EACCES" ? "permission denied" : err.message.split("\n")[0]}\n`);
      return 2;
    }
    // A bug, not bad input: still one line and nothing written; the stack only on request.
    out.stderr(`roster: internal error: ${(e as Error)?.message?.split("\n")[0]} (set ROSTER_DEBUG=1 for details)\n`);
    if (process.env.ROSTER_DEBUG) out.stderr(`${(e as Error).stack}\n`);
    return 2;
  }
}
