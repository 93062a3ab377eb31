// The one error the reader throws for input it cannot use: a one-line reason naming the file.

export class UnreadableInputError extends Error {
  override readonly name = "UnreadableInputError";
  constructor(
    readonly fileName: string,
    readonly problem: string,
  ) {
    super(`${fileName}: ${problem}`.replace(/[\r\n]+/g, " "));
  }
}

/** Throws UnreadableInputError for `fileName` with `problem`. */
export function unreadable(fileName: string, problem: string): never {
  throw new UnreadableInputError(fileName, problem);
}

/** Human size for messages: 1536 -> "1.5 KiB". */
export function formatBytes(n: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}
