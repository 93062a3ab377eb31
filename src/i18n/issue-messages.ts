// Issue messages per language: the engine emits codes and params; this renders them at the edge.
import { IssueCode, RawIssue } from "../domain/schema";
import { Lang } from "../domain/vocabulary";
import { fieldLabel } from "./field-labels";

type P = RawIssue["params"];
type Template = (p: P, field: string) => string;

const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));

const ZH_CN: Record<IssueCode, Template> = {
  missing_required: (p, f) => (p.column === "missing" ? `缺少必填列「${f}」` : `${f}为空（必填）`),
  missing_contact: (p) => (p.column === "missing" ? `缺少联系方式列（${contactCn(p)}）` : `联系方式不全：缺${contactCn(p)}`),
  missing_status: (p) => (p.column === "missing" ? "缺少党员状态列" : "党员状态为空"),
  invalid_id_format: (p) => `身份证号格式不对：${idReasonCn(p)}`,
  invalid_id_checksum: (p) => `身份证号校验位不对：末位应为 ${s(p.expected)}，填的是 ${s(p.found)}`,
  id_precision_lost: () => "身份证号存成了数字，Excel 只保留15位有效数字，后几位已丢失：请按文本格式重新录入",
  duplicate_id: (p) => `身份证号与「${s(p.otherSheet)}」第${s(p.otherRow)}行重复`,
  id_birthdate_mismatch: (p) => `出生日期与身份证号不符（身份证号为 ${s(p.fromId)}）`,
  id_gender_mismatch: (p) => `性别与身份证号不符（身份证号为${p.fromId === "male" ? "男" : "女"}）`,
  invalid_date: (p, f) => (p.reason === "impossible" ? `${f}不存在（年、月或日超出范围，如13月、2月30日）` : `${f}无法识别为日期`),
  ambiguous_date: (p, f) => `${f}有歧义：可读作 ${s(p.readings)}，请写成 年-月`,
  date_in_future: (p, f) => `${f}晚于统计截止日期 ${s(p.asOf)}`,
  joined_under_18: (p) => (p.beforeBirth ? `入党时间早于出生日期（出生 ${s(p.birthDate)}，入党 ${s(p.joinDate)}）` : `入党时未满18周岁（出生 ${s(p.birthDate)}，入党 ${s(p.joinDate)}）`),
  full_member_before_probation: (p) => `转正时间早于入党满一年（入党 ${s(p.joinDate)}，转正 ${s(p.fullMemberDate)}）`,
  probation_overdue: (p) => `转正时间晚于入党满两年，预备期最多延长一年（入党 ${s(p.joinDate)}，转正 ${s(p.fullMemberDate)}）`,
  stage_date_order: (p, f) => `${f}（${s(p.date)}）${p.after ? "晚于" : "早于"}${fieldLabel(s(p.than), "zh-CN")}（${s(p.thanDate)}）`,
  invalid_phone: () => "不是有效的手机或固定电话号码",
  unknown_value: (p, f) => `${f}「${s(p.value)}」不在可选值内`,
  legacy_id_upgraded: (p) => `15位旧身份证号可升为18位：${s(p.to)}`,
  approximate_count: (p, f) => `${f}是约数「${s(p.value)}」，按 ${s(p.number)} 统计`,
  invalid_count: (p, f) => `${f}「${s(p.value)}」不是人数或个数`,
  text_too_long: (p, f) => `${f}过长（${s(p.length)}字，上限${s(p.max)}）`,
};

