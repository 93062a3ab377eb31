// A second thread for the CLI's deflate: a large new part (every row an issue: a 130 MB issues sheet) is deflated a
// batch at a time in a worker while this thread makes the next batch. The writer stays synchronous: a batch is handed
// over with postMessage and its result taken with receiveMessageOnPort, waiting on a shared counter (Atomics.wait)
// only when it is needed. Same bytes as deflating each batch here: the same zlib, options and batches.
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { DeflateStream } from "../workbook/xlsx-write";

/** The worker: deflates each batch as told, keeping the stream's CRC-32 running, and counts its replies. */
const WORKER = `
const { workerData } = require("node:worker_threads");
const zlib = require("node:zlib");
const { port, signal } = workerData;
const replies = new Int32Array(signal);
// a young-generation collection after each batch: this thread allocates almost no JavaScript, so V8 would collect
// only on external memory (zlib's 16 KiB output pieces of every batch, dead once joined): tens of MB of them held
// (a fix of 100,000 members: peak RSS 340-347 -> 314-326 MB). The function reached as full-collection.ts does.
let collect = typeof globalThis.gc === "function" ? globalThis.gc : undefined;
try {
  if (collect === undefined) {
    require("node:v8").setFlagsFromString("--expose-gc");
    const gc = require("node:vm").runInNewContext("gc");
    if (typeof gc === "function") collect = gc;
  }
} catch {
  collect = undefined;
}
let crc = 0;
port.on("message", (m) => {
  try {
    if (m.crc !== undefined) crc = m.crc;
    const r = zlib.deflateRawSync(m.data, { level: m.level, memLevel: zlib.constants.Z_DEFAULT_MEMLEVEL,
      finishFlush: m.final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
    crc = zlib.crc32(m.data, crc);
    // the result moves back as it is where it has a buffer of its own (else a copy does), and so does the batch's
    // buffer, to be filled again: nothing is left here for a collection that may come late
    const whole = r.byteOffset === 0 && r.byteLength === r.buffer.byteLength;
    const out = whole ? r : Uint8Array.from(r);
    port.postMessage({ out, crc, data: m.data }, [out.buffer, m.data.buffer]);
  } catch (e) {
    port.postMessage({ error: String((e && e.stack) || e) });
  }
  try {
    collect?.({ type: "minor" });
  } catch {
    collect = undefined;
  }
  Atomics.add(replies, 0, 1);
  Atomics.notify(replies, 0);
});
`;

/** Longest wait for one batch before the worker is taken for dead (a 1 MiB batch takes milliseconds). */
const WAIT_MS = 120_000;

interface Reply {
  readonly out: Uint8Array;
  readonly crc: number;
  /** The batch's buffer, given back to be filled again. */
  readonly data: Uint8Array;
}

/** The one worker of this process, started on first use; it never keeps the process alive. */
class DeflateWorker {
  private readonly port: MessagePort;
  private readonly replies: Int32Array;
  private readonly worker: Worker;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.replies = new Int32Array(new SharedArrayBuffer(4));
    this.worker = new Worker(WORKER, { eval: true, workerData: { port: port2, signal: this.replies.buffer }, transferList: [port2] });
    this.worker.unref();
    this.port.unref();
  }

  /** Hands a batch over (its buffer moves to the worker); `crc` starts the stream's CRC-32 afresh. */
  send(data: Uint8Array, level: number, final: boolean, crc?: number): void {
    this.port.postMessage({ data, level, final, crc }, [data.buffer as ArrayBuffer]);
  }

  /** The next reply, in the order the batches were sent, waiting for it where it is not there yet. */
  receive(): Reply {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const seen = Atomics.load(this.replies, 0);
      const m = receiveMessageOnPort(this.port);
      if (m !== undefined) {
        const r = m.message as Reply & { error?: string };
        if (r.error !== undefined) throw new Error(`deflate worker: ${r.error}`);
        return r;
      }
      if (Date.now() > deadline) throw new Error("deflate worker: no reply");
      Atomics.wait(this.replies, 0, seen, 1000);
    }
  }
}

let shared: DeflateWorker | undefined;

/** Batches deflated here before a part is large enough to be worth the worker (starting one costs ~30 ms). */
const HERE_FIRST = 4;
/** Batches in the worker's hands at most (the rest of the part waits to be made). */
const IN_FLIGHT = 3;

/**
 * A raw deflate stream of batches (each deflated alone, sync-flushed but the last): the first few here with
 * `here`, the rest in the worker. `end` gives every batch's deflate in order and the CRC-32 of all the bytes.
 */
export function workerDeflateStream(
  level: number, crc0: number, here: (data: readonly Uint8Array[], final: boolean) => Uint8Array, crc32: (data: Uint8Array, crc: number) => number,
): DeflateStream {
  const out: Uint8Array[] = [];
  const free: ArrayBuffer[] = [];
  let crc = crc0;
  let sent = 0;
  let received = 0;
  /** Batches deflated on this thread (the first HERE_FIRST of a part). */
  let madeHere = 0;
  let worker: DeflateWorker | undefined;
  const take = (): void => {
    const r = worker!.receive();
    out.push(r.out);
    crc = r.crc;
    received++;
    free.push(r.data.buffer as ArrayBuffer);
  };
  return {
    push(pieces, final) {
      // counted, not read off `out`: take() empties it, and the worker would never be started
      if (worker === undefined && (madeHere < HERE_FIRST || final)) {
        for (const p of pieces) crc = crc32(p, crc);
        out.push(here(pieces, final));
        madeHere++;
        return;
      }
      worker ??= shared ??= new DeflateWorker();
      // a batch in a buffer of its own, to be moved (pieces are views: of the input file, of the writer's chunks);
      // the buffers come back with the replies and are filled again
      let size = 0;
      for (const p of pieces) size += p.length;
      const reuse = free.pop();
      const data = reuse !== undefined && reuse.byteLength >= size ? new Uint8Array(reuse, 0, size) : new Uint8Array(size);
      let at = 0;
      for (const p of pieces) {
        data.set(p, at);
        at += p.length;
      }
      worker.send(data, level, final, sent === 0 ? crc : undefined);
      sent++;
      if (sent - received > IN_FLIGHT) take();
    },
    take: () => out.splice(0, out.length),
    end() {
      while (received < sent) take();
      return { data: out.splice(0, out.length), crc };
    },
  };
}
