// Small text edits on XML we keep byte for byte elsewhere: attributes of one raw tag, children of one element.
import { XmlCursor } from "../xlsx/xml-scan";
import { escapeAttr } from "./xml-escape";

const attrPattern = (name: string): RegExp =>
  new RegExp(`(\\s${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);

/** The start tag at the front of `raw` ("<x a='1'>..." -> "<x a='1'>"). */
export function startTagOf(raw: string): string {
  const cur = new XmlCursor(raw);
  return cur.next() ? raw.slice(cur.tagStart, cur.pos) : raw;
}

/** Attribute `name` of the start tag at the front of `raw` (entities as written), undefined where it has none. */
export function attrOf(raw: string, name: string): string | undefined {
  const cur = new XmlCursor(raw);
  return cur.next() ? cur.attr(name) : undefined;
}

/** Sets (or adds) attribute `name` in the start tag at the front of `raw`; the rest of `raw` is kept. */
export function setAttr(raw: string, name: string, value: string): string {
  const tag = startTagOf(raw);
  const re = attrPattern(name);
  const q = `"${escapeAttr(value)}"`;
  let next: string;
  if (re.test(tag)) next = tag.replace(re, (_m, pre: string) => `${pre}${q}`);
  else {
    const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
    let at = close;
    while (at > 0 && /\s/.test(tag[at - 1])) at--;
    next = `${tag.slice(0, at)} ${name}=${q}${tag.slice(at)}`;
  }
  return next + raw.slice(tag.length);
}

/** An element's extent in a text: [start, end) covers it whole; [innerStart, innerEnd) its content. */
export interface Extent {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly selfClosing: boolean;
}

/** The element whose start tag the cursor is on, as an extent (the cursor moves past it). */
export function extentAt(cur: XmlCursor): Extent {
  const name = cur.localName;
  const start = cur.tagStart;
  const innerStart = cur.pos;
  if (cur.selfClosing) return { name, start, end: cur.pos, innerStart, innerEnd: innerStart, selfClosing: true };
  let depth = 1;
  let innerEnd = cur.xml.length;
  while (depth > 0 && cur.next()) {
    if (cur.closing) {
      depth--;
      if (depth === 0) innerEnd = cur.tagStart;
    } else if (!cur.selfClosing) depth++;
  }
  return { name, start, end: cur.pos, innerStart, innerEnd, selfClosing: false };
}

/** The child elements of the content between `from` and `to` (an element's inner extent), in order. */
export function childrenIn(xml: string, from: number, to: number): Extent[] {
  const out: Extent[] = [];
  const cur = new XmlCursor(xml, from);
  while (cur.next() && cur.tagStart < to) {
    if (cur.closing) break;
    out.push(extentAt(cur));
  }
  return out;
}

/** The first element named `local` (any prefix) at or after `from`, as an extent; undefined if none. */
export function findElement(xml: string, local: string, from = 0): Extent | undefined {
  const cur = new XmlCursor(xml, from);
  while (cur.next()) if (!cur.closing && cur.is(local)) return extentAt(cur);
  return undefined;
}

/** The root element's extent and namespace prefix ("x:" for <x:worksheet>, "" for the default namespace). */
export function rootOf(xml: string): { extent: Extent; prefix: string } {
  const cur = new XmlCursor(xml);
  if (!cur.next()) throw new Error("the part is empty or holds no XML element");
  const prefix = xml.slice(cur.tagStart + 1, cur.localStart);
  return { extent: extentAt(cur), prefix };
}

/** The prefix bound to namespace `uri` on the root start tag ("r" for xmlns:r="uri"), or undefined. */
export function prefixFor(rootTag: string, uri: string): string | undefined {
  const re = /\sxmlns:([\w.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (const m of rootTag.matchAll(re)) if ((m[3] ?? m[4]) === uri) return m[1];
  return undefined;
}

/** Replaces [start, end) ranges of `text` (non-overlapping, any order) with their strings. */
export function splice(text: string, edits: Array<{ start: number; end: number; text: string }>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error("overlapping XML edits");
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Rewrites an XML declaration's encoding to UTF-8 (for parts read as UTF-16 and written back as UTF-8). */
export function asUtf8Declaration(xml: string): string {
  const t = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  return t.replace(/^(<\?xml[^>]*encoding\s*=\s*)("[^"]*"|'[^']*')/, '$1"UTF-8"');
}
