// Node's zlib for the file back end: native deflate and CRC-32, several times faster than JavaScript's on the
// 60 MB roster sheet of a 100,000-member workbook. The web page runs without it (fflate).
import { constants, crc32, deflateRawSync } from "node:zlib";
import type { Compressor } from "../workbook/xlsx-write";

export const nodeCompressor: Compressor = {
  // final false: a sync flush (no final block, a byte boundary), so the next batch's stream may follow
  deflateRaw: (pieces, level, final = true) =>
    deflateRawSync(pieces.length === 1 ? pieces[0] : Buffer.concat(pieces as Uint8Array[]), {
      level, memLevel: constants.Z_DEFAULT_MEMLEVEL, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    }),
  crc32: (data, crc) => crc32(data, crc),
};
