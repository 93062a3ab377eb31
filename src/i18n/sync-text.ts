// Words of the sync preview the CLI prints (and the pane shows), per language.
import { RejectReason, SyncRejected, SyncReport } from "../domain/diff-schema";
import { Lang } from "../domain/vocabulary";
import { fieldLabel } from "./field-labels";

interface SyncText {
  title: (master: string, incoming: string) => string;
  read: (encoding: string | undefined, delimiter: string | undefined) => string;
  matchedBy: Record<SyncReport["matchedBy"], string>;
  added: (n: number) => string;
  updated: (n: number) => string;
  conflicts: (n: number) => string;
  absent: (n: number) => string;
  rejected: (n: number) => string;
  unchanged: (n: number) => string;
  row: (n: number) => string;
  into: (sheet: string) => string;
  weak: string;
  conflict: (master: string, incoming: string) => string;
  reasons: Record<SyncReport["conflicts"][number]["reason"], string>;
  rejects: Record<RejectReason, (p: Record<string, string | number>) => string>;
  skipped: string;
  empty: string;
  applied: (updates: number, additions: number, batch: number | undefined, out: string) => string;
  previewOnly: string;
  reportWritten: (p: string) => string;
}

const DELIM: Record<string, Record<Lang, string>> = {
  ",": { "zh-CN": "逗号分隔", "zh-TW": "逗號分隔", en: "comma-separated" },
  "\t": { "zh-CN": "制表符分隔", "zh-TW": "製表符分隔", en: "tab-separated" },
  ";": { "zh-CN": "分号分隔", "zh-TW": "分號分隔", en: "semicolon-separated" },
  "|": { "zh-CN": "竖线分隔", "zh-TW": "豎線分隔", en: "bar-separated" },
};
const readLine = (lang: Lang) => (enc: string | undefined, d: string | undefined): string =>
  enc === undefined ? "" : `${enc.toUpperCase()}${d ? `, ${DELIM[d]?.[lang] ?? d}` : ""}`;

