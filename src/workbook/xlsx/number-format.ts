// Which number formats show a number as a date or time (then the cell is read as a DateCell).

/** Built-in format ids that are dates or times: 14-22, 27-36 and 50-58 (CJK locales), 45-47. */
export function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

const isElapsed = (s: string): boolean => /^(h+|m+|s+)$/i.test(s);

/**
 * Whether a format code shows dates or times: a date/time letter (d m y h s e gg, or 年 月 日) outside quoted text,
 * backslash escapes, _x padding, *x fills and [...] modifiers, where an elapsed [h] [mm] [ss] counts as time.
 * "General" and scientific "E+" are not dates.
 */
export function isDateFormatCode(code: string): boolean {
  const n = code.length;
  for (let i = 0; i < n; i++) {
    const c = code.charCodeAt(i);
    switch (c) {
      case 34 /* " */: {
        const e = code.indexOf('"', i + 1);
        if (e < 0) return false;
        i = e;
        continue;
      }
      case 92 /* \ */:
      case 95 /* _ */:
      case 42 /* * */:
        i++;
        continue;
      case 91 /* [ */: {
        const e = code.indexOf("]", i + 1);
        if (e < 0) return false;
        if (isElapsed(code.slice(i + 1, e))) return true;
        i = e;
        continue;
      }
      case 0x5e74 /* 年 */:
      case 0x6708 /* 月 */:
      case 0x65e5 /* 日 */:
        return true;
    }
    const lower = c | 0x20;
    if (lower === 103 /* g */) {
      if (code.slice(i, i + 7).toLowerCase() === "general") {
        i += 6;
        continue;
      }
      if ((code.charCodeAt(i + 1) | 0x20) === 103) return true;
      continue;
    }
    if (lower === 101 /* e */) {
      const next = code.charCodeAt(i + 1);
      if (next === 43 || next === 45) {
        i++;
        continue;
      }
      return true;
    }
    if (lower === 100 || lower === 109 || lower === 121 || lower === 104 || lower === 115) return true; // d m y h s
  }
  return false;
}
