// Draws the add-in's icons (assets/icon-16.png ... icon-128.png): a red rounded square with two white list
// lines and a white check mark, the roster being checked. Usage: npx tsx scripts/make-icons.ts [outDir]
//
// No packages, and the bytes are the same on every machine: the geometry is sampled once per pixel centre
// with + - * / and comparisons only (no anti-aliasing, no Math.hypot/sin), the image is a 2-bit palette PNG,
// and the zlib stream is written here with stored (uncompressed) deflate blocks. zlib's own deflate output
// may change with its version and even with the CPU (Node bundles Chromium's zlib, whose match finder uses
// SIMD hashing where available), which would make "regenerate and compare" fail for no reason. Stored
// blocks cost little here: the largest icon is about 4 KB. Decoders (node:zlib's inflate in the tests,
// Office, browsers) read it like any other PNG.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;
export const DEFAULT_ASSETS_DIR = path.join(__dirname, "..", "assets");

/** Palette: 0 transparent, 1 red (the square), 2 white (the glyph). */
export const PALETTE: readonly [number, number, number, number][] = [
  [0, 0, 0, 0],
  [0xc8, 0x1e, 0x1e, 255],
  [0xff, 0xff, 0xff, 255],
];

// ---------------------------------------------------------------- PNG encoder

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** The CRC-32 of PNG chunks (ISO 3309 / ITU-T V.42). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 BTYPE=00): deterministic by construction. */
export function zlibStored(data: Uint8Array): Buffer {
  const parts: Buffer[] = [Buffer.from([0x78, 0x01])];
  const MAX = 65535;
  let pos = 0;
  do {
    const len = Math.min(MAX, data.length - pos);
    const final = pos + len >= data.length ? 1 : 0;
    const head = Buffer.alloc(5);
    head[0] = final;
    head.writeUInt16LE(len, 1);
    head.writeUInt16LE(~len & 0xffff, 3);
    parts.push(head, Buffer.from(data.subarray(pos, pos + len)));
    pos += len;
  } while (pos < data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(adler32(data), 0);
  parts.push(tail);
  return Buffer.concat(parts);
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4, 8), data])), 0); // over type and data
  return Buffer.concat([head, data, crc]);
}

/** A palette PNG (colour type 3) from one palette index per pixel, row by row. */
export function encodePalettePng(width: number, height: number, indices: Uint8Array, palette: readonly [number, number, number, number][]): Buffer {
  if (indices.length !== width * height) throw new Error(`expected ${width * height} pixels, got ${indices.length}`);
  if (palette.length < 1 || palette.length > 256) throw new Error("palette must hold 1..256 colours");
  const depth = palette.length <= 2 ? 1 : palette.length <= 4 ? 2 : palette.length <= 16 ? 4 : 8;
  const perByte = 8 / depth;
  const rowBytes = Math.ceil(width / perByte);
  const raw = new Uint8Array((rowBytes + 1) * height); // each row: filter byte 0 (None), then packed indices
  for (let y = 0; y < height; y++) {
    const row = y * (rowBytes + 1) + 1;
    for (let x = 0; x < width; x++) {
      const v = indices[y * width + x];
      if (v >= palette.length) throw new Error(`pixel ${x},${y}: index ${v} outside the palette`);
      raw[row + Math.floor(x / perByte)] |= v << (8 - depth * (1 + (x % perByte)));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = 3; // colour type: indexed
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const plte = Buffer.from(palette.flatMap(([r, g, b]) => [r, g, b]));
  const alphas = palette.map((c) => c[3]);
  let lastOpaque = alphas.length;
  while (lastOpaque > 0 && alphas[lastOpaque - 1] === 255) lastOpaque--;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("PLTE", plte),
    ...(lastOpaque > 0 ? [chunk("tRNS", Buffer.from(alphas.slice(0, lastOpaque)))] : []),
    chunk("IDAT", zlibStored(raw)),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

// ---------------------------------------------------------------- the glyph

/** Squared distance from (px,py) to the segment (ax,ay)-(bx,by). */
function dist2ToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  let t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}

function insideRoundedSquare(x: number, y: number, lo: number, hi: number, r: number): boolean {
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = x < lo + r ? lo + r : x > hi - r ? hi - r : x;
  const cy = y < lo + r ? lo + r : y > hi - r ? hi - r : y;
  return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
}

/** Palette indices of the icon at `size` px. Geometry in units of the icon (0..1), sampled at pixel centres. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size);
  const u = 1 / size; // one pixel, in units
  const margin = size <= 16 ? 0 : u * Math.round(size / 32); // the 16 px icon uses every pixel
  const lo = margin;
  const hi = 1 - margin;
  const radius = 0.19;
  // Stroke widths in whole pixels so that small sizes stay crisp: at least 2 px at 16.
  const stroke = u * Math.max(2, Math.round(size * 0.12));
  const half2 = (stroke / 2) * (stroke / 2);
  // Two list lines at the top, a check mark below them.
  const bars: [number, number, number][] = [
    [0.24, 0.76, 0.27], // x0, x1, y (centre line)
    [0.24, 0.58, 0.45],
  ];
  const check: [number, number, number, number][] = [
    [0.27, 0.64, 0.43, 0.79],
    [0.43, 0.79, 0.78, 0.46],
  ];
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) * u;
      const y = (j + 0.5) * u;
      if (!insideRoundedSquare(x, y, lo, hi, radius)) continue;
      let white = false;
      for (const [x0, x1, yc] of bars) {
        if (x >= x0 && x <= x1 && (y - yc) * (y - yc) <= half2) white = true;
      }
      for (const [ax, ay, bx, by] of check) {
        if (dist2ToSegment(x, y, ax, ay, bx, by) <= half2) white = true;
      }
      px[j * size + i] = white ? 2 : 1;
    }
  }
  return px;
}

export function iconPng(size: number): Buffer {
  return encodePalettePng(size, size, drawIcon(size), PALETTE);
}

export const iconFileName = (size: number): string => `icon-${size}.png`;

/** Every icon, by file name (icon-16.png ...). */
export function makeIcons(): Map<string, Buffer> {
  return new Map(ICON_SIZES.map((s) => [iconFileName(s), iconPng(s)]));
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? DEFAULT_ASSETS_DIR);
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of makeIcons()) {
    writeFileSync(path.join(dir, name), bytes);
    console.log(`${path.join(dir, name)} (${bytes.length} bytes)`);
  }
}
