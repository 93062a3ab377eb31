// A1 addresses for the fake Excel: parse "B3", "$A$1:C9", "A:C", "2:4", "'My Sheet'!A1"; print them back as Excel does.

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 0-based, inclusive. */
export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export function colLetters(c0: number): string {
  let n = c0 + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits "'It''s'!A1:B2" into sheet ("It's") and the rest; no sheet part gives undefined. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const a = address.trim();
  const bang = a.lastIndexOf("!");
  if (bang < 0) return { ref: a };
  let sheet = a.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: a.slice(bang + 1) };
}

/** One area: "A1", "A1:C3", "A:C", "2:4" (with or without $). Throws on anything else. */
export function parseArea(ref: string): Rect {
  const r = ref.replace(/\$/g, "").trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(r);
  if (m) {
    const a = { r: Number(m[2]) - 1, c: colIndex(m[1]) };
    const b = m[3] ? { r: Number(m[4]) - 1, c: colIndex(m[3]) } : a;
    return check({ r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) }, ref);
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(r);
  if (m) return check({ r0: 0, c0: Math.min(colIndex(m[1]), colIndex(m[2])), r1: MAX_ROWS - 1, c1: Math.max(colIndex(m[1]), colIndex(m[2])) }, ref);
  m = /^(\d+):(\d+)$/.exec(r);
  if (m) return check({ r0: Math.min(+m[1], +m[2]) - 1, c0: 0, r1: Math.max(+m[1], +m[2]) - 1, c1: MAX_COLS - 1 }, ref);
  throw new Error(`not an A1 reference: "${ref}"`);
}

function check(rect: Rect, ref: string): Rect {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) throw new Error(`reference out of the sheet: "${ref}"`);
  return rect;
}

/** Areas of a comma-separated address (a RangeAreas address); sheet prefixes are dropped. */
export function parseAreas(address: string): Rect[] {
  const out: Rect[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    if (i === address.length || (ch === "," && !quoted)) {
      const part = address.slice(start, i).trim();
      if (part) out.push(parseArea(splitSheet(part).ref));
      start = i + 1;
    }
  }
  return out;
}

export function areaText(r: Rect): string {
  const a = `${colLetters(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${colLetters(r.c1)}${r.r1 + 1}`;
}

/** Absolute form for defined names: $A$1:$C$3. */
export function absAreaText(r: Rect): string {
  const a = `$${colLetters(r.c0)}$${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:$${colLetters(r.c1)}$${r.r1 + 1}`;
}

/** How Excel prints a sheet name in a reference: bare when it is a plain word, else quoted with '' doubled. */
export function sheetPrefix(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
}
