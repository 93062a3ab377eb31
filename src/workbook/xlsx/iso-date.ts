// Serial numbers for dates: t="d" cells hold ISO 8601 text, the grid holds the serial in the workbook's date system.

const DAY_MS = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const MARCH_1_1900 = Date.UTC(1900, 2, 1);

/** Serial of a UTC timestamp; in the 1900 system dates before 1900-03-01 are one less (Excel's phantom 1900-02-29). */
export function serialFromUtc(ms: number, date1904: boolean): number {
  if (date1904) return (ms - EPOCH_1904) / DAY_MS;
  const serial = (ms - EPOCH_1900) / DAY_MS;
  return ms < MARCH_1_1900 ? serial - 1 : serial;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/** Serial for ISO date/time text ("2024-03-05", "2024-03-05T08:30:00Z", "08:30:00"); undefined if unreadable. Zones are ignored. */
export function serialFromIso(text: string, date1904: boolean): number | undefined {
  const t = text.trim();
  const m = ISO.exec(t);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]) - 1;
    const d = Number(m[3]);
    const dt = new Date(0);
    dt.setUTCFullYear(y, mo, d); // unlike Date.UTC, keeps years below 100 as written
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo || dt.getUTCDate() !== d) return undefined;
    dt.setUTCHours(Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000));
    return serialFromUtc(dt.getTime(), date1904);
  }
  const tm = TIME.exec(t);
  if (tm) return (Number(tm[1]) * 3600 + Number(tm[2]) * 60 + Number(tm[3] ?? 0) + Number(tm[4] ?? 0)) / 86400;
  return undefined;
}
