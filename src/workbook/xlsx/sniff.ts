// Recognises what a file is when it is not an .xlsx workbook, so the refusal can say what to do instead.
import type { EdgeCode } from "../../i18n/edge-errors";
import { looksLikeZip } from "./zip";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];


const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => b.length >= sig.length && sig.every((v, i) => b[i] === v);

/** Whether `b` contains `name` as UTF-16LE (how OLE directory entries spell stream names). */
function hasUtf16Name(b: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = b.indexOf(first); i >= 0 && i + name.length * 2 <= b.length; i = b.indexOf(first, i + 1)) {
    for (let k = 0; k < name.length; k++) {
      if (b[i + 2 * k] !== name.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

function describeOle(b: Uint8Array): EdgeCode {
  if (hasUtf16Name(b, "EncryptionInfo") || hasUtf16Name(b, "EncryptedPackage")) {
    return "encrypted";
  }
  if (hasUtf16Name(b, "WordDocument")) return "legacyDoc";
  if (hasUtf16Name(b, "PowerPoint Document")) return "legacyPpt";
  return "legacyXls";
}

/** Decodes a sample of text, or undefined when the bytes do not look like text. */
function sampleText(b: Uint8Array): string | undefined {
  const sample = b.subarray(0, 64 * 1024);
  if (startsWith(sample, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(sample);
  if (startsWith(sample, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(sample);
  let oddZeros = 0;
  for (let i = 1; i < sample.length; i += 2) if (sample[i] === 0) oddZeros++;
  if (sample.length >= 4 && oddZeros > sample.length / 4) return new TextDecoder("utf-16le").decode(sample);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === 0) return undefined;
    if (c < 9 || (c > 13 && c < 32 && c !== 27) || c === 127) control++;
  }
  if (control > sample.length / 100) return undefined;
  return new TextDecoder("utf-8").decode(sample); // GBK text decodes to replacement characters, still text
}

function describeText(text: string): EdgeCode {
  const t = text.replace(/^\uFEFF/, "").trimStart();
  const head = t.slice(0, 2048).toLowerCase();
  if (head.startsWith("<")) {
    if (head.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
      return "excel2003Xml";
    }
    if (head.includes("<html") || head.includes("<table") || head.includes("<!doctype html")) {
      return "html";
    }
    return "xmlText";
  }
  if (head.startsWith("{\\rtf")) return "rtf";
  const lines = t.split(/\r\n|\r|\n/).filter((l) => l.trim() !== "").slice(0, 5);
  if (lines.some((l) => /[,\t;|，]/.test(l))) return "csv";
  return "text";
}

/**
 * For bytes that are not a zip: what they seem to be, as a one-line problem. Undefined for a zip
 * (the zip's contents are examined later).
 */
export function sniffNonZip(b: Uint8Array): EdgeCode | undefined {
  if (b.length === 0) return "empty";
  if (looksLikeZip(b)) return undefined;
  if (startsWith(b, OLE_MAGIC)) return describeOle(b);
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  if (startsWith(b, [0x1f, 0x8b])) return "gzip";
  if (startsWith(b, [0x52, 0x61, 0x72, 0x21]) || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf])) {
    return "rar";
  }
  const text = sampleText(b);
  if (text !== undefined) return describeText(text);
  return "unrecognised";
}

/** What a zip that holds no SpreadsheetML workbook seems to be, from its part names. */
export function describeZip(names: readonly string[], mimetype: string | undefined): EdgeCode {
  const has = (n: string): boolean => names.some((x) => x.toLowerCase() === n);
  if (has("xl/workbook.bin") || names.some((x) => /^xl\/.*\.bin$/i.test(x) && /workbook/i.test(x))) {
    return "xlsb";
  }
  if (has("word/document.xml")) return "docx";
  if (has("ppt/presentation.xml")) return "pptx";
  if (mimetype?.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
    return "ods";
  }
  if (mimetype?.startsWith("application/vnd.oasis.opendocument")) return "odf";
  if (names.some((x) => /\.xlsx$/i.test(x))) return "zipOfXlsx";
  return "zipNoWorkbook";
}
