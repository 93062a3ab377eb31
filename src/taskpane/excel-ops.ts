// The pane's operations over the workbook open in Excel: the app's Excel use cases with the clock read here, at the
// shell (the app and the engine never read it).
import { selectCell } from "../app/excel-cells";
import { checkInExcel, clearInExcel, unrevertedChangesInExcel, writeSummariesInExcel } from "../app/excel-check";
import { applyFixesInExcel, revertBatchInExcel } from "../app/excel-fix";
import { startLiveCheck } from "../app/excel-live";
import { localDay, localTime } from "../app/excel-run";
import { readSettings, saveColumnOverrides } from "../app/excel-settings";
import { applySyncInExcel, exportCsvInExcel, previewSyncInExcel } from "../app/excel-sync";
import { RosterOps } from "../ui/ops";

const clock = () => {
  const d = new Date();
  return { today: localDay(d), time: localTime(d) };
};

export function excelOps(): RosterOps {
  return {
    check: async (ctl) => (await checkInExcel({ ...ctl, today: clock().today })).report,
    applyFixes: async (changes, ctl) => {
      const r = await applyFixesInExcel({ ...ctl, ...clock(), changes });
      return { batch: r.batch, applied: r.applied.length, skipped: r.skipped, report: r.check.report };
    },
    revertBatch: async (batch, ctl) => {
      const r = await revertBatchInExcel({ ...ctl, ...clock(), batch });
      return { batch: r.batch, report: r.check.report };
    },
    clear: (ctl, opts) => clearInExcel(ctl, opts),
    unrevertedChanges: (ctl) => unrevertedChangesInExcel(ctl),
    writeSummaries: async (asOf, ctl) => (await writeSummariesInExcel({ ...ctl, today: clock().today, asOf })).report,
    readSettings: (ctl) => readSettings({ ...ctl, today: clock().today }),
    saveColumnOverrides: (overrides, lang, ctl) => saveColumnOverrides(overrides, { ...ctl, lang }),
    selectCell,
    previewSync: async (file, ctl) => {
      const p = await previewSyncInExcel(file, { ...ctl, today: clock().today });
      return { report: p.diff.report, encoding: p.incoming.encoding, delimiter: p.incoming.delimiter };
    },
    applySync: (file, accept, ctl) => applySyncInExcel(file, accept, { ...ctl, ...clock() }),
    exportCsv: async (maskIds, ctl) => {
      const files = await exportCsvInExcel({ ...ctl, today: clock().today, maskIds });
      for (const f of files) download(f.name, f.bytes);
      return files.length;
    },
    startLive: startLiveCheck,
  };
}

/** Saves a file through the browser (the add-in's webview offers it as a download). */
function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "text/csv" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
