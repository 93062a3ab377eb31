// Writing output files safely: temporary files beside the targets, renamed into place only when every one of them
// has been written; never over an input (compared by path, and by file identity where the target exists, so a
// symbolic link, a hard link or another spelling on a case-insensitive disk cannot sneak past).
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "./usage-error";

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const x = statSync(a);
  const y = statSync(b);
  return x.dev === y.dev && x.ino === y.ino;
}

export function assertNotInput(outPath: string, inputs: readonly string[]): void {
  for (const i of inputs) if (sameFile(outPath, i)) throw new UsageError(`${outPath}: is an input file; refusing to write over it`);
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a folder";
  if (code === "ENOSPC") return "no space left on the disk";
  if (code === "EROFS") return "the disk is read-only";
  return (e as Error)?.message?.split("\n")[0] ?? String(e);
}

function writeTemp(path: string, data: string | Uint8Array): string {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, "wx");
    try {
      const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return tmp;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`${path}: cannot write (${reason(e)})`);
  }
}

/** Writes every file or none: all go to temporary files first, then are renamed into place. */
export function writeFilesAtomic(files: readonly { path: string; data: string | Uint8Array }[]): void {
  const temps: string[] = [];
  try {
    for (const f of files) temps.push(writeTemp(f.path, f.data));
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw e;
  }
  const done: string[] = [];
  try {
    files.forEach((f, i) => {
      renameSync(temps[i], f.path);
      done.push(f.path);
    });
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    for (const p of done) rmSync(p, { force: true }); // all or nothing
    throw new UsageError(`${files[done.length].path}: cannot write (${reason(e)})`);
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ path, data }]);
}