export const SYNC_TEXT: Record<Lang, SyncText> = {
  "zh-CN": {
    title: (m, i) => `同步预览：${i} → ${m}`,
    read: readLine("zh-CN"),
    matchedBy: { idNumber: "按身份证号匹配", nameBirthDate: "按姓名 + 出生日期匹配（来文无身份证号，匹配较弱，请核对）", mixed: "按身份证号匹配；无身份证号的行按姓名 + 出生日期匹配（较弱）" },
    added: (n) => `新增 ${n} 人：`, updated: (n) => `更新 ${n} 项：`, conflicts: (n) => `冲突 ${n} 项（默认不采用）：`,
    absent: (n) => `来文中没有的 ${n} 人（只列出，不删除）：`, rejected: (n) => `未采用 ${n} 行：`, unchanged: (n) => `未变 ${n} 人。`,
    row: (n) => `来文第${n}行`, into: (s) => `加入「${s}」`, weak: "（按姓名 + 出生日期）",
    conflict: (m, i) => `名册 ${m || "（空）"}，来文 ${i}`,
    rejects: {
      invalid_id_format: (p) => `身份证号格式不对`,
      invalid_id_checksum: (p) => `身份证号校验位不对`,
      id_precision_lost: (p) => `身份证号已被 Excel 截成数字`,
      unmatchable: (p) => `没有身份证号，也没有姓名 + 出生日期，无法匹配`,
      ambiguous_match: (p) => `姓名和出生日期与名册多行相同（${p.rows}）`,
      duplicate_row: (p) => `与第${p.of}行重复`,
      duplicate_new_member: (p) => `与第${p.of}行是同一新成员但内容不同`,
      no_branch_sheet: (p) => `名册中没有支部「${p.branch}」的工作表`,
      no_branch: (p) => `没有所在支部，名册又按支部分表`,
      unreadable_value: (p) => `${fieldLabel(String(p.field), "zh-CN")}的值无法识别，未采用`,
    },
    reasons: { duplicate_incoming: "来文中同一人有两行且不一致", id_differs: "姓名和出生日期相同但身份证号不同", contradicts_id: "与身份证号不符", formula_cell: "名册此格是公式，不改写" },
    skipped: "（不采用）", empty: "（空）",
    applied: (u, a, b, o) => `已写出 ${o}：更新 ${u} 项，新增 ${a} 人${b === undefined ? "" : `，修改记录第 ${b} 批（可用 roster revert --batch ${b} 撤销）`}`,
    previewOnly: "仅预览，未修改任何文件；加 --apply --out 合并后的文件 才写入。",
    reportWritten: (p) => `同步报告已写入 ${p}`,
  },
  "zh-TW": {
    title: (m, i) => `同步預覽：${i} → ${m}`,
    read: readLine("zh-TW"),
    matchedBy: { idNumber: "按身份證號匹配", nameBirthDate: "按姓名 + 出生日期匹配（來文無身份證號，匹配較弱，請核對）", mixed: "按身份證號匹配；無身份證號的行按姓名 + 出生日期匹配（較弱）" },
    added: (n) => `新增 ${n} 人：`, updated: (n) => `更新 ${n} 項：`, conflicts: (n) => `衝突 ${n} 項（默認不採用）：`,
    absent: (n) => `來文中沒有的 ${n} 人（只列出，不刪除）：`, rejected: (n) => `未採用 ${n} 行：`, unchanged: (n) => `未變 ${n} 人。`,
    row: (n) => `來文第${n}行`, into: (s) => `加入「${s}」`, weak: "（按姓名 + 出生日期）",
    conflict: (m, i) => `名冊 ${m || "（空）"}，來文 ${i}`,
    rejects: {
      invalid_id_format: (p) => `身份證號格式不對`,
      invalid_id_checksum: (p) => `身份證號校驗位不對`,
      id_precision_lost: (p) => `身份證號已被 Excel 截成數字`,
      unmatchable: (p) => `沒有身份證號，也沒有姓名 + 出生日期，無法匹配`,
      ambiguous_match: (p) => `姓名和出生日期與名冊多行相同（${p.rows}）`,
      duplicate_row: (p) => `與第${p.of}行重複`,
      duplicate_new_member: (p) => `與第${p.of}行是同一新成員但內容不同`,
      no_branch_sheet: (p) => `名冊中沒有支部「${p.branch}」的工作表`,
      no_branch: (p) => `沒有所在支部，名冊又按支部分表`,
      unreadable_value: (p) => `${fieldLabel(String(p.field), "zh-TW")}的值無法識別，未採用`,
    },
    reasons: { duplicate_incoming: "來文中同一人有兩行且不一致", id_differs: "姓名和出生日期相同但身份證號不同", contradicts_id: "與身份證號不符", formula_cell: "名冊此格是公式，不改寫" },
    skipped: "（不採用）", empty: "（空）",
    applied: (u, a, b, o) => `已寫出 ${o}：更新 ${u} 項，新增 ${a} 人${b === undefined ? "" : `，修改記錄第 ${b} 批（可用 roster revert --batch ${b} 撤銷）`}`,
    previewOnly: "僅預覽，未修改任何文件；加 --apply --out 合併後的文件 才寫入。",
    reportWritten: (p) => `同步報告已寫入 ${p}`,
  },
  en: {
    title: (m, i) => `Sync preview: ${i} -> ${m}`,
    read: readLine("en"),
    matchedBy: { idNumber: "matched by ID number", nameBirthDate: "matched by name + birth date (the incoming file has no ID numbers: a weaker match, check it)", mixed: "matched by ID number; rows without one by name + birth date (weaker)" },
    added: (n) => `Additions (${n}):`, updated: (n) => `Updates (${n}):`, conflicts: (n) => `Conflicts (${n}, not applied unless accepted):`,
    absent: (n) => `Not in the incoming file (${n}; listed, never deleted):`, rejected: (n) => `Rejected rows (${n}):`, unchanged: (n) => `Unchanged: ${n}.`,
    row: (n) => `incoming row ${n}`, into: (s) => `into "${s}"`, weak: " (by name + birth date)",
    conflict: (m, i) => `master ${m || "(empty)"}, incoming ${i}`,
    rejects: {
      invalid_id_format: (p) => `malformed ID number`,
      invalid_id_checksum: (p) => `ID number check digit wrong`,
      id_precision_lost: (p) => `ID number cut to a number by Excel`,
      unmatchable: (p) => `no ID number and no name with a birth date: cannot be matched`,
      ambiguous_match: (p) => `name and birth date match several master rows (${p.rows})`,
      duplicate_row: (p) => `duplicate of row ${p.of}`,
      duplicate_new_member: (p) => `the new member of row ${p.of} again, with different values`,
      no_branch_sheet: (p) => `the master has no sheet for branch "${p.branch}"`,
      no_branch: (p) => `no branch, and the master has one sheet per branch`,
      unreadable_value: (p) => `${fieldLabel(String(p.field), "en")}: value not understood, not applied`,
    },
    reasons: { duplicate_incoming: "two incoming rows for one member disagree", id_differs: "same name and birth date, different ID number", contradicts_id: "contradicts the ID number", formula_cell: "the master cell is a formula; never overwritten" },
    skipped: " (skipped)", empty: "(empty)",
    applied: (u, a, b, o) => `${o} written: ${u} updates, ${a} additions${b === undefined ? "" : `; change-log batch ${b} (roster revert --batch ${b} undoes it)`}`,
    previewOnly: "Preview only; nothing written. Add --apply --out merged.xlsx to write.",
    reportWritten: (p) => `Sync report written to ${p}`,
  },
};

/** Why a row was not taken, in the language. */
export function rejectText(x: SyncRejected, lang: Lang): string {
  return SYNC_TEXT[lang].rejects[x.reason](x.params ?? {});
}

