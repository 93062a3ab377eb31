// The kinds of fix a clerk chooses among (`--fix ids,dates`, checkboxes in the pane): each change is of one kind.
import { FieldCode } from "./fields";
import { Change } from "./schema";

export const FIX_KINDS = ["ids", "dates", "phones", "labels", "spaces"] as const;
export type FixKind = (typeof FIX_KINDS)[number];

const BY_FIELD: Partial<Record<FieldCode, FixKind>> = {
  idNumber: "ids",
  birthDate: "dates", joinDate: "dates", fullMemberDate: "dates",
  applicationDate: "dates", activistDate: "dates", candidateDate: "dates",
  phone: "phones",
  gender: "labels", ethnicity: "labels", education: "labels", category: "labels", membershipType: "labels",
  employment: "labels", status: "labels", lostContactFlag: "labels", mobileFlag: "labels",
};

/** ids: 15 to 18 digits, x to X; dates: yyyy-mm-dd; phones: digits; labels: the column's own spelling; spaces: text. */
export function fixKindOf(change: Pick<Change, "field">): FixKind {
  return BY_FIELD[change.field as FieldCode] ?? "spaces";
}

/** Parses "ids,dates" (or 身份证,日期 ...); undefined for every kind; throws on a word it does not know. */
export function parseFixKinds(text: string): FixKind[] {
  const out: FixKind[] = [];
  for (const word of text.split(/[,，、\s]+/).map((w) => w.trim().toLowerCase()).filter(Boolean)) {
    const kind = WORDS[word];
    if (kind === undefined) throw new Error(`unknown fix kind "${word}" (${FIX_KINDS.join(", ")})`);
    if (!out.includes(kind)) out.push(kind);
  }
  return out;
}

const WORDS: Record<string, FixKind> = {
  ids: "ids", id: "ids", 身份证: "ids", 身份证号: "ids",
  dates: "dates", date: "dates", 日期: "dates",
  phones: "phones", phone: "phones", 电话: "phones",
  labels: "labels", label: "labels", 选项: "labels", 标签: "labels",
  spaces: "spaces", text: "spaces", 空格: "spaces", 文字: "spaces",
};

/** Counts of the changes by kind, every kind listed (zeros too): what the pane shows beside its checkboxes. */
export function countFixKinds(changes: readonly Pick<Change, "field">[]): Record<FixKind, number> {
  const out = Object.fromEntries(FIX_KINDS.map((k) => [k, 0])) as Record<FixKind, number>;
  for (const c of changes) out[fixKindOf(c)]++;
  return out;
}
