// CRC-32 (the zip polynomial), slicing by 4: the one checksum a new zip entry needs; fflate keeps its own private.

const T0 = new Int32Array(256);
const T1 = new Int32Array(256);
const T2 = new Int32Array(256);
const T3 = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  T0[n] = c;
}
for (let n = 0; n < 256; n++) {
  T1[n] = T0[T0[n] & 0xff] ^ (T0[n] >>> 8);
  T2[n] = T0[T1[n] & 0xff] ^ (T1[n] >>> 8);
  T3[n] = T0[T2[n] & 0xff] ^ (T2[n] >>> 8);
}

/** Running CRC: start with crc32Update(0, chunk), feed further chunks with the previous result. */
export function crc32Update(crc: number, b: Uint8Array): number {
  let c = ~crc;
  let i = 0;
  const n4 = b.length - (b.length & 3);
  for (; i < n4; i += 4) {
    c ^= b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
    c = T3[c & 0xff] ^ T2[(c >>> 8) & 0xff] ^ T1[(c >>> 16) & 0xff] ^ T0[c >>> 24];
  }
  for (; i < b.length; i++) c = T0[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
