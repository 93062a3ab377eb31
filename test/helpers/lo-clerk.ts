// Runs test/helpers/lo-clerk.py: LibreOffice (Python-UNO) edits a workbook as a clerk would and evaluates the
// roster's conditional-format rules and the formulas asked for. Needs soffice and a python3 that imports uno
// (Debian's python3-uno); tests skip without them, except under CI=true.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type ClerkOp =
  | { op: "sort"; first: number; last: number; col: number }
  | { op: "filter"; header: number; col: number; value: string }
  | { op: "insertRows"; member: string; offset?: number; count: number }
  | { op: "deleteRow"; member: string; offset: number }
  | { op: "edit"; member: string; offset?: number; col: number; value: string };

export interface ClerkJob {
  readonly sheet: string;
  /** 1-based ID column: ops find members by their ID text. */
  readonly idCol: number;
  readonly ops: readonly ClerkOp[];
  readonly eval?: ReadonlyArray<{ sheet: string; cell: string }>;
  readonly exprs?: readonly string[];
  /** Issues-sheet cells whose HYPERLINK target LibreOffice evaluates. */
  readonly links?: ReadonlyArray<{ sheet: string; cell: string }>;
}

export interface ClerkResult {
  readonly loadSeconds: number;
  /** The roster's values after the edits: rows[r][c] at Excel row r+1, column c+1 (numbers as numbers). */
  readonly rows: (string | number)[][];
  readonly hidden: number[];
  readonly rules: { ranges: number[][]; formula: string; style: string; true: [number, number][] }[];
  readonly values: { sheet?: string; cell?: string; expr?: string; formula?: string; value: string; error: number }[];
}

const PYTHONS = ["/usr/bin/python3", "python3"];

/** A python3 that imports uno, or undefined (a warning; under CI=true an error). */
export function unoPython(): string | undefined {
  const soffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
  const py = soffice ? PYTHONS.find((p) => spawnSync(p, ["-c", "import uno"]).status === 0) : undefined;
  if (py === undefined && process.env.CI === "true") throw new Error("soffice with python3-uno is missing, and CI=true requires it (.ci/run installs it)");
  if (py === undefined) console.warn("skipping: soffice or python3-uno not found (apt-get install python3-uno libreoffice-calc-nogui)");
  return py;
}

export function runClerk(python: string, workbook: Uint8Array, job: ClerkJob): ClerkResult {
  const dir = mkdtempSync(join(tmpdir(), "clerk-"));
  writeFileSync(join(dir, "in.xlsx"), workbook);
  writeFileSync(join(dir, "job.json"), JSON.stringify(job));
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const r = spawnSync(python, [join(__dirname, "lo-clerk.py"), join(dir, "in.xlsx"), join(dir, "job.json"), port], { encoding: "utf8", timeout: 300_000, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`lo-clerk.py failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as ClerkResult;
}
