// What a run killed while writing its outputs leaves behind, and how the next run puts it right. A run writes
// temporary files, hard-links a backup of each output it replaces, then writes a journal before the first rename
// and removes it after the last. So a leftover journal means "renames unfinished: restore the backups"; leftover
// temporary files or backups without a journal are just removed. Files of a process still running are left alone.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface JournalEntry {
  readonly target: string;
  readonly temp: string;
  /** The previous output, hard-linked aside; null when the target did not exist. */
  readonly backup: string | null;
}

const TAG = "roster";
export const tempName = (target: string, pid = process.pid): string => join(dirname(target), `.${basename(target)}.${TAG}-${pid}.tmp`);
export const backupName = (target: string, pid = process.pid): string => join(dirname(target), `.${basename(target)}.${TAG}-${pid}.bak`);
export const journalName = (dir: string, pid = process.pid): string => join(dir, `.${TAG}-${pid}.journal`);

/** Temporary files, backups and journals of this tool (and the temporary files of earlier versions: .NAME.PID.tmp). */
const OURS = /^\.(?:(.+)\.roster-(\d+)\.(tmp|bak)|roster-(\d+)\.journal|(.+)\.(\d+)\.tmp)$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function writeJournal(path: string, entries: readonly JournalEntry[]): void {
  const fd = openSync(path, "wx", 0o600);
  try {
    writeSync(fd, JSON.stringify(entries));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Puts back what the journal's run replaced (backups restored, outputs it created removed), then clears its files. */
export function rollBack(entries: readonly JournalEntry[]): void {
  for (const e of entries) {
    if (e.backup !== null && existsSync(e.backup)) renameSync(e.backup, e.target);
    else if (e.backup === null && !existsSync(e.temp)) rmSync(e.target, { force: true }); // created by that run
    rmSync(e.temp, { force: true });
  }
}

/**
 * Clears what killed runs left in the folders of `targets` (journals rolled back first). Returns how many files were
 * removed or restored. Never throws: recovery that cannot be done now is tried again on the next run.
 */
export function recoverStale(targets: readonly string[]): number {
  let n = 0;
  const dirs = [...new Set(targets.map((t) => dirname(t)))];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    const matches = names.map((name) => ({ name, m: OURS.exec(name) })).filter((x) => x.m !== null);
    // Journals first: their backups must be restored before leftovers are removed.
    for (const { name, m } of matches) {
      const pid = Number(m![4]);
      if (!m![4] || alive(pid)) continue;
      try {
        rollBack(JSON.parse(readFileSync(join(dir, name), "utf8")) as JournalEntry[]);
        rmSync(join(dir, name), { force: true });
        n++;
      } catch {
        // a damaged journal: leave it (and the backups) for a person to look at
      }
    }
    const own = new Set(targets.filter((t) => dirname(t) === dir).map((t) => basename(t)));
    for (const { name, m } of matches) {
      const pid = Number(m![2] ?? m![6]);
      if (m![4] || !pid || alive(pid)) continue;
      if (m![5] !== undefined && !own.has(m![5])) continue; // an earlier version's name: only for this run's targets
      if (existsSync(journalName(dir, pid))) continue;
      try {
        rmSync(join(dir, name), { force: true });
        n++;
      } catch {
        // try again next time
      }
    }
  }
  return n;
}
