// The engine's worker: the file back end's use cases (src/app/write-workbook.ts) over the bytes the page sends, off
// the page's thread. Built as its own bundle and inlined into the page as text (a Blob URL), so it also runs from file://.
import { NoRosterError } from "../app/check-roster";
import { lastRevertibleBatch } from "../app/excel-fix";
import { productSheetName } from "../app/product-sheets";
import { exportTables } from "../app/export-csv";
import { applySync } from "../app/sync-apply";
import { previewSync } from "../app/sync-preview";
import { checkAndWrite, clearWorkbook, revertBatch } from "../app/write-workbook";
import { utf8WithBom, writeCsv } from "../csv/write-csv";
import { readChangeLog, unrevertedChanges } from "../plan/change-log";
import { openXlsx } from "../workbook/xlsx";
import type { EngineCall, EngineReply, EngineResult } from "./engine-protocol";
import { sheetWindow } from "./sheet-window";

interface WorkerScope {
  onmessage: ((e: MessageEvent<EngineCall>) => void) | null;
  postMessage(message: EngineReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

/** Deflate level for the parts rewritten: fast, the download is not kept long. */
const LEVEL = 6;

class NothingToRevertError extends Error {
  constructor() {
    super("the change log holds no batch that can be reverted");
    this.name = "NothingToRevertError";
  }
}

async function run(call: EngineCall, progress: (step: "reading" | "checking" | "writing" | "fixing" | "reverting" | "clearing", sheet?: string) => void): Promise<EngineResult> {
  const { bytes, fileName, request: r } = call;
  const opts = { time: "", deflateLevel: LEVEL };
  switch (r.op) {
    case "check": {
      progress("reading");
      const out = await checkAndWrite(bytes, fileName, { ...r.args, onProgress: (sheet) => progress("checking", sheet) }, { ...opts, time: r.args.time });
      return { report: out.report, output: out.output };
    }
    case "fix": {
      progress("fixing");
      const out = await checkAndWrite(bytes, fileName, { ...r.args, fix: r.kinds, onProgress: (sheet) => progress("fixing", sheet) }, { ...opts, time: r.args.time });
      return { report: out.report, output: out.output, batch: out.batch };
    }
    case "revert": {
      progress("reverting");
      let batch = r.batch;
      if (batch === undefined) {
        const source = openXlsx(bytes, fileName);
        const name = productSheetName(source, "changelog");
        batch = name === undefined ? undefined : lastRevertibleBatch(readChangeLog(source.readSheet(name), source.date1904));
      }
      if (batch === undefined) throw new NothingToRevertError();
      const out = await revertBatch(bytes, fileName, batch, r.args, { ...opts, time: r.args.time });
      return { report: out.report, output: out.output, batch };
    }
    case "clear":
      progress("clearing");
      return { output: clearWorkbook(bytes, fileName, { deflateLevel: LEVEL, dropLog: r.dropLog }) };
    case "unreverted": {
      const source = openXlsx(bytes, fileName);
      const name = productSheetName(source, "changelog");
      return { unreverted: name === undefined ? 0 : unrevertedChanges(readChangeLog(source.readSheet(name), source.date1904)) };
    }
    case "preview":
      return { window: sheetWindow(openXlsx(bytes, fileName), r.sheet, r.row, r.around, r.headerRow ?? 1) };
    case "syncPreview": {
      progress("reading");
      const p = await previewSync(openXlsx(bytes, fileName), fileName, r.incoming.bytes, r.incoming.name, { today: r.args.today, onProgress: (sheet) => progress("checking", sheet) });
      return { sync: { report: p.diff.report, encoding: p.incoming.encoding, delimiter: p.incoming.delimiter } };
    }
    case "syncApply": {
      progress("writing");
      const out = await applySync(bytes, fileName, r.incoming.bytes, r.incoming.name, { today: r.args.today }, { time: r.args.time, accept: r.accept, deflateLevel: LEVEL });
      return { output: out.batch === undefined ? undefined : out.output, report: out.check, batch: out.batch, synced: out.applied };
    }
    case "export": {
      progress("reading");
      const { tables } = await exportTables(openXlsx(bytes, fileName), { today: r.args.today });
      return { files: tables.map((t) => ({ name: `${t.name}.csv`, bytes: utf8WithBom(writeCsv(t, { maskIds: r.maskIds })) })) };
    }
  }
}

/** Items per "part" message: a few milliseconds of the page's thread to take in. */
const PART = 2000;

/** Posts the report's issues and changes in parts; returns the result with them emptied. */
function sendInParts(id: number, result: EngineResult): EngineResult {
  const report = result.report;
  if (!report) return result;
  for (const field of ["issues", "changes"] as const) {
    const list: readonly unknown[] = report[field];
    for (let k = 0; k < list.length; k += PART) scope.postMessage({ id, kind: "part", field, items: list.slice(k, k + PART) });
  }
  return { ...result, report: { ...report, issues: [], changes: [] } };
}

scope.onmessage = (e) => {
  const call = e.data;
  const progress = (step: "reading" | "checking" | "writing" | "fixing" | "reverting" | "clearing", sheet?: string) => scope.postMessage({ id: call.id, kind: "progress", step, sheet });
  run(call, progress).then(
    (whole) => {
      const result = sendInParts(call.id, whole);
      scope.postMessage({ id: call.id, kind: "done", result }, result.output ? [result.output.buffer as ArrayBuffer] : []);
    },
    (err: unknown) => {
      const error = err instanceof Error ? err : new Error(String(err));
      const looked = err instanceof NoRosterError ? err.looked : undefined;
      scope.postMessage({ id: call.id, kind: "error", name: error.name, message: error.message, looked });
    },
  );
};
