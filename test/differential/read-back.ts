// Reading both back ends' results into one comparable shape: a workbook as FakeWorkbookJson (the fake's own model;
// the file through openXlsx for values and ExcelJS for formula texts and number formats), the product's defined
// names as {sheet, area}, and each sheet's conditional formats as {sqref, formula, fill, font} in priority order
// (the file's read from the sheet XML and styles.xml's dxfs, unzipped by fflate: not our writer's code).
import { strFromU8, unzipSync } from "fflate";
import { openXlsx } from "../../src/workbook/xlsx";
import { Fake } from "../fakes/excel-fake";
import { FakeWorkbookJson, fakeToJson } from "../fakes/fake-json";
import { xlsxToFakeJson } from "../fakes/xlsx-to-fake";

export interface Rule {
  readonly sqref: string;
  /** Without the leading "=". */
  readonly formula: string;
  /** RRGGBB, upper case. */
  readonly fill: string;
  readonly font: string;
}

export interface NameRef {
  /** The sheet the name points at ("#REF!" when gone), or undefined for a constant. */
  readonly sheet?: string;
  readonly area: string;
}

export interface ReadBack {
  readonly book: FakeWorkbookJson;
  /** Workbook-level names starting _RosterAssistant_. */
  readonly names: Map<string, NameRef>;
  readonly rules: Map<string, Rule[]>;
}

const rgb = (c: string | undefined): string => (c ?? "").replace(/^#/, "").toUpperCase().slice(-6);

/** "=Sheet!$A$1:$B$2" / "'My ''x'''!$A$1" -> {sheet, area}. */
export function nameRef(formula: string): NameRef {
  const f = formula.trim().replace(/^=/, "");
  const m = /^(?:'((?:[^']|'')+)'|([^!'"]+))!(.+)$/.exec(f);
  if (!m) return { area: f };
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), area: m[3].replace(/\$/g, "") };
}

function ourNames(all: Iterable<[string, string]>): Map<string, NameRef> {
  return new Map([...all].filter(([n]) => n.startsWith("_RosterAssistant_")).map(([n, f]) => [n, nameRef(f)] as [string, NameRef]).sort(([a], [b]) => a.localeCompare(b)));
}

export function readFake(fake: Fake): ReadBack {
  const rules = new Map<string, Rule[]>();
  for (const name of fake.sheetNames()) {
    rules.set(name, fake.rules(name).map((r) => ({
      sqref: r.address.split(",").map((a) => a.trim()).join(" "), formula: (r.formula ?? "").replace(/^=/, ""), fill: rgb(r.fill), font: rgb(r.fontColor),
    })));
  }
  return { book: fakeToJson(fake), names: ourNames([...fake.names()].map(([n, x]) => [n, x.formula])), rules };
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** styles.xml's dxfs: font colour and fill (bgColor of the pattern fill, as Excel uses it in a dxf). */
function dxfs(stylesXml: string): { fill: string; font: string }[] {
  const block = /<(?:\w+:)?dxfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?dxfs>/.exec(stylesXml)?.[1] ?? "";
  return [...block.matchAll(/<(?:\w+:)?dxf>([\s\S]*?)<\/(?:\w+:)?dxf>/g)].map((m) => {
    const font = /<(?:\w+:)?font>[\s\S]*?<(?:\w+:)?color\b([^>]*)\/>/.exec(m[1])?.[1] ?? "";
    const fill = /<(?:\w+:)?fill>[\s\S]*?<(?:\w+:)?bgColor\b([^>]*)\/>/.exec(m[1])?.[1] ?? "";
    return { fill: rgb(attr(fill, "rgb")), font: rgb(attr(font, "rgb")) };
  });
}

/** A sheet's conditional formats from its XML; throws on the x14 form, which this reader does not model. */
function sheetRules(xml: string, styles: { fill: string; font: string }[]): Rule[] {
  if (/<x14:conditionalFormatting/.test(xml)) throw new Error("x14 conditional formats: not modelled by this reader");
  const out: { priority: number; rule: Rule }[] = [];
  for (const cf of xml.matchAll(/<(?:\w+:)?conditionalFormatting\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?conditionalFormatting>/g)) {
    const sqref = attr(cf[1], "sqref") ?? "";
    for (const r of cf[2].matchAll(/<(?:\w+:)?cfRule\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?cfRule>/g)) {
      const dxf = styles[Number(attr(r[1], "dxfId"))];
      // The file form prefixes functions newer than Excel 2007 with _xlfn. (a file format matter): compared without it.
      const formula = unescape(/<(?:\w+:)?formula>([\s\S]*?)<\/(?:\w+:)?formula>/.exec(r[2])?.[1] ?? "").replace(/_xlfn\./g, "");
      out.push({ priority: Number(attr(r[1], "priority")), rule: { sqref, formula, fill: dxf?.fill ?? "", font: dxf?.font ?? "" } });
    }
  }
  return out.sort((a, b) => a.priority - b.priority).map((x) => x.rule);
}

export async function readFile(bytes: Uint8Array, fileName: string): Promise<ReadBack> {
  const wb = openXlsx(bytes, fileName);
  const parts = unzipSync(bytes);
  const stylesPath = Object.keys(parts).find((p) => /^xl\/styles\.xml$/i.test(p));
  const styles = stylesPath ? dxfs(strFromU8(parts[stylesPath])) : [];
  const rules = new Map<string, Rule[]>();
  for (const s of wb.sheets) if (s.kind === "worksheet") rules.set(s.name, sheetRules(strFromU8(parts[s.part]), styles));
  return { book: await xlsxToFakeJson(bytes, fileName), names: ourNames(wb.definedNames), rules };
}
