// Recognises what a file is when it is not an .xlsx workbook, so the refusal can say what to do instead.
import { looksLikeZip } from "./zip";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const CSV_HINT = "a CSV/text file, not an .xlsx workbook; open it in Excel or WPS and save it as .xlsx";

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

function describeOle(b: Uint8Array): string {
  if (hasUtf16Name(b, "EncryptionInfo") || hasUtf16Name(b, "EncryptedPackage")) {
    return "a password-protected (encrypted) workbook; remove the password in Excel (File > Info > Protect Workbook) and save again";
  }
  if (hasUtf16Name(b, "WordDocument")) return "a legacy Word document (.doc), not an .xlsx workbook";
  if (hasUtf16Name(b, "PowerPoint Document")) return "a legacy PowerPoint file (.ppt), not an .xlsx workbook";
  return "a legacy Excel 97-2003 workbook (.xls); open it in Excel or WPS and save as .xlsx, or: soffice --headless --convert-to xlsx FILE";
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

function describeText(text: string): string {
  const t = text.replace(/^\uFEFF/, "").trimStart();
  const head = t.slice(0, 2048).toLowerCase();
  if (head.startsWith("<")) {
    if (head.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
      return "an Excel 2003 XML spreadsheet, not an .xlsx workbook; open it in Excel or WPS and save as .xlsx";
    }
    if (head.includes("<html") || head.includes("<table") || head.includes("<!doctype html")) {
      return "an HTML page (often a web export renamed .xls), not an .xlsx workbook; open it in Excel or WPS and save as .xlsx";
    }
    return "an XML/HTML text file, not an .xlsx workbook";
  }
  if (head.startsWith("{\\rtf")) return "an RTF document, not an .xlsx workbook";
  const lines = t.split(/\r\n|\r|\n/).filter((l) => l.trim() !== "").slice(0, 5);
  if (lines.some((l) => /[,\t;|，]/.test(l))) return CSV_HINT;
  return "a text file, not an .xlsx workbook";
}

/**
 * For bytes that are not a zip: what they seem to be, as a one-line problem. Undefined for a zip
 * (the zip's contents are examined later).
 */
export function sniffNonZip(b: Uint8Array): string | undefined {
  if (b.length === 0) return "the file is empty (0 bytes)";
  if (looksLikeZip(b)) return undefined;
  if (startsWith(b, OLE_MAGIC)) return describeOle(b);
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return "a PDF document, not an .xlsx workbook";
  if (startsWith(b, [0x1f, 0x8b])) return "a gzip archive, not an .xlsx workbook";
  if (startsWith(b, [0x52, 0x61, 0x72, 0x21]) || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf])) {
    return "a RAR/7z archive, not an .xlsx workbook; extract the workbook first";
  }
  const text = sampleText(b);
  if (text !== undefined) return describeText(text);
  return "not an .xlsx workbook (unrecognised content)";
}

/** What a zip that holds no SpreadsheetML workbook seems to be, from its part names. */
export function describeZip(names: readonly string[], mimetype: string | undefined): string {
  const has = (n: string): boolean => names.some((x) => x.toLowerCase() === n);
  if (has("xl/workbook.bin") || names.some((x) => /^xl\/.*\.bin$/i.test(x) && /workbook/i.test(x))) {
    return "a binary Excel workbook (.xlsb); open it in Excel and save as .xlsx";
  }
  if (has("word/document.xml")) return "a Word document (.docx), not an .xlsx workbook";
  if (has("ppt/presentation.xml")) return "a PowerPoint presentation (.pptx), not an .xlsx workbook";
  if (mimetype?.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
    return "an OpenDocument spreadsheet (.ods); open it in LibreOffice, WPS or Excel and save as .xlsx";
  }
  if (mimetype?.startsWith("application/vnd.oasis.opendocument")) return "an OpenDocument file, not an .xlsx workbook";
  if (names.some((x) => /\.xlsx$/i.test(x))) return "a zip archive holding .xlsx files; extract the workbook first";
  return "a zip archive that holds no Excel workbook (no xl/workbook.xml), not an .xlsx workbook";
}