/** The preview grouped as staff read it: additions, updates old -> new, conflicts, absences, rejected rows. */
export function formatSyncPreview(r: SyncReport, lang: Lang, read: { encoding?: string; delimiter?: string } = {}): string {
  const t = SYNC_TEXT[lang];
  const f = (field: string) => fieldLabel(field, lang);
  const skip = (accept: boolean) => (accept ? "" : t.skipped);
  const lines: string[] = [t.title(r.master, r.incoming)];
  const how = t.read(read.encoding, read.delimiter);
  lines.push(`${how ? `${how}; ` : ""}${t.matchedBy[r.matchedBy]}`, "");
  const group = <T>(title: string, items: T[], line: (x: T) => string) => {
    if (items.length === 0) return;
    lines.push(title, ...items.map((x) => `  ${line(x)}`), "");
  };
  group(t.added(r.added.length), r.added, (a) => `+ ${a.name} ${a.key}${a.branch ? ` ${a.branch}` : ""} ${t.into(a.sheet)} (${t.row(a.row)})${a.match === "nameBirthDate" ? t.weak : ""}${skip(a.accept)}`);
  group(t.updated(r.updated.length), r.updated, (u) => `~ ${u.name} ${f(u.field)}: ${u.from || t.empty} -> ${u.to}${u.match === "nameBirthDate" ? t.weak : ""}${skip(u.accept)}`);
  group(t.conflicts(r.conflicts.length), r.conflicts, (c) => `! ${c.name} ${f(c.field)}: ${t.conflict(c.master, c.incoming)} (${t.reasons[c.reason]}; ${t.row(c.row)})`);
  group(t.absent(r.notInIncoming.length), r.notInIncoming, (a) => `? ${a.name} ${a.key} (${a.sheet}!${a.row})`);
  group(t.rejected(r.rejected.length), r.rejected, (x) => `x ${t.row(x.row)}: ${rejectText(x, lang)}${x.value ? ` "${x.value}"` : ""}`);
  lines.push(t.unchanged(r.unchanged));
  return lines.join("\n") + "\n";
}

/** The task pane's 同步 panel. */
export interface SyncPaneText {
  tab: string;
  heading: string;
  hint: string;
  choose: string;
  apply: string;
  revert: (batch: number) => string;
  acceptAll: string;
  applied: (updates: number, additions: number, batch: number | undefined) => string;
  reverted: (batch: number) => string;
  exportHeading: string;
  maskIds: string;
  exportButton: string;
  exported: (n: number) => string;
}

export const SYNC_PANE_TEXT: Record<Lang, SyncPaneText> = {
  "zh-CN": {
    tab: "同步", heading: "合并支部报送或系统导出", hint: "选择 CSV、Unicode 文本或 Excel 文件：先预览，逐项或整组取舍，再写入（一批修改记录，可撤销）。",
    choose: "选择文件…", apply: "写入选中的修改", revert: (b) => `撤销本次同步（第 ${b} 批）`, acceptAll: "整组",
    applied: (u, a, b) => (b === undefined ? "没有选中的修改，未写入。" : `已写入：更新 ${u} 项，新增 ${a} 人（修改记录第 ${b} 批）`),
    reverted: (b) => `已撤销第 ${b} 批`,
    exportHeading: "导出 CSV", maskIds: "遮蔽身份证号（220702********1234）", exportButton: "导出 CSV", exported: (n) => `已导出 ${n} 个 CSV 文件`,
  },
  "zh-TW": {
    tab: "同步", heading: "合併支部報送或系統導出", hint: "選擇 CSV、Unicode 文本或 Excel 文件：先預覽，逐項或整組取捨，再寫入（一批修改記錄，可撤銷）。",
    choose: "選擇文件…", apply: "寫入選中的修改", revert: (b) => `撤銷本次同步（第 ${b} 批）`, acceptAll: "整組",
    applied: (u, a, b) => (b === undefined ? "沒有選中的修改，未寫入。" : `已寫入：更新 ${u} 項，新增 ${a} 人（修改記錄第 ${b} 批）`),
    reverted: (b) => `已撤銷第 ${b} 批`,
    exportHeading: "導出 CSV", maskIds: "遮蔽身份證號（220702********1234）", exportButton: "導出 CSV", exported: (n) => `已導出 ${n} 個 CSV 文件`,
  },
  en: {
    tab: "Sync", heading: "Merge a branch's submission or a system export", hint: "Choose a CSV, Unicode text or Excel file: preview, keep or drop each change or group, then write (one change-log batch, revertible).",
    choose: "Choose a file…", apply: "Write the selected changes", revert: (b) => `Undo this sync (batch ${b})`, acceptAll: "whole group",
    applied: (u, a, b) => (b === undefined ? "No change selected; nothing written." : `Written: ${u} updates, ${a} additions (change-log batch ${b})`),
    reverted: (b) => `Batch ${b} reverted`,
    exportHeading: "Export CSV", maskIds: "Mask ID numbers (220702********1234)", exportButton: "Export CSV", exported: (n) => `${n} CSV files exported`,
  },
};
