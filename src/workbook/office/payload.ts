// Payload sizes: what a value costs in the JSON of a request or response (UTF-8 bytes), and the budgets that keep
// every round trip well under Excel on the web's 5 MB limit on requests and responses.

/** Bytes a single read or write aims at: half the web's 5 MB, leaving room for estimates that run short. */
export const TARGET_BYTES = 2.5 * 1024 * 1024;
/** Estimated JSON overhead of one queued action (object path, action type, ids) beyond its own values. */
export const ACTION_BYTES = 160;
/** Actions queued at most before a sync, whatever their size. */
export const MAX_ACTIONS = 4000;

/** UTF-8 length of a string as JSON: quotes, escapes for quote, backslash and control characters. */
export function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) n += 6;
    else if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** JSON bytes of one cell value (plus its comma). */
export function valueBytes(v: unknown): number {
  if (typeof v === "string") return stringBytes(v) + 1;
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "boolean") return (v ? 4 : 5) + 1;
  return 5; // null
}

/** JSON bytes of a row of values (brackets and commas included). */
export function rowBytes(row: readonly unknown[]): number {
  let n = 2;
  for (const v of row) n += valueBytes(v);
  return n;
}

/** Whether office.js refused a request or response for its size (Excel on the web: 5 MB): worth splitting and retrying. */
export function isSizeError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
