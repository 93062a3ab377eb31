// Node's zlib for the file back end: native deflate and CRC-32, several times faster than JavaScript's on the
// 60 MB roster sheet of a 100,000-member workbook. The web page runs without it (fflate).
import { constants, crc32, deflateRawSync } from "node:zlib";
import type { Compressor } from "../workbook/xlsx-write";

export const nodeCompressor: Compressor = {
  deflateRaw: (pieces, level) => deflateRawSync(Buffer.concat(pieces as Uint8Array[]), { level, memLevel: constants.Z_DEFAULT_MEMLEVEL }),
  crc32: (data, crc) => crc32(data, crc),
};
