// sharedStrings.xml -> an array of strings, indexed by the <v> of t="s" cells.
import { readRichText, rich } from "./rich-text";
import { readTag, tag, tagIs } from "./tag-scan";
import { decodeCellText } from "./xml-text";

/** The shared strings in order; undefined when the part is cut short. */
export function parseSharedStrings(x: string): string[] | undefined {
  const out: string[] = [];
  const tg = tag;
  let p = 0;
  for (;;) {
    const lt = x.indexOf("<", p);
    if (lt < 0) return out;
    // Fast path for what Excel writes most: <si><t>text</t></si>.
    if (x.charCodeAt(lt + 1) === 115 && x.charCodeAt(lt + 2) === 105 && x.charCodeAt(lt + 3) === 62 &&
        x.charCodeAt(lt + 4) === 60 && x.charCodeAt(lt + 5) === 116 && x.charCodeAt(lt + 6) === 62) {
      const e = x.indexOf("<", lt + 7);
      if (e >= 0 && x.startsWith("</t></si>", e)) {
        out.push(decodeCellText(x.slice(lt + 7, e)));
        p = e + 9;
        continue;
      }
    }
    const c1 = x.charCodeAt(lt + 1);
    if (c1 === 47 || c1 === 33 || c1 === 63) {
      const e = x.indexOf(x.startsWith("<!--", lt) ? "-->" : ">", lt + 1);
      if (e < 0) return out;
      p = e + 1;
      continue;
    }
    if (!readTag(x, lt + 1)) return undefined;
    p = tg.end;
    if (!tagIs(x, "si")) continue;
    if (tg.selfClosing) {
      out.push("");
      continue;
    }
    const e = readRichText(x, p, "si");
    if (e < 0) return undefined;
    out.push(rich.text);
    p = e;
  }
}