const ZH_TW: Record<IssueCode, Template> = {
  missing_required: (p, f) => (p.column === "missing" ? `缺少必填列「${f}」` : `${f}為空（必填）`),
  missing_contact: (p) => (p.column === "missing" ? `缺少聯繫方式列（${contactTw(p)}）` : `聯繫方式不全：缺${contactTw(p)}`),
  missing_status: (p) => (p.column === "missing" ? "缺少黨員狀態列" : "黨員狀態為空"),
  invalid_id_format: (p) => `身份證號格式不對：${idReasonTw(p)}`,
  invalid_id_checksum: (p) => `身份證號校驗位不對：末位應為 ${s(p.expected)}，填的是 ${s(p.found)}`,
  id_precision_lost: () => "身份證號存成了數字，Excel 只保留15位有效數字，後幾位已丟失：請按文本格式重新錄入",
  duplicate_id: (p) => `身份證號與「${s(p.otherSheet)}」第${s(p.otherRow)}行重複`,
  id_birthdate_mismatch: (p) => `出生日期與身份證號不符（身份證號為 ${s(p.fromId)}）`,
  id_gender_mismatch: (p) => `性別與身份證號不符（身份證號為${p.fromId === "male" ? "男" : "女"}）`,
  invalid_date: (p, f) => (p.reason === "impossible" ? `${f}不存在（年、月或日超出範圍，如13月、2月30日）` : `${f}無法識別為日期`),
  ambiguous_date: (p, f) => `${f}有歧義：可讀作 ${s(p.readings)}，請寫成 年-月`,
  date_in_future: (p, f) => `${f}晚於統計截止日期 ${s(p.asOf)}`,
  joined_under_18: (p) => (p.beforeBirth ? `入黨時間早於出生日期（出生 ${s(p.birthDate)}，入黨 ${s(p.joinDate)}）` : `入黨時未滿18周歲（出生 ${s(p.birthDate)}，入黨 ${s(p.joinDate)}）`),
  full_member_before_probation: (p) => `轉正時間早於入黨滿一年（入黨 ${s(p.joinDate)}，轉正 ${s(p.fullMemberDate)}）`,
  probation_overdue: (p) => `轉正時間晚於入黨滿兩年，預備期最多延長一年（入黨 ${s(p.joinDate)}，轉正 ${s(p.fullMemberDate)}）`,
  stage_date_order: (p, f) => `${f}（${s(p.date)}）${p.after ? "晚於" : "早於"}${fieldLabel(s(p.than), "zh-TW")}（${s(p.thanDate)}）`,
  invalid_phone: () => "不是有效的手機或固定電話號碼",
  unknown_value: (p, f) => `${f}「${s(p.value)}」不在可選值內`,
  legacy_id_upgraded: (p) => `15位舊身份證號可升為18位：${s(p.to)}`,
  approximate_count: (p, f) => `${f}是約數「${s(p.value)}」，按 ${s(p.number)} 統計`,
  invalid_count: (p, f) => `${f}「${s(p.value)}」不是人數或個數`,
  text_too_long: (p, f) => `${f}過長（${s(p.length)}字，上限${s(p.max)}）`,
};

