// Runs the current engine on every real-world corpus workbook and prints, per file, what it found against what a
// clerk expects (test/fixtures/real-world/corpus.ts): members, sheet kinds, false alarms on valid rows by code,
// planted errors found/missed, and members left 不详 (unknown) in category, branch, status and membership type.
// Usage: npx tsx scripts/measure-real-world.ts (writes the corpus first).
import { join } from "node:path";
import { membershipTypeOf } from "../src/domain/summarise";
import { realWorldCorpus } from "../test/fixtures/real-world/corpus";
import { engineView, figureMismatches, flagsOn } from "../test/fixtures/real-world/engine-view";
import { allowedLabel, LABEL_FIELDS } from "../test/fixtures/real-world/vocabulary";
import { makeRealWorldCorpus, REAL_WORLD_OUT } from "./make-real-world-corpus";

interface Totals {
  personRows: number;
  falseRows: number;
  planted: number;
  found: number;
  members: number;
  membersExpected: number;
  issues: number;
  issuesOnValid: number;
  lossy: number;
}

function fmt(r: Record<string, number>): string {
  return (
    Object.entries(r)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(", ") || "-"
  );
}

async function main(): Promise<void> {
  await makeRealWorldCorpus();
  const t: Totals = {
    personRows: 0,
    falseRows: 0,
    planted: 0,
    found: 0,
    members: 0,
    membersExpected: 0,
    issues: 0,
    issuesOnValid: 0,
    lossy: 0,
  };
  const lines: string[] = [];
  lines.push(
    "| file | kinds (expected -> engine) | members exp/found | false-flag rows / person rows (codes) | planted found | 不详 cat/branch/status/type | stray issues | fixes outside the column's vocabulary | upward figures wrong (due exp/got) |",
  );
  lines.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const f of realWorldCorpus()) {
    const v = await engineView(f, join(REAL_WORLD_OUT, f.file));
    const kinds = f.sheets.map((s) => `${s.kind} -> ${v.refused ? "refused" : v.sheets.get(s.sheet)?.kind}`);
    const uniqueKinds = [...new Set(kinds)].join("; ");
    let exp = 0,
      got = 0,
      person = 0,
      falseRows = 0;
    const codes: Record<string, number> = {};
    const unknown = { category: 0, branch: 0, status: 0, type: 0 };
    const personRowSet = new Set<string>();
    const wrong = f.sheets
      .filter((s) => s.kind !== "not a roster")
      .flatMap((s) => figureMismatches(s, v.sheets.get(s.sheet)));
    const headerRows = new Set(f.sheets.map((s) => `${s.sheet}!${s.headerRow ?? 0}`));
    for (const s of f.sheets) {
      exp += s.members;
      const sv = v.sheets.get(s.sheet);
      got += sv?.members ?? 0;
      if (s.kind !== "not a roster") person += s.personRows.length;
      for (const r of s.personRows) personRowSet.add(`${s.sheet}!${r}`);
      for (const r of s.validRows) {
        const fl = flagsOn(v.issues, s.sheet, r);
        if (fl.length) falseRows++;
        for (const i of fl) codes[i.code] = (codes[i.code] ?? 0) + 1;
      }
      for (const m of (sv?.memberRows ?? []).filter((x) => x.listed !== "prospect")) {
        if (s.byCategory && m.category === null) unknown.category++;
        if (s.byBranch && m.branch === null) unknown.branch++;
        if (s.byStatus && m.status === null) unknown.status++;
        if (s.byMembershipType && membershipTypeOf(m, v.result!.asOf) === null) unknown.type++;
      }
    }
    const found = f.planted.filter((p) =>
      v.issues.some((i) => i.sheet === p.sheet && i.row === p.row && i.column === p.column && i.code === p.code),
    );
    const missed = f.planted.filter((p) => !found.includes(p)).map((p) => `${p.code}@${p.column}${p.row}`);
    const stray = v.issues.filter(
      (i) => !personRowSet.has(`${i.sheet}!${i.row}`) && !headerRows.has(`${i.sheet}!${i.row}`),
    );
    const lossy = (v.result?.changes ?? []).filter(
      (c) => LABEL_FIELDS.has(c.field) && !allowedLabel(f, c.sheet, c.column, c.to),
    );
    const lossyText = lossy.length
      ? `${lossy.length} (${[...new Set(lossy.map((c) => `${c.from}->${c.to}`))].slice(0, 3).join(", ")})`
      : "0";
    t.lossy += lossy.length;
    const flagsAll = v.issues.filter((i) => i.severity !== "info");
    t.issues += flagsAll.length;
    t.issuesOnValid += Object.values(codes).reduce((a, b) => a + b, 0);
    t.personRows += person;
    t.falseRows += falseRows;
    t.planted += f.planted.length;
    t.found += found.length;
    t.members += got;
    t.membersExpected += exp;
    lines.push(
      `| ${f.file} | ${uniqueKinds} | ${exp}/${got} | ${falseRows}/${person} (${fmt(codes)}) | ${found.length}/${f.planted.length}${missed.length ? ` missed ${missed.join(" ")}` : ""} | ` +
        `${unknown.category}/${unknown.branch}/${unknown.status}/${unknown.type} | ${stray.length ? `${stray.length} (${fmt(Object.fromEntries(Object.entries(stray.reduce<Record<string, number>>((a, i) => ((a[`${i.code}@r${i.row}`] = (a[`${i.code}@r${i.row}`] ?? 0) + 1), a), {})).slice(0, 4)))})` : "0"} | ${lossyText} | ${[...new Set(wrong)].join(", ") || "-"} |`,
    );
  }
  lines.push("");
  lines.push(
    `Totals: ${t.falseRows} of ${t.personRows} person rows carry a false error or warning (${((100 * t.falseRows) / Math.max(1, t.personRows)).toFixed(1)}%; acceptance <= 1%); planted errors found ${t.found}/${t.planted}; members found ${t.members} vs expected ${t.membersExpected}; ${t.issuesOnValid} of ${t.issues} errors and warnings (${((100 * t.issuesOnValid) / Math.max(1, t.issues)).toFixed(0)}%) sit on valid rows; ${t.lossy} fixes would write a label outside the column's own vocabulary.`,
  );
  console.log(lines.join("\n"));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
