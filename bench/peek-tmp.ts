import { join } from "node:path";
import { realWorldCorpus } from "../test/fixtures/real-world/corpus";
import { engineView } from "../test/fixtures/real-world/engine-view";
import { REAL_WORLD_OUT } from "../scripts/make-real-world-corpus";
(async () => {
  for (const f of realWorldCorpus().filter((x) => /^(1[7-9]|2[01])_/.test(x.file))) {
    const v = await engineView(f, join(REAL_WORLD_OUT, f.file));
    const r = v.result!;
    console.log("==", f.file, "columns", JSON.stringify(r.rosters.map((x) => x.columns)), "unmapped", r.rosters.map((x) => x.unmapped.length));
    const byField: Record<string, string[]> = {};
    for (const c of r.changes) (byField[c.field] ??= []).push(`${c.from}->${c.to}`);
    for (const [k, xs] of Object.entries(byField)) console.log("  change", k, xs.length, [...new Set(xs)].slice(0, 6).join(" | "));
    const infos: Record<string, number> = {};
    for (const i of r.issues) infos[`${i.severity}:${i.code}@${i.column}`] = (infos[`${i.severity}:${i.code}@${i.column}`] ?? 0) + 1;
    console.log("  issues", JSON.stringify(infos));
  }
})();
