// The summary sheet (名册汇总) of SPEC section 5: the report's summary as tables stacked for printing on A4 portrait.
import { AGE_BAND_KEYS, PROBATIONARY_KEY, STANDING_BAND_KEYS, TOTAL_KEY, UNKNOWN_KEY } from "../domain/age-bands";
import { Report } from "../domain/report-schema";
import { CountMatrix } from "../domain/summary-schema";
import { CATEGORY, EDUCATION, EMPLOYMENT, EnumTable, GENDER, Lang, MEMBERSHIP_TYPE, STATUS } from "../domain/vocabulary";
import { SheetText, sheetText } from "../i18n/sheet-text";
import { TableRow, countRows, enumLabels, orderedKeys, writeTable } from "./count-tables";
import { pageBreaks } from "./page-breaks";
import { SheetBuilder, num, text } from "./sheet-builder";
import { ProductSheet } from "./write-plan";

export interface SummaryOptions {
  readonly lang: Lang;
  /** 填报单位 (the settings sheet's `unit`); a line to fill in by hand where absent. */
  readonly unit?: string;
}

/** Narrowest a count column is made, so a column of small numbers under a short heading still prints well. */
const COUNT_WIDTH = 8;
/** Columns the due list needs (name, branch, join date, due date): the least width of the title. */
const DUE_COLUMNS = 4;

export function summarySheet(report: Report, opts: SummaryOptions): ProductSheet {
  const t = sheetText(opts.lang);
  const s = report.summary;
  const b = new SheetBuilder();
  b.addRow([text(t.summary.title, "title")], false);
  b.addRow([text(t.unitLine(opts.unit, report.asOf), "subtitle")], false);
  let lastCol = DUE_COLUMNS;
  /** Each table with its caption (and what follows it up to the next table) stays whole on a printed page. */
  const blocks: { first: number; last: number }[] = [];
  const tall = new Set<number>([1]);
  const startBlock = () => {
    if (blocks.length) blocks[blocks.length - 1].last = b.lastRow - 1;
    blocks.push({ first: b.lastRow + 1, last: b.lastRow + 1 });
  };
  const table = (spec: Parameters<typeof writeTable>[1]) => {
    b.blankRow();
    startBlock();
    const place = writeTable(b, spec);
    tall.add(place.headerRow);
    lastCol = Math.max(lastCol, place.lastCol);
    return place;
  };
  const { heads, captions, counts } = t.summary;
  const labelled = (map: Record<string, number>, enums: EnumTable): TableRow[] => {
    const labels = enumLabels(enums, opts.lang);
    return countRows(map, enums.map((e) => e.code), (k) => labels.get(k), t.unknown);
  };
  const simple = (caption: string, head: string, rows: TableRow[]) =>
    table({ caption, heads: [head, heads.members], rows, totalLabel: t.total });

  // (a) category x branch, with row and column totals.
  const cross = categoryBranch(s.byCategoryAndBranch, opts.lang, t);
  table({ caption: captions.categoryBranch, heads: [heads.categoryBranch, ...cross.heads], rows: cross.rows, totalLabel: t.total, rowTotals: true });
  // (b) status: every row read, deceased and transferred out included.
  simple(captions.status, heads.status, labelled(s.byStatus, STATUS));
  // (c) gender, then the counts of current members.
  simple(captions.gender, heads.gender, labelled(s.byGender, GENDER));
  for (const k of ["women", "ethnicMinorities", "collegeOrAbove", "probationary"] as const) b.addRow([text(counts[k]), num(s.counts[k])]);
  // (d) education, (e) age as of asOf.
  simple(captions.education, heads.education, labelled(s.byEducation, EDUCATION));
  simple(captions.age, heads.age, countRows(s.byAgeBand, AGE_BAND_KEYS, (k) => t.ageBands[k], t.unknown));
  // (f) party standing: the bands with a subtotal of full members, then probationary members apart, then the total.
  const { [PROBATIONARY_KEY]: probationary = 0, ...bands } = s.byPartyStanding;
  const standing = table({
    caption: captions.standing, heads: [heads.standing, heads.members], totalLabel: t.summary.fullSubtotal,
    rows: countRows(bands, STANDING_BAND_KEYS.filter((k) => k !== PROBATIONARY_KEY), (k) => t.standingBands[k], t.unknown),
  });
  const probRow = b.addRow([text(t.standingBands[PROBATIONARY_KEY]), num(probationary)]);
  b.addRow([text(t.total, "total"), b.sum(standing.totalRow, 2, probRow, 2)]);
  // (g) membership type, (h) employment.
  simple(captions.membershipType, heads.membershipType, labelled(s.byMembershipType, MEMBERSHIP_TYPE));
  simple(captions.employment, heads.employment, labelled(s.byEmployment, EMPLOYMENT));
  // (i) the secretaries' to-do: probation ended or ending within 30 days.
  b.blankRow();
  startBlock();
  b.addRow([text(captions.due, "subtitle")], false);
  if (s.dueForFullMembership.length === 0) {
    b.addRow([text(t.summary.dueNone)]);
  } else {
    b.addRow(t.summary.dueHeaders.map((h) => text(h, "header")));
    for (const d of s.dueForFullMembership) {
      b.addRow([text((d.name ?? "") + (d.toConfirm ? t.summary.toConfirm : "")), text(d.branch ?? t.unknown), text(d.joinDate, "date"), text(d.dueDate, "date")]);
    }
  }
  // (j) the development pipeline and the other lists, by stage (never counted as members above)
  if (s.pipeline) {
    const stages = t.summary.stages;
    const rows = Object.entries(s.pipeline).map(([k, n]) => ({ key: k, label: stages[k] ?? k, values: [n] }));
    simple(t.summary.pipelineCaption, t.summary.pipelineHead, rows);
  }
  // The signature line ends the last block: it never prints on a page of its own.
  b.blankRow();
  b.addRow([text(t.signatureLine, "note")], false);
  blocks[blocks.length - 1].last = b.lastRow;

  for (let c = 2; c <= lastCol; c++) b.fit(c, "", COUNT_WIDTH);
  b.merge(1, 1, 1, lastCol);
  b.merge(2, 1, 2, lastCol);
  const rowBreaks = pageBreaks(blocks, (r) => tall.has(r));
  return b.build("summary", t.sheetNames.summary, { orientation: "portrait", fitToWidth: true, ...(rowBreaks.length ? { rowBreaks } : {}) });
}

