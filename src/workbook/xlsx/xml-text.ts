// Decoding of XML character data: entities, and Excel's _xHHHH_ escapes (ST_Xstring).

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Replaces the five XML entities and numeric character references; unknown references stay as written. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) break;
    let rep: string | undefined;
    if (s.charCodeAt(amp + 1) === 35 /* # */) {
      const hex = s.charCodeAt(amp + 2) === 120 || s.charCodeAt(amp + 2) === 88;
      const digits = s.slice(amp + (hex ? 3 : 2), semi);
      if (digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
        const cp = parseInt(digits, hex ? 16 : 10);
        if (cp <= 0x10ffff) rep = String.fromCodePoint(cp);
      }
    } else {
      rep = NAMED[s.slice(amp + 1, semi)];
    }
    if (rep !== undefined) {
      out += s.slice(from, amp) + rep;
      from = semi + 1;
    }
    amp = s.indexOf("&", rep !== undefined ? semi + 1 : amp + 1);
  }
  return out + s.slice(from);
}

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Undoes Excel's _xHHHH_ escapes (_x000D_ is a carriage return; _x005F_ escapes a literal underscore). */
export function decodeXEscapes(s: string): string {
  let at = s.indexOf("_x");
  if (at < 0) return s;
  let out = "";
  let from = 0;
  while (at >= 0) {
    if (at + 6 < s.length && s.charCodeAt(at + 6) === 95 && isHex(s.charCodeAt(at + 2)) && isHex(s.charCodeAt(at + 3)) &&
        isHex(s.charCodeAt(at + 4)) && isHex(s.charCodeAt(at + 5))) {
      out += s.slice(from, at) + String.fromCharCode(parseInt(s.slice(at + 2, at + 6), 16));
      from = at + 7;
      at = s.indexOf("_x", from);
    } else {
      at = s.indexOf("_x", at + 1);
    }
  }
  return out + s.slice(from);
}

/** Cell and shared-string text as Excel means it: XML line-end normalisation, entities, then _xHHHH_ escapes. */
export function decodeCellText(raw: string): string {
  const s = raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n");
  return decodeXEscapes(decodeEntities(s));
}

/** True when the text declares a DTD or entities (refused: entity expansion attacks). */
export function hasDtd(xml: string): boolean {
  return xml.indexOf("<!DOCTYPE") >= 0 || xml.indexOf("<!ENTITY") >= 0;
}
