// A small pull scanner over decoded XML text for the small parts (workbook, rels, styles): no DOM, no regexes.
import { decodeEntities } from "./xml-text";

export class XmlCursor {
  /** Position just after the current tag. */
  pos: number;
  tagStart = 0;
  /** The element's local name is xml.slice(localStart, nameEnd): any namespace prefix is ignored. */
  localStart = 0;
  nameEnd = 0;
  /** End of the attribute text (before "/>" or ">"). */
  attrEnd = 0;
  closing = false;
  selfClosing = false;

  constructor(
    readonly xml: string,
    from = 0,
  ) {
    this.pos = from;
  }

  /** Moves to the next start, end or empty-element tag, skipping comments, CDATA, declarations and PIs. */
  next(): boolean {
    const x = this.xml;
    const len = x.length;
    for (;;) {
      const lt = x.indexOf("<", this.pos);
      if (lt < 0 || lt + 1 >= len) {
        this.pos = len;
        return false;
      }
      const c1 = x.charCodeAt(lt + 1);
      if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
        const close = x.startsWith("<!--", lt) ? "-->" : x.startsWith("<![CDATA[", lt) ? "]]>" : c1 === 63 ? "?>" : ">";
        const e = x.indexOf(close, lt + 2);
        this.pos = e < 0 ? len : e + close.length;
        continue;
      }
      this.tagStart = lt;
      this.closing = c1 === 47;
      let p = this.closing ? lt + 2 : lt + 1;
      this.localStart = p;
      for (; p < len; p++) {
        const c = x.charCodeAt(p);
        if (c === 58) this.localStart = p + 1;
        else if (c <= 32 || c === 47 || c === 62) break;
      }
      this.nameEnd = p;
      let quote = 0;
      for (; p < len; p++) {
        const c = x.charCodeAt(p);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62) break;
      }
      this.selfClosing = !this.closing && x.charCodeAt(p - 1) === 47;
      this.attrEnd = this.selfClosing ? p - 1 : p;
      this.pos = p + 1;
      return true;
    }
  }

  /** Whether the current tag's local name is `local`. */
  is(local: string): boolean {
    return this.nameEnd - this.localStart === local.length && this.xml.startsWith(local, this.localStart);
  }

  get localName(): string {
    return this.xml.slice(this.localStart, this.nameEnd);
  }

  /** Value of the attribute whose local name is `local` (any prefix), entities decoded. */
  attr(local: string): string | undefined {
    const x = this.xml;
    let p = this.nameEnd;
    const end = this.attrEnd;
    while (p < end) {
      while (p < end && x.charCodeAt(p) <= 32) p++;
      const nameStart = p;
      let localStart = p;
      while (p < end) {
        const c = x.charCodeAt(p);
        if (c === 61 /* = */ || c <= 32) break;
        if (c === 58) localStart = p + 1;
        p++;
      }
      const nameEnd = p;
      while (p < end && x.charCodeAt(p) !== 61) p++;
      p++;
      while (p < end && x.charCodeAt(p) <= 32) p++;
      const quote = x.charCodeAt(p);
      if (quote !== 34 && quote !== 39) return undefined;
      const valEnd = x.indexOf(quote === 34 ? '"' : "'", p + 1);
      if (valEnd < 0 || valEnd > end) return undefined;
      const isXmlns = x.startsWith("xmlns", nameStart) && (nameEnd - nameStart === 5 || x.charCodeAt(nameStart + 5) === 58);
      if (!isXmlns && nameEnd - localStart === local.length && x.startsWith(local, localStart)) {
        return decodeEntities(x.slice(p + 1, valEnd));
      }
      p = valEnd + 1;
    }
    return undefined;
  }

  /** Character data after the current start tag up to the next tag, entities decoded. */
  text(): string {
    if (this.selfClosing || this.closing) return "";
    const e = this.xml.indexOf("<", this.pos);
    return decodeEntities(this.xml.slice(this.pos, e < 0 ? this.xml.length : e));
  }

  /** Skips past the end of the current element (nested elements included). */
  skipElement(): void {
    if (this.selfClosing || this.closing) return;
    let depth = 1;
    while (depth > 0 && this.next()) {
      if (this.closing) depth--;
      else if (!this.selfClosing) depth++;
    }
  }
}
