// Writes the real-world corpus (test/fixtures/real-world/corpus.ts) into test/fixtures/real-world/out/.
// Usage: npx tsx scripts/make-real-world-corpus.ts [outDir]. Deterministic: the same bytes on every run.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { realWorldCorpus } from "../test/fixtures/real-world/corpus";
import { writeWorkbook } from "../test/fixtures/real-world/write-workbook";

export const REAL_WORLD_OUT = resolve(__dirname, "../test/fixtures/real-world/out");

/** Write every corpus workbook into outDir; returns the paths written. */
export async function makeRealWorldCorpus(outDir = REAL_WORLD_OUT): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const paths: string[] = [];
  for (const f of realWorldCorpus()) {
    const p = join(outDir, f.file);
    writeFileSync(p, await writeWorkbook(f.workbook));
    paths.push(p);
  }
  return paths;
}

if (require.main === module) {
  makeRealWorldCorpus(process.argv[2] ? resolve(process.argv[2]) : undefined).then(
    (ps) => console.log(`wrote ${ps.length} workbooks:\n${ps.join("\n")}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