/**
 * Rows = every category (zeros too) and `unknown`; columns = the branches, and `unknown` where any member has no
 * branch (or where there is no branch at all, so the table is never empty). Counts straight from the report.
 */
function categoryBranch(m: CountMatrix, lang: Lang, t: SheetText): { heads: string[]; rows: TableRow[] } {
  const rowKeys = orderedKeys(Object.keys(m), () => 1, { known: Object.keys(m), unknownWhenZero: true });
  const colSeen: string[] = [];
  for (const row of Object.values(m)) for (const k of Object.keys(row)) if (!colSeen.includes(k)) colSeen.push(k);
  const dataRows = Object.entries(m).filter(([k]) => k !== TOTAL_KEY).map(([, row]) => row);
  const colCount = (k: string) => dataRows.reduce((n, row) => n + (row[k] ?? 0), 0);
  const branches = colSeen.filter((k) => k !== TOTAL_KEY && k !== UNKNOWN_KEY);
  const colKeys = orderedKeys(colSeen, colCount, { known: branches, unknownWhenZero: branches.length === 0 });
  const labels = enumLabels(CATEGORY, lang);
  return {
    heads: colKeys.map((k) => (k === UNKNOWN_KEY ? t.unknown : k)),
    rows: rowKeys.map((key) => ({
      key,
      label: key === UNKNOWN_KEY ? t.unknown : labels.get(key) ?? key,
      values: colKeys.map((c) => m[key]?.[c] ?? 0),
    })),
  };
}
