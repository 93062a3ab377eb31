// Incoming text files' bytes -> text, with the encoding detected (SPEC 8): UTF-8 with or without BOM, UTF-16 LE/BE
// (Excel's "Unicode text" .txt), and GB18030/GBK (what Excel and WPS on Chinese Windows save as CSV).

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  readonly bom: boolean;
}

/** Whether the bytes are valid UTF-8 (a fatal decoder is the strictest and the fastest check we have). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: most ASCII characters (tabs, digits, newlines) have a zero byte on one side. */
function utf16Guess(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  return undefined;
}

/** Decodes a text file's bytes; never throws (GB18030 decodes any byte sequence). */
export function decodeText(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", bom: true };
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", bom: true };
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", bom: true };
  const wide = utf16Guess(bytes);
  if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: wide, bom: false };
  if (isUtf8(bytes)) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8", bom: false };
  return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030", bom: false };
}