const EN: Record<IssueCode, Template> = {
  missing_required: (p, f) => (p.column === "missing" ? `required column "${f}" is missing` : `${f} is empty (required)`),
  missing_contact: (p) => (p.column === "missing" ? `no contact column (${s(p.missing).replace(",", ", ")})` : `contact incomplete: no ${s(p.missing).replace(",", " or ")}`),
  missing_status: (p) => (p.column === "missing" ? "no member status column" : "member status is empty"),
  invalid_id_format: (p) => `ID number malformed: ${p.reason === "length" ? `${s(p.length)} characters, expected 18` : p.reason === "birthdate" ? "the birth date inside is impossible" : "only digits and a final X are allowed"}`,
  invalid_id_checksum: (p) => `ID number check character wrong: expected ${s(p.expected)}, found ${s(p.found)}`,
  id_precision_lost: () => "ID number stored as a number: Excel keeps 15 significant digits, the last ones are lost; re-enter it as text",
  duplicate_id: (p) => `same ID number as "${s(p.otherSheet)}" row ${s(p.otherRow)}`,
  id_birthdate_mismatch: (p) => `birth date disagrees with the ID number (${s(p.fromId)})`,
  id_gender_mismatch: (p) => `gender disagrees with the ID number (${s(p.fromId)})`,
  invalid_date: (p, f) => (p.reason === "impossible" ? `${f} does not exist (its year, month or day is out of range, like month 13 or 30 February)` : `${f} cannot be read as a date`),
  ambiguous_date: (p, f) => `${f} is ambiguous: ${s(p.readings)}; write it as year-month`,
  date_in_future: (p, f) => `${f} is after the report date ${s(p.asOf)}`,
  joined_under_18: (p) => (p.beforeBirth ? `join date before the birth date (born ${s(p.birthDate)}, joined ${s(p.joinDate)})` : `joined before turning 18 (born ${s(p.birthDate)}, joined ${s(p.joinDate)})`),
  full_member_before_probation: (p) => `full membership before a year of probation (joined ${s(p.joinDate)}, full ${s(p.fullMemberDate)})`,
  probation_overdue: (p) => `full membership more than two years after joining; probation extends by one year at most (joined ${s(p.joinDate)}, full ${s(p.fullMemberDate)})`,
  stage_date_order: (p, f) => `${f} (${s(p.date)}) is ${p.after ? "after" : "before"} the ${fieldLabel(s(p.than), "en")} (${s(p.thanDate)})`,
  invalid_phone: () => "not a mobile or landline number",
  unknown_value: (p, f) => `${f} "${s(p.value)}" is not one of the allowed values`,
  legacy_id_upgraded: (p) => `15-digit legacy ID can be upgraded to ${s(p.to)}`,
  approximate_count: (p, f) => `${f} is approximate ("${s(p.value)}"); counted as ${s(p.number)}`,
  invalid_count: (p, f) => `${f} "${s(p.value)}" is not a count`,
  text_too_long: (p, f) => `${f} is too long (${s(p.length)} characters, at most ${s(p.max)})`,
};

const TABLES: Record<Lang, Record<IssueCode, Template>> = { "zh-CN": ZH_CN, "zh-TW": ZH_TW, en: EN };

function contactCn(p: P): string {
  return s(p.missing).split(",").map((f) => (f === "phone" ? "联系电话" : "家庭住址")).join("、");
}
function contactTw(p: P): string {
  return s(p.missing).split(",").map((f) => (f === "phone" ? "聯繫電話" : "家庭住址")).join("、");
}
function idReasonCn(p: P): string {
  return p.reason === "length" ? `${s(p.length)}位，应为18位` : p.reason === "birthdate" ? "其中的出生日期不存在" : "只能是数字，末位可为X";
}
function idReasonTw(p: P): string {
  return p.reason === "length" ? `${s(p.length)}位，應為18位` : p.reason === "birthdate" ? "其中的出生日期不存在" : "只能是數字，末位可為X";
}

/** `第12行 身份证号 "2207021965031512": 16位，应为18位` / `Row 12, ID number "…": …` */
export function renderIssue(issue: RawIssue, lang: Lang): string {
  const field = fieldLabel(issue.field, lang);
  const body = TABLES[lang][issue.code](issue.params, field);
  const value = issue.value ? (lang === "en" ? ` "${issue.value}"` : ` "${issue.value}"`) : "";
  if (issue.params.columnCount !== undefined) return columnMessage(issue, field, body, lang);
  return lang === "en" ? `Row ${issue.row}, ${field}${value}: ${body}` : `第${issue.row}行 ${field}${value}：${body}`;
}

/** A code that hit most of a column, reported once: `${field}列 共120行：…（如 a、b；首见第3行）`. */
function columnMessage(issue: RawIssue, field: string, body: string, lang: Lang): string {
  const p = issue.params;
  const ex = s(p.examples);
  if (lang === "en") return `Column ${issue.column} (${field}), ${s(p.columnCount)} rows from row ${s(p.firstRow)}: ${body}${ex ? ` (e.g. ${ex.replace(/、/g, ", ")})` : ""}`;
  const rows = lang === "zh-TW" ? "行" : "行";
  return `${issue.column}列 ${field} 共${s(p.columnCount)}${rows}（第${s(p.firstRow)}行起）：${body}${ex ? `（如 ${ex}）` : ""}`;
}
