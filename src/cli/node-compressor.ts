// Node's zlib for the file back end: native deflate and CRC-32, several times faster than JavaScript's on the
// 60 MB roster sheet of a 100,000-member workbook. The web page runs without it (fflate).
import { constants, crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import type { Compressor } from "../workbook/xlsx-write";
import { workerDeflateStream } from "./deflate-worker";

// final false: a sync flush (no final block, a byte boundary), so the next batch's stream may follow
const deflateRaw = (pieces: readonly Uint8Array[], level: number, final = true): Uint8Array =>
  deflateRawSync(pieces.length === 1 ? pieces[0] : Buffer.concat(pieces as Uint8Array[]), {
    level, memLevel: constants.Z_DEFAULT_MEMLEVEL, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
  });

export const nodeCompressor: Compressor = {
  deflateRaw,
  crc32: (data, crc) => crc32(data, crc),
  // a large part is deflated in a worker thread while the rest is made (deflate-worker.ts)
  deflateStream: (level, crc) => workerDeflateStream(level, crc, (pieces, final) => deflateRaw(pieces, level, final), (data, c) => crc32(data, c)),
  // two to three times as fast as the JavaScript inflater; into one buffer of the declared size (zlib's default
  // 16 KiB pieces would be concatenated: the part held twice), never past it
  inflateRaw: (data, size) => {
    const out = inflateRawSync(data, { chunkSize: Math.max(64, size + 1), maxOutputLength: Math.max(1, size) });
    if (out.length !== size) throw new Error(`inflated ${out.length} bytes, ${size} declared`);
    return out;
  },
  // into one buffer a little over the blocks' noted size (the default 16 KiB pieces cost a join of each window)
  inflatePiece: (data, dictionary, size) => inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH, chunkSize: Math.max(64, size + 1024), ...(dictionary ? { dictionary } : {}) }),
};
