// Issue 7's acceptance on the real-world corpus (test/fixtures/real-world): per workbook, the kind of each sheet,
// its member count, every planted error found, the upward figures a clerk would report, and no error or warning
// on any valid row; overall at most 1% of person rows falsely flagged. Expectations are what a clerk would say.
// scripts/measure-real-world.ts prints the same comparison as a table.
import { join } from "node:path";
import { makeRealWorldCorpus, REAL_WORLD_OUT } from "../../scripts/make-real-world-corpus";
import { CorpusFile, MAX_FALSE_FLAG_SHARE, realWorldCorpus, SheetExpectation } from "../fixtures/real-world/corpus";
import { EngineView, engineView, flagsOn, known } from "../fixtures/real-world/engine-view";
import { allowedLabel, LABEL_FIELDS } from "../fixtures/real-world/vocabulary";

const corpus = realWorldCorpus();
const views = new Map<string, EngineView>();
const bySheet = corpus.flatMap((f) =>
  f.sheets.map((s) => [`${f.file} ${s.sheet}`, f, s] as [string, CorpusFile, SheetExpectation]),
);

describe("real-world corpus (issue 7 acceptance)", () => {
  beforeAll(async () => {
    await makeRealWorldCorpus();
    for (const f of corpus) views.set(f.file, await engineView(f, join(REAL_WORLD_OUT, f.file)));
  }, 120_000);

  const view = (f: CorpusFile, s: SheetExpectation) => views.get(f.file)!.sheets.get(s.sheet);

  it.each(bySheet)("%s: the kind of list", (_n, f, s) => {
    expect(view(f, s)?.kind ?? "not a roster").toBe(s.kind);
  });

  it.each(bySheet)("%s: current party members counted", (_n, f, s) => {
    expect(view(f, s)?.members ?? 0).toBe(s.members);
  });

  it.each(corpus.map((f) => [f.file, f] as const))("%s: every planted error found", (_n, f) => {
    const issues = views.get(f.file)!.issues;
    const missed = f.planted.filter(
      (p) => !issues.some((i) => i.sheet === p.sheet && i.row === p.row && i.column === p.column && i.code === p.code),
    );
    expect(missed).toEqual([]);
  });

  it.each(bySheet)("%s: no error or warning on any valid row", (_n, f, s) => {
    const issues = views.get(f.file)!.issues;
    const flagged = s.validRows
      .flatMap((r) => flagsOn(issues, s.sheet, r))
      .map((i) => `${i.code}@${i.column}${i.row} ${i.value}`);
    expect(flagged).toEqual([]);
  });

  it.each(bySheet)(
    "%s: notes, titles and footers are not members: nothing flagged outside the person rows",
    (_n, f, s) => {
      const people = new Set(s.personRows);
      const stray = views
        .get(f.file)!
        .issues.filter((i) => i.sheet === s.sheet && !people.has(i.row) && i.row !== s.headerRow);
      expect(stray.map((i) => `${i.code}@${i.column}${i.row}`)).toEqual([]);
    },
  );

  it.each(bySheet.filter(([, , s]) => s.kind !== "not a roster"))("%s: upward figures", (_n, f, s) => {
    const v = view(f, s)!;
    expect(v).toBeDefined();
    if (s.byCategory)
      expect({ known: known(v.byCategory), unknown: v.byCategory.unknown ?? 0 }).toEqual({
        known: s.byCategory,
        unknown: 0,
      });
    if (s.byBranch)
      expect({ known: known(v.byBranch), unknown: v.byBranch.unknown ?? 0 }).toEqual({ known: s.byBranch, unknown: 0 });
    if (s.byStatus) for (const [k, n] of Object.entries(s.byStatus)) expect([k, v.byStatus[k] ?? 0]).toEqual([k, n]);
    if (s.byMembershipType) {
      const t = s.byMembershipType;
      expect(known(v.byMembershipType)).toEqual(known({ full: t.full, probationary: t.probationary }));
      expect(v.byMembershipType.unknown ?? 0).toBe(0);
    }
    if (s.stages) expect(v.stages).toEqual(s.stages);
    if (s.dueForFullMembership !== undefined) expect(v.due).toBe(s.dueForFullMembership);
    if (s.unit) expect(v.unit).toBe(s.unit);
    if (s.reportDate) expect(v.reportDate).toBe(s.reportDate);
  });

  it.each(corpus.map((f) => [f.file, f] as const))(
    "%s: fixes write only labels the column's own vocabulary holds",
    (_n, f) => {
      const changes = views.get(f.file)!.result?.changes ?? [];
      const outside = changes.filter((c) => LABEL_FIELDS.has(c.field) && !allowedLabel(f, c.sheet, c.column, c.to));
      expect(outside.map((c) => `${c.column}${c.row} ${c.from} -> ${c.to}`)).toEqual([]);
    },
  );

  it("at most 1% of person rows carry a false error or warning", () => {
    let rows = 0;
    let flagged = 0;
    for (const f of corpus)
      for (const s of f.sheets) {
        rows += s.personRows.length;
        flagged += s.validRows.filter((r) => flagsOn(views.get(f.file)!.issues, s.sheet, r).length > 0).length;
      }
    expect(flagged / rows).toBeLessThanOrEqual(MAX_FALSE_FLAG_SHARE);
  });
});
