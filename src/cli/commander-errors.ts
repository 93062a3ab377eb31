// Commander's own errors as edge codes, so they reach the user in one line in their language, keeping commander's
// suggestion ("(Did you mean --out?)").
import type { CommanderError } from "commander";
import type { Edge } from "../i18n/edge-errors";

export function commanderEdge(e: CommanderError): Edge {
  const lines = e.message.replace(/^error:\s*/, "").split("\n");
  const first = lines[0].trim();
  const suggestion = /\(Did you mean (.+)\?\)/.exec(e.message)?.[1] ?? "";
  let m: RegExpExecArray | null;
  if ((m = /^unknown option '(.+)'/.exec(first))) return { code: "unknownOption", params: { option: m[1], suggestion } };
  if ((m = /^unknown command '(.+)'/.exec(first))) return { code: "unknownCommand", params: { command: m[1], suggestion } };
  if ((m = /^missing required argument '(.+)'/.exec(first))) return { code: "missingArgument", params: { argument: m[1] } };
  if ((m = /^option '(.+)' argument missing/.exec(first))) return { code: "optionMissingArgument", params: { option: m[1] } };
  if ((m = /^required option '(.+)' not specified/.exec(first))) return { code: "missingOption", params: { option: m[1] } };
  if ((m = /^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/.exec(first))) {
    return { code: "invalidChoice", params: { option: m[1], value: m[2], choices: m[3] } };
  }
  if ((m = /^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got \d+\.$/.exec(first))) {
    return { code: "excessArguments", params: { command: m[1] ?? "", expected: m[2] } };
  }
  return { code: "other", params: { reason: lines.filter((l) => l.trim() !== "").join(" ") } };
}
