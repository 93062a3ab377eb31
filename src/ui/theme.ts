// Light or dark, from the Office theme's body background (Office.context.officeTheme), so the pane matches Excel.

/** The colour as [r, g, b] 0-255: #rgb, #rrggbb, rrggbb, rgb(r, g, b); undefined where unreadable. */
export function parseColour(text: string | undefined | null): [number, number, number] | undefined {
  const t = (text ?? "").trim().toLowerCase();
  let m = /^#?([0-9a-f]{6})$/.exec(t);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1].slice(i, i + 2), 16)) as [number, number, number];
  m = /^#([0-9a-f]{3})$/.exec(t);
  if (m) return [0, 1, 2].map((i) => parseInt(m![1][i] + m![1][i], 16)) as [number, number, number];
  m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})/.exec(t);
  if (m) return [m[1], m[2], m[3]].map((x) => Math.min(255, Number(x))) as [number, number, number];
  return undefined;
}

/** "dark" where the background is darker than mid-grey (Excel's dark grey and black themes), else
 * "light" (also where there is no theme to read, as in Excel on the web). */
export function themeKind(bodyBackground: string | undefined | null): "light" | "dark" {
  const rgb = parseColour(bodyBackground);
  if (!rgb) return "light";
  const lin = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  return luminance < 0.18 ? "dark" : "light";
}
