// The page's side of the engine worker: one worker made from the worker bundle's text (a Blob URL, so the page also
// works from file://), requests answered in order, progress passed on, cancel by ending the worker (a new one starts
// with the next request; the page holds the bytes, so nothing is lost).
import { CancelledError, Progress, RunControl } from "../app/excel-run";
import { NoRosterError } from "../app/check-roster";
import type { Report } from "../domain/report-schema";
import type { EngineCall, EngineReply, EngineRequest, EngineResult } from "./engine-protocol";

interface Pending {
  readonly resolve: (r: EngineResult) => void;
  readonly reject: (e: unknown) => void;
  readonly onProgress?: (p: Progress) => void;
  /** The report's issues and changes as their parts arrive. */
  readonly parts: { issues: unknown[]; changes: unknown[] };
}

/** An error the worker threw, with its name kept (the pane's errorText tells some apart by name). */
function workerError(reply: Extract<EngineReply, { kind: "error" }>): Error {
  if (reply.looked) return new NoRosterError(reply.looked);
  const e = new Error(reply.message);
  e.name = reply.name;
  return e;
}

export class Engine {
  private worker: Worker | undefined;
  private url: string | undefined;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  /** `source`: the worker bundle's JavaScript. */
  constructor(private readonly source: string) {}

  call(fileName: string, bytes: Uint8Array, request: EngineRequest, ctl: RunControl = {}): Promise<EngineResult> {
    if (ctl.signal?.aborted) return Promise.reject(new CancelledError());
    const worker = this.start();
    const id = this.next++;
    return new Promise<EngineResult>((resolve, reject) => {
      const onAbort = () => this.reset(new CancelledError());
      ctl.signal?.addEventListener("abort", onAbort, { once: true });
      const done = () => ctl.signal?.removeEventListener("abort", onAbort);
      this.pending.set(id, {
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
        onProgress: ctl.onProgress,
        parts: { issues: [], changes: [] },
      });
      // the bytes are copied (structured clone): the page keeps its own for the next request
      const call: EngineCall = { id, fileName, bytes, request };
      worker.postMessage(call);
    });
  }

  /** Ends the worker; every request still running fails with `reason`. */
  reset(reason: unknown = new CancelledError()): void {
    this.worker?.terminate();
    this.worker = undefined;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(reason);
  }

  dispose(): void {
    this.reset();
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    this.url ??= URL.createObjectURL(new Blob([this.source], { type: "text/javascript" }));
    const w = new Worker(this.url);
    w.onmessage = (e: MessageEvent<EngineReply>) => this.receive(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.reset(new Error(e.message || "the engine stopped"));
    };
    this.worker = w;
    return w;
  }

  private receive(reply: EngineReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (reply.kind === "progress") return p.onProgress?.({ step: reply.step, sheet: reply.sheet });
    if (reply.kind === "part") {
      const into = p.parts[reply.field];
      for (const item of reply.items) into.push(item);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.kind === "error") return p.reject(workerError(reply));
    const r = reply.result;
    p.resolve(r.report ? { ...r, report: { ...r.report, issues: p.parts.issues as Report["issues"], changes: p.parts.changes as Report["changes"] } } : r);
  }
}
