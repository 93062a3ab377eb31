// A tiny, strict XML reader for the manifest tests: elements, attributes, text, comments, the XML declaration
// and the five predefined entities plus character references. No DTDs, no CDATA (the manifest has neither):
// anything it does not understand is an error, so a test never passes on a half-read file. Names keep their
// prefixes ("bt:Image"); `ns` resolves an element's namespace from the xmlns declarations in scope.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent?: XmlElement;
  line: number;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string, line: number): string {
  return s.replace(/&([^;&\s]*);?/g, (m, name: string) => {
    if (!m.endsWith(";")) throw new Error(`line ${line}: bare "&"`);
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const v = ENTITIES[name];
    if (v === undefined) throw new Error(`line ${line}: unknown entity &${name};`);
    return v;
  });
}

export function parseXml(xml: string): XmlElement {
  let pos = 0;
  const lineAt = (p: number) => xml.slice(0, p).split("\n").length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  if (xml.charCodeAt(0) === 0xfeff) pos = 1;
  while (pos < xml.length) {
    const lt = xml.indexOf("<", pos);
    const text = xml.slice(pos, lt < 0 ? xml.length : lt);
    if (text.trim()) {
      const top = stack[stack.length - 1];
      if (!top) throw new Error(`line ${lineAt(pos)}: text outside the root element`);
      top.text += decode(text, lineAt(pos));
    }
    if (lt < 0) break;
    pos = lt;
    if (xml.startsWith("<?", pos)) {
      const end = xml.indexOf("?>", pos);
      if (end < 0) throw new Error(`line ${lineAt(pos)}: unterminated processing instruction`);
      pos = end + 2;
    } else if (xml.startsWith("<!--", pos)) {
      const end = xml.indexOf("-->", pos + 4);
      if (end < 0) throw new Error(`line ${lineAt(pos)}: unterminated comment`);
      if (xml.slice(pos + 4, end).includes("--")) throw new Error(`line ${lineAt(pos)}: "--" inside a comment`);
      pos = end + 3;
    } else if (xml.startsWith("<!", pos)) {
      throw new Error(`line ${lineAt(pos)}: DTDs and CDATA are not expected in the manifest`);
    } else if (xml.startsWith("</", pos)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(xml.slice(pos));
      if (!m) throw new Error(`line ${lineAt(pos)}: malformed end tag`);
      const open = stack.pop();
      if (!open || open.name !== m[1]) throw new Error(`line ${lineAt(pos)}: </${m[1]}> closes <${open?.name ?? "nothing"}>`);
      pos += m[0].length;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(xml.slice(pos));
      if (!m) throw new Error(`line ${lineAt(pos)}: malformed start tag`);
      const line = lineAt(pos);
      const attrs: Record<string, string> = {};
      for (const a of m[2].matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] in attrs) throw new Error(`line ${line}: attribute ${a[1]} given twice`);
        attrs[a[1]] = decode(a[2] ?? a[3], line);
      }
      const parent = stack[stack.length - 1];
      const el: XmlElement = { name: m[1], attrs, children: [], text: "", parent, line };
      if (parent) parent.children.push(el);
      else if (root) throw new Error(`line ${line}: a second root element`);
      else root = el;
      if (!m[3]) stack.push(el);
      pos += m[0].length;
    }
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error("no root element");
  return root;
}

/** The namespace URI of an element (or of a prefixed name looked up from that element). */
export function ns(el: XmlElement, name = el.name): string | undefined {
  const i = name.indexOf(":");
  const key = i < 0 ? "xmlns" : `xmlns:${name.slice(0, i)}`;
  for (let e: XmlElement | undefined = el; e; e = e.parent) if (key in e.attrs) return e.attrs[key];
  return undefined;
}

/** The local part of a name ("bt:Image" -> "Image"). */
export const local = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Every element below `el` (depth first, document order), `el` excluded. */
export function descendants(el: XmlElement): XmlElement[] {
  return el.children.flatMap((c) => [c, ...descendants(c)]);
}

/** Children of `el` with the given (prefixed) name. */
export const childrenNamed = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c) => c.name === name);

/** The one child of `el` with that name; throws when there is none or more than one. */
export function only(el: XmlElement, name: string): XmlElement {
  const found = childrenNamed(el, name);
  if (found.length !== 1) throw new Error(`<${el.name}> (line ${el.line}) has ${found.length} <${name}> children, expected 1`);
  return found[0];
}

/** Follows a path of child names from `el`, each step exactly one child. */
export const at = (el: XmlElement, ...names: string[]): XmlElement => names.reduce(only, el);

/** Element path from the root, for messages: OfficeApp/VersionOverrides/... */
export function pathOf(el: XmlElement): string {
  const names: string[] = [];
  for (let e: XmlElement | undefined = el; e; e = e.parent) names.unshift(e.name);
  return names.join("/");
}
