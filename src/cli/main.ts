// The `roster` command line: wires commander to the commands in the clerk's language (cli-lang.ts); every failure
// is one line on stderr (describeError) and exit 2; a closed stdout (`| head`) ends the run quietly.
import { Command, CommanderError, Help, Option } from "commander";
import { Lang } from "../domain/vocabulary";
import { CLI_TEXT, type CliHelp } from "../i18n/cli-text";
import { describeError, isEdgeError } from "../i18n/edge-errors";
import { runCheck } from "./check-command";
import { argvLang, systemLang } from "./cli-lang";
import { commanderEdge } from "./commander-errors";
import { runClear, runRevert } from "./write-commands";
import { registerSync } from "./sync-command";
import { registerExport } from "./export-command";

export interface Out {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Shows a progress line (absent: no progress is shown). */
  progress?: (line: string) => void;
}

/** Progress on a terminal: one status line, rewritten in place and cleared before anything else is printed. */
function stdOut(): Out {
  const tty = process.stderr.isTTY === true;
  const lines = process.env.ROSTER_PROGRESS === "1"; // scripts that want every step as a line
  let shown = false;
  const clear = (): void => {
    if (shown) process.stderr.write("\r\x1b[K");
    shown = false;
  };
  return {
    stdout: (s) => {
      clear();
      process.stdout.write(s);
    },
    stderr: (s) => {
      clear();
      process.stderr.write(s);
    },
    progress: lines ? (line) => process.stderr.write(`${line}\n`) : tty ? (line) => {
      process.stderr.write(`\r\x1b[K${line}`);
      shown = true;
    } : undefined,
  };
}

let pipeGuard = false;
/** `roster check ... | head -3`: once the reader has gone, stop quietly (no EPIPE stack trace). */
function endQuietlyOnClosedPipe(): void {
  if (pipeGuard) return;
  pipeGuard = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

function localise(h: CliHelp): (text: string) => string {
  return (text) => text
    .replace(/^Usage: /m, `${h.usage} `)
    .replace(/^Arguments:$/m, h.arguments)
    .replace(/^Options:$/m, h.options)
    .replace(/^Commands:$/m, h.commands)
    .replace(/\(choices: ([^)]*)\)/g, h.usage === "Usage:" ? "(choices: $1)" : "（$1）")
    .replace(/\[options\]/g, h.optionsWord)
    .replace(/\[command\]/g, h.commandWord);
}

function buildProgram(lang: Lang, out: Out, setCode: (code: number) => void): Command {
  const h = CLI_TEXT[lang].help;
  const fmt = localise(h);
  const help = { formatHelp: (cmd: Command, helper: Help) => fmt(Help.prototype.formatHelp.call(helper, cmd, helper)) };
  const langOption = (d: string) => new Option("--lang <lang>", d).choices(["zh-CN", "zh-TW", "en"]);
  const program = new Command("roster")
    .description(h.program)
    .exitOverride()
    .configureHelp(help)
    .helpOption("-h, --help", h.helpOption)
    .helpCommand("help [command]", h.helpCommand)
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr, outputError: () => undefined });
  const sub = (name: string, description: string) =>
    program.command(name).description(description).configureHelp(help).helpOption("-h, --help", h.helpOption).allowExcessArguments(false);
  sub("check", h.check)
    .argument("<workbook>", h.argWorkbook)
    .option("--report <file>", h.report)
    .option("--out <file>", h.out)
    .option("--fix [kinds]", h.fix)
    .option("--as-of <date>", h.asOf)
    .addOption(langOption(h.lang))
    .option("-q, --quiet", h.quiet)
    .action(async (file: string, opts) => setCode(await runCheck(file, { ...opts, uiLang: opts.lang ?? systemLang() }, out)));
  sub("clear", h.clear)
    .argument("<workbook>", h.argProductWorkbook)
    .requiredOption("--out <file>", h.clearOut)
    .option("--drop-log", h.dropLog)
    .addOption(langOption(h.lang))
    .option("-q, --quiet", h.quiet)
    .action((file: string, opts) => setCode(runClear(file, { ...opts, uiLang: lang }, out)));
  sub("revert", h.revert)
    .argument("<workbook>", h.argFixedWorkbook)
    .requiredOption("--batch <n>", h.batch)
    .requiredOption("--out <file>", h.revertOut)
    .option("--as-of <date>", h.revertAsOf)
    .addOption(langOption(h.revertLang))
    .option("-q, --quiet", h.quiet)
    .action(async (file: string, opts) => setCode(await runRevert(file, { ...opts, uiLang: lang }, out)));
  registerSync(program, setCode, out);
  registerExport(program, setCode, out);
  return program;
}

export async function main(argv: readonly string[], out0?: Out): Promise<number> {
  const out = out0 ?? stdOut();
  if (out0 === undefined) endQuietlyOnClosedPipe();
  // The language of the help and of errors: --lang, else the system's; the summary may follow the roster (check-command).
  const lang: Lang = argvLang(argv) ?? systemLang() ?? "en";
  let code = 0;
  const program = buildProgram(lang, out, (c) => (code = c));
  try {
    await program.parseAsync(argv as string[]);
    return code;
  } catch (e: unknown) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0 || e.code === "commander.help" || e.code === "commander.helpDisplayed") return e.exitCode === 0 ? 0 : 2;
      out.stderr(`roster: ${describeError({ edge: commanderEdge(e) }, lang)}\n`);
      return 2;
    }
    if (isEdgeError(e)) {
      out.stderr(`roster: ${describeError(e, lang)}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && err.code && err.path) {
      const reason = err.code === "EACCES" || err.code === "EPERM" ? describeError({ edge: { code: "permissionDenied", params: {} } }, lang) : err.message.split("\n")[0];
      out.stderr(`roster: ${err.path}: ${reason}\n`);
      return 2;
    }
    // A bug, not bad input: still one line and nothing written; the stack only on request.
    const reason = (e as Error)?.message?.split("\n")[0] ?? String(e);
    out.stderr(`roster: ${describeError({ edge: { code: "internal", params: { reason } } }, lang)}\n`);
    if (process.env.ROSTER_DEBUG) out.stderr(`${(e as Error).stack}\n`);
    return 2;
  }
}
