// Checks the example data against the promises made about it (counts, valid IDs, plausible dates), and, given
// the written workbook, that every cell ExcelJS reads back is the one example-sheets.ts laid out.
//   npx tsx scripts/example-selfcheck.ts [examples/铁西街党员花名册.xlsx]
import ExcelJS from "exceljs";
import * as path from "path";
import { AS_OF, ExampleMember, exampleMembers, PLAN } from "./example-members";
import { expectedFigures } from "./example-figures";
import { ExampleCell, exampleSheets, plantedIssues } from "./example-sheets";
import { addYears, idCheckChar, yearsBetween } from "./example-text";

/** Problems with the data itself; empty when all is as promised. */
export function checkExampleData(): string[] {
  const bad: string[] = [];
  const ms = exampleMembers();
  const f = expectedFigures();
  const want = { oilfield_released: 126, laid_off: 15, veteran: 10, retired: 12, resident: 14, agency: 22, other: 0 };
  if (ms.length !== 199) bad.push(`members ${ms.length} != 199`);
  for (const [k, v] of Object.entries(want)) if (f.byCategory[k as keyof typeof want] !== v) bad.push(`category ${k}: ${f.byCategory[k as keyof typeof want]} != ${v}`);
  for (const [b, cats] of Object.entries(PLAN)) {
    const n = Object.values(cats).reduce((s, x) => s + x, 0);
    if (f.byBranch[b as keyof typeof PLAN] !== n) bad.push(`branch ${b}: ${f.byBranch[b as keyof typeof PLAN]} != ${n}`);
  }
  if (f.lostContact !== 12) bad.push(`lost contact ${f.lostContact} != 12`);
  if (ms.some((m) => m.status === "lost_contact" && m.category !== "oilfield_released")) bad.push("a lost-contact member who is not oilfield");
  if (ms.filter((m) => m.status === null).length !== 1) bad.push("missing status: not exactly one");
  if (f.projects.jobsCreated !== 96 || f.projects.laidOffPlaced !== 63) bad.push(`projects ${f.projects.jobsCreated}/${f.projects.laidOffPlaced}`);
  const ids = new Set<string>();
  const names = new Set<string>();
  let under18 = 0;
  for (const m of ms) {
    const where = `${m.key} ${m.name}`;
    const id = m.idNumber;
    if (!/^220702\d{11}[\dX]$/.test(id) || idCheckChar(id.slice(0, 17)) !== id[17]) bad.push(`${where}: bad ID ${id}`);
    if (id.slice(6, 14) !== m.birthDate.replace(/-/g, "")) bad.push(`${where}: ID birth != ${m.birthDate}`);
    if ((Number(id[16]) % 2 === 1) !== (m.gender === "male")) bad.push(`${where}: ID gender`);
    if (ids.has(id)) bad.push(`${where}: ID not unique`);
    ids.add(id);
    if (names.has(m.name)) bad.push(`${where}: name not unique`);
    names.add(m.name);
    const age = yearsBetween(m.birthDate, AS_OF);
    if (age < 25 || age > 85) bad.push(`${where}: age ${age}`);
    if (m.joinDate < addYears(m.birthDate, 18)) under18++;
    if (m.joinDate > AS_OF) bad.push(`${where}: joined after asOf`);
    checkFullMember(m, bad, where);
  }
  if (under18 !== 1) bad.push(`joined under 18: ${under18} members, expected 1`);
  if (f.counts.probationary < 3) bad.push("fewer than 3 probationary members");
  if (f.dueForFullMembership.length !== 1) bad.push(`due for full membership: ${f.dueForFullMembership.length}`);
  return bad;
}

function checkFullMember(m: ExampleMember, bad: string[], where: string): void {
  if (m.fullMemberDate === null) {
    if (m.joinDate <= addYears(AS_OF, -1)) bad.push(`${where}: probationary for over a year`);
    return;
  }
  if (m.fullMemberDate < addYears(m.joinDate, 1)) bad.push(`${where}: full member before a year's probation`);
  if (m.fullMemberDate > addYears(m.joinDate, 2)) bad.push(`${where}: probation overdue`);
  if (m.fullMemberDate > AS_OF) bad.push(`${where}: full member after asOf`);
}

function sameCell(want: ExampleCell, got: ExcelJS.CellValue): boolean {
  if (want === null) return got === null || got === undefined || got === "";
  if (typeof want === "string" || typeof want === "number") return got === want;
  if ("date" in want) return got instanceof Date && got.toISOString().slice(0, 10) === want.date;
  return got === want.num;
}

/** Cells of the written workbook that differ from the layout (merged slave cells are not compared). */
export async function checkExampleWorkbook(file: string): Promise<string[]> {
  const bad: string[] = [];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const s of exampleSheets()) {
    const ws = wb.getWorksheet(s.name);
    if (!ws) {
      bad.push(`no sheet ${s.name}`);
      continue;
    }
    s.rows.forEach((cells, i) => {
      cells.forEach((want, j) => {
        const cell = ws.getRow(i + 1).getCell(j + 1);
        if (cell.isMerged && cell.master !== cell) return;
        if (!sameCell(want, cell.value)) bad.push(`${s.name}!${cell.address}: ${JSON.stringify(cell.value)} != ${JSON.stringify(want)}`);
      });
    });
    if (ws.rowCount !== s.rows.length) bad.push(`${s.name}: ${ws.rowCount} rows, layout has ${s.rows.length}`);
  }
  return bad;
}

async function main(): Promise<void> {
  const bad = checkExampleData();
  const file = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "examples", "铁西街党员花名册.xlsx"));
  bad.push(...(await checkExampleWorkbook(file)));
  console.log(JSON.stringify(expectedFigures(), null, 1).replace(/\n\s*/g, " "));
  for (const p of plantedIssues()) console.log(`planted ${p.sheet}!${p.column}${p.row} ${p.field} ${p.code} (${p.key})`);
  if (bad.length) {
    console.error(bad.join("\n"));
    process.exit(1);
  }
  console.log("example data and workbook: ok");
}

if (require.main === module) void main();
