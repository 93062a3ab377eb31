// Input the reader must refuse, each with one line naming the file and saying what it is or what is wrong.
import { strToU8 } from "fflate";
import iconv from "iconv-lite";
import { openXlsx, type ReadLimits, UnreadableInputError } from "../../src/workbook/xlsx";
import { buildXlsx, patchDeclaredSize, worksheetXml, zipFiles } from "./xlsx-builder";

const one = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>';
const good = buildXlsx({ sheets: [{ name: "S", rows: one }], sharedStrings: ["x"] });

function ole(...streamNames: string[]): Uint8Array {
  const b = new Uint8Array(2048);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  let at = 1024;
  for (const name of ["Root Entry", ...streamNames]) {
    for (let i = 0; i < name.length; i++) b[at + 2 * i] = name.charCodeAt(i);
    at += 128;
  }
  return b;
}

function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  let s = 42;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    b[i] = s >> 16;
  }
  return b;
}

const utf16le = (s: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...iconv.encode(s, "utf16le")]);

const CSV_HINT = "a CSV/text file, not an .xlsx workbook; open it in Excel or WPS and save it as .xlsx";

describe("refused when opened", () => {
  it.each<[string, Uint8Array, string | RegExp]>([
    ["empty file", new Uint8Array(0), "the file is empty (0 bytes)"],
    ["random bytes", randomBytes(4096), "not an .xlsx workbook (unrecognised content)"],
    ["zip cut in half", good.slice(0, good.length >> 1), /^the file is truncated or damaged \(zip directory not found\)/],
    ["zip without its last bytes", good.slice(0, good.length - 10), /^the file is truncated or damaged/],
    ["UTF-8 CSV renamed .xlsx", strToU8("姓名,身份证号,联系电话\n张三,220702196503151234,13800000000\n"), CSV_HINT],
    ["GBK CSV renamed .xlsx", new Uint8Array(iconv.encode("姓名,性别\r\n张三,男\r\n", "gbk")), CSV_HINT],
    ["Excel Unicode text (UTF-16, tabs)", utf16le("姓名\t性别\r\n张三\t男\r\n"), CSV_HINT],
    ["plain text", strToU8("hello there\nnothing tabular here\n"), "a text file, not an .xlsx workbook"],
    ["HTML table saved as .xls", strToU8('<html><body><table><tr><td>1</td></tr></table></body></html>'), /^an HTML page/],
    ["Excel 2003 XML", strToU8('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), /^an Excel 2003 XML spreadsheet/],
    ["PDF", strToU8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"), "a PDF document, not an .xlsx workbook"],
    ["encrypted workbook (OLE with EncryptionInfo)", ole("EncryptionInfo", "EncryptedPackage"), /^a password-protected \(encrypted\) workbook; remove the password in Excel \(File > Info > Protect Workbook\) and save again$/],
    ["legacy .xls (OLE with Workbook)", ole("Workbook", "\u0005SummaryInformation"), /^a legacy Excel 97-2003 workbook \(\.xls\); open it in Excel or WPS and save as \.xlsx, or: soffice --headless --convert-to xlsx FILE$/],
    ["legacy .doc", ole("WordDocument"), /^a legacy Word document/],
    ["a .docx", zipFiles({
      "[Content_Types].xml": "<Types/>",
      "_rels/.rels": '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      "word/document.xml": "<w:document/>",
    }), "a Word document (.docx), not an .xlsx workbook"],
    ["a .pptx", zipFiles({ "ppt/presentation.xml": "<p/>" }), "a PowerPoint presentation (.pptx), not an .xlsx workbook"],
    ["an .ods", zipFiles({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" }, 0), /^an OpenDocument spreadsheet \(\.ods\)/],
    ["an .xlsb", zipFiles({
      "_rels/.rels": '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
      "xl/workbook.bin": new Uint8Array([1, 2, 3]),
    }), "a binary Excel workbook (.xlsb); open it in Excel and save as .xlsx"],
    ["a zip of other files", zipFiles({ "notes.txt": "hello", "photo.jpg": new Uint8Array([0xff, 0xd8]) }), "a zip archive that holds no Excel workbook (no xl/workbook.xml), not an .xlsx workbook"],
    ["a zip holding an .xlsx", zipFiles({ "roster.xlsx": good }), "a zip archive holding .xlsx files; extract the workbook first"],
    ["a DTD in workbook.xml", buildXlsx({
      sheets: [{ name: "S", rows: one }],
      workbookXml: '<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY lol "lol">]><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
    }), "part xl/workbook.xml contains a DTD/entity declaration; refused"],
    ["a DTD in _rels/.rels", buildXlsx({ sheets: [{ name: "S", rows: one }], extra: { "_rels/.rels": '<!DOCTYPE x [<!ENTITY a "b">]><Relationships/>' } }),
      "part _rels/.rels contains a DTD/entity declaration; refused"],
  ])("%s", (_what, bytes, problem) => {
    let err: unknown;
    try {
      openXlsx(bytes, "input.xlsx");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnreadableInputError);
    const message = (err as Error).message;
    expect(message.split("\n")).toHaveLength(1);
    expect(message.startsWith("input.xlsx: ")).toBe(true);
    const problemText = message.slice("input.xlsx: ".length);
    if (typeof problem === "string") expect(problemText).toBe(problem);
    else expect(problemText).toMatch(problem);
  });

  it("opens the well-formed workbook those cases were cut from", () => {
    expect(openXlsx(good, "input.xlsx").readSheet("S").rows).toEqual([["x"]]);
  });
});

describe("refused when a sheet is read", () => {
  const big = buildXlsx({ sheets: [{ name: "S", rows: one.repeat(1) + '<row r="2"><c r="A2"><v>2</v></c></row>'.repeat(200) }], sharedStrings: ["x"] });
  it.each<[string, Uint8Array, Partial<ReadLimits> | undefined, RegExp]>([
    ["a DTD in the sheet", buildXlsx({ sheets: [{ name: "S", xml: `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x "y">]>${worksheetXml(one)}` }], sharedStrings: ["x"] }), undefined,
      /^input\.xlsx: sheet "S": contains a DTD\/entity declaration; refused$/],
    ["an entity declaration inside sheetData", buildXlsx({ sheets: [{ name: "S", rows: `${one}<!ENTITY x "y">` }], sharedStrings: ["x"] }), undefined,
      /contains a DTD\/entity declaration; refused$/],
    ["an entity declaration in sharedStrings", buildXlsx({ sheets: [{ name: "S", rows: one }], sharedStrings: { xml: '<!DOCTYPE sst [<!ENTITY a "aaaa">]><sst><si><t>&a;</t></si></sst>' } }), undefined,
      /^input\.xlsx: part xl\/sharedStrings\.xml contains a DTD\/entity declaration; refused$/],
    ["a row beyond 1,048,576", buildXlsx({ sheets: [{ name: "S", rows: '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' }] }), undefined,
      /^input\.xlsx: sheet "S": row 1048577 is beyond Excel's limit of 1048576 rows$/],
    ["a cell beyond column XFD", buildXlsx({ sheets: [{ name: "S", rows: '<row r="1"><c r="XFE1"><v>1</v></c></row>' }] }), undefined,
      /beyond Excel's limit of 16384 columns$/],
    ["a part declaring more than the per-part cap", big, { maxPartBytes: 2000 },
      /^input\.xlsx: part xl\/worksheets\/sheet1\.xml declares .* uncompressed, over the 2\.0 KiB limit per part; refused as a possible zip bomb$/],
    ["parts declaring more than the total cap", big, { maxTotalBytes: 4000 },
      /^input\.xlsx: the parts needed inflate to more than 3\.9 KiB in total \(at part .*\); refused as a possible zip bomb$/],
    ["a part inflating beyond its declared size", patchDeclaredSize(big, "xl/worksheets/sheet1.xml", 1000), undefined,
      /^input\.xlsx: part xl\/worksheets\/sheet1\.xml inflates beyond its declared size of 1000 bytes; refused as a possible zip bomb$/],
  ])("%s", (_what, bytes, limits, message) => {
    const wb = openXlsx(bytes, "input.xlsx", { limits });
    expect(() => wb.readSheet("S")).toThrow(UnreadableInputError);
    expect(() => wb.readSheet("S")).toThrow(message);
  });

  it.each<[string, Partial<ReadLimits>]>([
    ["per-part cap just above the sheet", { maxPartBytes: 20000 }],
    ["total cap just above the parts", { maxTotalBytes: 30000 }],
  ])("reads the same workbook with a %s", (_what, limits) => {
    expect(openXlsx(big, "input.xlsx", { limits }).readSheet("S").rows.length).toBe(2);
  });
});

describe("random damage", () => {
  // Regression guard: damaged input gives a grid or an UnreadableInputError, never a TypeError/RangeError or a hang.
  const sheet = `${one}<row r="2"><c r="A2" s="1"><v>45292</v></c><c r="B2" t="inlineStr"><is><r><t>中</t></r></is></c><c r="C2"><f>1+1</f><v>2</v></c></row>`;
  const base = buildXlsx({ sheets: [{ name: "S", rows: sheet }, { name: "T", rows: sheet, state: "hidden" }], sharedStrings: ["x"], definedNames: '<definedName name="n">S!$A$1</definedName>' });
  it("never throws anything but UnreadableInputError", () => {
    let seed = 1;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 300; k++) {
      const bytes = k % 3 === 0 ? base.slice(0, rnd(base.length)) : base.slice();
      if (k % 3 !== 0) for (let m = 0; m <= k % 5; m++) bytes[rnd(bytes.length)] ^= 1 << rnd(8);
      try {
        const wb = openXlsx(bytes, "damaged.xlsx");
        wb.snapshot();
        wb.readSheet("S", { maxRows: 1 });
      } catch (e) {
        if (!(e instanceof UnreadableInputError)) {
          if (/no sheet named/.test((e as Error).message)) continue; // damage renamed a sheet
          throw e;
        }
      }
    }
  });
});
