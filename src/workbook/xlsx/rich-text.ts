// Text of a shared string <si> or an inline string <is>: the <t> of plain and rich-text runs, phonetic <rPh> skipped.
import { endOf, readTag, tag, tagIs } from "./tag-scan";
import { decodeCellText } from "./xml-text";

/** The text read by the last successful readRichText call. */
export const rich = { text: "" };

/**
 * Reads the content of the container element `container` ("si" or "is") whose start tag ends at `p`.
 * Returns the index after the container's end tag, or -1 when the text ends first.
 */
export function readRichText(x: string, p: number, container: string): number {
  let text = "";
  for (;;) {
    const lt = x.indexOf("<", p);
    if (lt < 0) return -1;
    const c1 = x.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      if (!readTag(x, lt + 2)) return -1;
      if (tagIs(x, container)) {
        rich.text = text;
        return tag.end;
      }
      p = tag.end;
      continue;
    }
    if (c1 === 33 /* ! */) {
      if (x.startsWith("<![CDATA[", lt)) {
        const e = x.indexOf("]]>", lt + 9);
        if (e < 0) return -1;
        text += x.slice(lt + 9, e);
        p = e + 3;
      } else {
        const e = x.indexOf(x.startsWith("<!--", lt) ? "-->" : ">", lt + 2);
        if (e < 0) return -1;
        p = e + 1;
      }
      continue;
    }
    if (!readTag(x, lt + 1)) return -1;
    p = tag.end;
    if (tag.selfClosing) continue;
    if (tagIs(x, "t")) {
      const e = x.indexOf("<", p);
      if (e < 0) return -1;
      if (e > p) text += decodeCellText(x.slice(p, e));
      p = e;
    } else if (tagIs(x, "rPh")) {
      const e = endOf(x, "rPh", p);
      if (e < 0) return -1;
      p = e;
    }
  }
}
