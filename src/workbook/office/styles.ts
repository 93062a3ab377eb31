/// <reference types="office-js" />
// CellStyle -> range formats (the same look as the file back end's style kit), applied per style over the cells'
// rectangles gathered into RangeAreas of a bounded number of areas, not cell by cell.
import type { CellStyle, PlanCell } from "../../plan/write-plan";
import { Rect, areaA1 } from "./areas";
import { SyncBudget } from "./sync-budget";

interface Look {
  readonly bold?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly underline?: boolean;
  readonly fill?: string;
  readonly border?: boolean;
  readonly center?: boolean;
  readonly wrap?: boolean;
  /** Number format: "0" integers, "@" text. */
  readonly numberFormat?: string;
}

/** The severities' fills and dark text colours (the file back end's SEVERITY, the flags' colours). */
export const SEVERITY_LOOK = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E78" },
} as const;

const LOOKS: Record<CellStyle, Look> = {
  title: { bold: true, size: 16, center: true },
  subtitle: {},
  header: { bold: true, fill: "#D9E1F2", border: true, center: true, wrap: true },
  text: { border: true },
  number: { border: true, numberFormat: "0" },
  total: { bold: true, border: true },
  totalNumber: { bold: true, border: true, numberFormat: "0" },
  link: { underline: true, color: "#0563C1", border: true },
  error: { color: SEVERITY_LOOK.error.font, fill: SEVERITY_LOOK.error.fill, border: true, center: true },
  warning: { color: SEVERITY_LOOK.warning.font, fill: SEVERITY_LOOK.warning.fill, border: true, center: true },
  info: { color: SEVERITY_LOOK.info.font, fill: SEVERITY_LOOK.info.fill, border: true, center: true },
  note: { size: 9, color: "#808080" },
  date: { border: true, numberFormat: "@" },
  wrap: { border: true, wrap: true },
};

export function numberFormatOf(style: CellStyle | undefined): string | undefined {
  return style === undefined ? undefined : LOOKS[style].numberFormat;
}

/** Rectangles of equal style: runs along each row, extended downwards while the row below has the same run. */
export function styleRects(rows: ReadonlyArray<ReadonlyArray<PlanCell | null>>): Map<CellStyle, Rect[]> {
  const out = new Map<CellStyle, Rect[]>();
  let open = new Map<string, { style: CellStyle; rect: Rect }>();
  const close = (x: { style: CellStyle; rect: Rect }) => {
    const list = out.get(x.style) ?? [];
    list.push(x.rect);
    out.set(x.style, list);
  };
  rows.forEach((row, r) => {
    const next = new Map<string, { style: CellStyle; rect: Rect }>();
    let c = 0;
    while (c < row.length) {
      const style = row[c]?.style;
      if (style === undefined) {
        c++;
        continue;
      }
      let e = c;
      while (e + 1 < row.length && row[e + 1]?.style === style) e++;
      const key = `${style}:${c}:${e}`;
      const above = open.get(key);
      if (above) {
        open.delete(key);
        next.set(key, { style, rect: { ...above.rect, r1: r } });
      } else next.set(key, { style, rect: { r0: r, c0: c, r1: r, c1: e } });
      c = e + 1;
    }
    for (const x of open.values()) close(x);
    open = next;
  });
  for (const x of open.values()) close(x);
  return out;
}

/** Areas per getRanges call, and the address length, kept well inside what office.js accepts. */
const AREAS_PER_CALL = 80;
const ADDRESS_CHARS = 1500;

function chunks(rects: readonly Rect[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const r of rects) {
    const a = areaA1(r);
    if (cur.length && (cur.length >= AREAS_PER_CALL || len + a.length + 1 > ADDRESS_CHARS)) {
      out.push(cur.join(","));
      cur = [];
      len = 0;
    }
    cur.push(a);
    len += a.length + 1;
  }
  if (cur.length) out.push(cur.join(","));
  return out;
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** Sets a look on areas; inside borders only where every area has them (several rows, several columns). */
function applyLook(format: Excel.RangeFormat, look: Look, inside: { rows: boolean; cols: boolean }): void {
  format.verticalAlignment = "Center";
  if (look.bold) format.font.bold = true;
  if (look.size) format.font.size = look.size;
  if (look.color) format.font.color = look.color;
  if (look.underline) format.font.underline = "Single";
  if (look.fill) format.fill.color = look.fill;
  if (look.center) format.horizontalAlignment = "Center";
  if (look.wrap) format.wrapText = true;
  if (!look.border) return;
  const sides: string[] = [...EDGES];
  if (inside.rows) sides.push("InsideHorizontal");
  if (inside.cols) sides.push("InsideVertical");
  for (const side of sides) {
    const b = format.borders.getItem(side as Excel.BorderIndex);
    b.style = "Continuous";
    b.weight = "Thin";
  }
}

/** Applies every style over its rectangles (row/column offsets 0-based from A1). */
export async function applyStyles(budget: SyncBudget, ws: Excel.Worksheet, rows: ReadonlyArray<ReadonlyArray<PlanCell | null>>): Promise<void> {
  for (const [style, rects] of styleRects(rows)) {
    // Areas grouped by shape, so inside borders are set only on areas that have inside edges.
    const shapes = new Map<string, Rect[]>();
    for (const r of rects) {
      const key = `${r.r1 > r.r0 ? 1 : 0}${r.c1 > r.c0 ? 1 : 0}`;
      shapes.set(key, [...(shapes.get(key) ?? []), r]);
    }
    for (const [key, list] of shapes) {
      for (const address of chunks(list)) {
        await budget.room(address.length + 64 * 24, 24);
        applyLook(ws.getRanges(address).format, LOOKS[style], { rows: key[0] === "1", cols: key[1] === "1" });
      }
    }
  }
}
