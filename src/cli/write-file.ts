// Writing output files safely: never over an input (compared by path, and by file identity where the target exists,
// so a symbolic link, a hard link or another spelling on a case-insensitive disk cannot sneak past); only regular
// files (a device or FIFO is refused; a symbolic link is followed to the file it names, which is replaced and the
// link kept); every output or none, the previous outputs kept until all new ones are in place (output-recovery.ts);
// the previous output's permissions kept.
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, lstatSync, copyFileSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { backupName, type JournalEntry, journalName, recoverStale, rollBack, tempName, writeJournal } from "./output-recovery";
import { UsageError } from "./usage-error";
import type { ZipSink } from "../workbook/xlsx-write";

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const x = statSync(a);
  const y = statSync(b);
  return x.dev === y.dev && x.ino === y.ino;
}

export function assertNotInput(outPath: string, inputs: readonly string[]): void {
  for (const i of inputs) if (sameFile(outPath, i)) throw new UsageError("outIsInput", { file: outPath });
}

/** The system's reason, as its error code (EACCES, ENOSPC, ...) and message: the same in every language. */
function reason(e: unknown): string {
  return ((e as Error)?.message?.split("\n")[0] ?? String(e)).replace(/,\s*(open|rename|link|copyfile|chmod)\s+'.*$/, "");
}

/**
 * The file an output path names: itself, or the file its symbolic link(s) name. Refuses what is not a regular file
 * (or not yet a file): a folder, a device such as /dev/null, a FIFO, a socket, a link to nowhere.
 */
export function outputTarget(path: string): string {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return resolve(path); // a new file
  }
  let target = resolve(path);
  if (st.isSymbolicLink()) {
    try {
      target = realpathSync(path);
    } catch {
      throw new UsageError("outDanglingLink", { file: path });
    }
    st = statSync(target);
  }
  if (st.isDirectory()) throw new UsageError("outFolder", { file: path });
  if (st.isCharacterDevice() || st.isBlockDevice()) throw new UsageError("outDevice", { file: path });
  if (st.isFIFO()) throw new UsageError("outPipe", { file: path });
  if (!st.isFile()) throw new UsageError("outNotRegular", { file: path });
  return target;
}

/** A whole output into its private temporary file beside the target (TempOutput's, written at once). */
function writeTemp(path: string, target: string, data: string | Uint8Array): string {
  const out = new TempOutput(path);
  try {
    out.write(typeof data === "string" ? Buffer.from(data, "utf8") : data);
    return out.finish(target);
  } catch (e) {
    out.discard();
    throw e;
  }
}

/**
 * An output written as it is made (a ZipSink: the workbook's bytes go to disk as the writer makes them, never held
 * whole), into a private temporary file beside the output; writeFilesAtomic puts it in place with the other outputs,
 * or it is discarded. The output itself is never written to until it is whole.
 */
export class TempOutput implements ZipSink {
  readonly temp: string;
  private fd: number | undefined;

  constructor(readonly path: string) {
    this.temp = tempName(outputTarget(path));
    try {
      this.fd = openSync(this.temp, "wx", 0o600); // private while written: it holds the whole roster
    } catch (e) {
      throw new UsageError("cannotWrite", { file: path, reason: reason(e) });
    }
  }

  write(bytes: Uint8Array): void {
    this.put(bytes, null);
  }

  writeAt(offset: number, bytes: Uint8Array): void {
    this.put(bytes, offset);
  }

  /** On disk (flushed), closed, with the mode the output will have (the previous output's, else a new file's). */
  finish(target: string): string {
    try {
      fsyncSync(this.open());
      this.close();
      chmodSync(this.temp, existsSync(target) ? statSync(target).mode & 0o7777 : 0o666 & ~process.umask());
    } catch (e) {
      throw new UsageError("cannotWrite", { file: this.path, reason: reason(e) });
    }
    return this.temp;
  }

  /** Closed and removed (nothing where it was put in place already). */
  discard(): void {
    try {
      this.close();
    } finally {
      rmSync(this.temp, { force: true });
    }
  }

  private put(bytes: Uint8Array, at: number | null): void {
    const fd = this.open();
    try {
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off, at === null ? null : at + off);
    } catch (e) {
      throw new UsageError("cannotWrite", { file: this.path, reason: reason(e) });
    }
  }

  private open(): number {
    if (this.fd === undefined) throw new Error(`${this.temp}: written after it was closed`);
    return this.fd;
  }

  private close(): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) closeSync(fd);
  }
}

/** Sets the previous output aside (a hard link, else a copy), so it can be put back until every output is in place. */
function keepPrevious(target: string): string | null {
  if (!existsSync(target)) return null;
  const bak = backupName(target);
  rmSync(bak, { force: true });
  try {
    linkSync(target, bak);
  } catch {
    copyFileSync(target, bak);
  }
  return bak;
}

/** Writes every file or none, keeping the previous outputs until all the new ones are in place (an output written as
 * it was made, a TempOutput, is put in place with the others, or removed). */
export function writeFilesAtomic(files: readonly { path: string; data: string | Uint8Array | TempOutput }[]): void {
  if (files.length === 0) return;
  try {
    writeAll(files);
  } finally {
    for (const f of files) if (f.data instanceof TempOutput) f.data.discard();
  }
}

function writeAll(files: readonly { path: string; data: string | Uint8Array | TempOutput }[]): void {
  const targets = files.map((f) => outputTarget(f.path));
  recoverStale(targets);
  const entries: JournalEntry[] = [];
  const temps: string[] = [];
  let journal: string | undefined;
  let renamed = 0;
  try {
    files.forEach((f, i) => temps.push(f.data instanceof TempOutput ? f.data.finish(targets[i]) : writeTemp(f.path, targets[i], f.data)));
    files.forEach((f, i) => {
      try {
        entries.push({ target: targets[i], temp: temps[i], backup: keepPrevious(targets[i]) });
      } catch (e) {
        throw new UsageError("cannotKeepPrevious", { file: f.path, reason: reason(e) });
      }
    });
    journal = journalName(dirname(targets[0]));
    writeJournal(journal, entries);
    for (; renamed < files.length; renamed++) {
      try {
        renameSync(temps[renamed], targets[renamed]);
      } catch (e) {
        throw new UsageError("cannotWrite", { file: files[renamed].path, reason: reason(e) });
      }
    }
    rmSync(journal, { force: true });
    journal = undefined;
  } finally {
    if (journal !== undefined) {
      try {
        rollBack(entries);
      } finally {
        rmSync(journal, { force: true });
      }
    }
    for (const t of temps) rmSync(t, { force: true });
    for (const e of entries) if (e.backup !== null) rmSync(e.backup, { force: true });
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ path, data }]);
}
