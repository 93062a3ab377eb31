// What to do about an issue, per code and language: the issues sheet's suggestion column where the engine gives no
// suggestion of its own and no fix would change the cell.
import { IssueCode } from "../domain/schema";
import { Lang } from "../domain/vocabulary";

const ZH_CN: Record<IssueCode, string> = {
  missing_required: "补填此项；整列缺失时在名册中加上该列",
  missing_contact: "补填联系电话或住址；整列缺失时在名册中加上该列",
  missing_status: "填写党员状态（正常、失联、流动等）；整列缺失时在名册中加上「状态」列",
  invalid_id_format: "对照身份证核对号码（18位，末位可为X）",
  invalid_id_checksum: "对照身份证逐位核对，通常是某一位录错",
  id_precision_lost: "把该列设为文本格式后重新录入完整号码",
  duplicate_id: "核对两人的身份证号，删除重复登记或改正录错的一人",
  id_birthdate_mismatch: "对照身份证核对出生日期或身份证号",
  id_gender_mismatch: "对照身份证核对性别或身份证号",
  invalid_date: "按 年-月-日 填写真实存在的日期",
  ambiguous_date: "写成 年-月（如 1990-07）",
  date_in_future: "核对日期，或调整统计截止日期",
  joined_under_18: "核对入党时间和出生日期",
  full_member_before_probation: "核对入党时间和转正时间",
  probation_overdue: "核对转正时间，或在备注中说明延长预备期的情况",
  stage_date_order: "核对入党各环节的时间：递交申请书、确定积极分子、确定发展对象、入党、转正应依次在后",
  invalid_phone: "填写11位手机号或带区号的固定电话",
  unknown_value: "从可选值中选择，或在名册设置中加入本单位的写法",
  legacy_id_upgraded: "核对后换成18位身份证号",
  approximate_count: "填写确切的数字",
  invalid_count: "填写人数或个数（整数）",
  text_too_long: "精简内容",
};

const ZH_TW: Record<IssueCode, string> = {
  missing_required: "補填此項；整列缺失時在名冊中加上該列",
  missing_contact: "補填聯繫電話或住址；整列缺失時在名冊中加上該列",
  missing_status: "填寫黨員狀態（正常、失聯、流動等）；整列缺失時在名冊中加上「狀態」列",
  invalid_id_format: "對照身份證核對號碼（18位，末位可為X）",
  invalid_id_checksum: "對照身份證逐位核對，通常是某一位錄錯",
  id_precision_lost: "把該列設為文字格式後重新錄入完整號碼",
  duplicate_id: "核對兩人的身份證號，刪除重複登記或改正錄錯的一人",
  id_birthdate_mismatch: "對照身份證核對出生日期或身份證號",
  id_gender_mismatch: "對照身份證核對性別或身份證號",
  invalid_date: "按 年-月-日 填寫真實存在的日期",
  ambiguous_date: "寫成 年-月（如 1990-07）",
  date_in_future: "核對日期，或調整統計截止日期",
  joined_under_18: "核對入黨時間和出生日期",
  full_member_before_probation: "核對入黨時間和轉正時間",
  probation_overdue: "核對轉正時間，或在備註中說明延長預備期的情況",
  stage_date_order: "核對入黨各環節的時間：遞交申請書、確定積極分子、確定發展對象、入黨、轉正應依次在後",
  invalid_phone: "填寫11位手機號或帶區號的固定電話",
  unknown_value: "從可選值中選擇，或在名冊設置中加入本單位的寫法",
  legacy_id_upgraded: "核對後換成18位身份證號",
  approximate_count: "填寫確切的數字",
  invalid_count: "填寫人數或個數（整數）",
  text_too_long: "精簡內容",
};

const EN: Record<IssueCode, string> = {
  missing_required: "Fill it in; where the whole column is missing, add it to the roster",
  missing_contact: "Add a phone number or an address; where the whole column is missing, add it to the roster",
  missing_status: "Fill in the member's status (normal, lost contact, mobile, ...); where the whole column is missing, add a status column to the roster",
  invalid_id_format: "Check the number against the ID card (18 characters, the last may be X)",
  invalid_id_checksum: "Check the number digit by digit against the ID card: usually one digit is mistyped",
  id_precision_lost: "Format the column as text and type the full number again",
  duplicate_id: "Check both members' ID numbers: remove the duplicate entry or correct the mistyped one",
  id_birthdate_mismatch: "Check the birth date or the ID number against the ID card",
  id_gender_mismatch: "Check the gender or the ID number against the ID card",
  invalid_date: "Write a real date as year-month-day",
  ambiguous_date: "Write it as year-month (e.g. 1990-07)",
  date_in_future: "Check the date, or the report's as-of date",
  joined_under_18: "Check the join date and the birth date",
  full_member_before_probation: "Check the join date and the full-membership date",
  probation_overdue: "Check the full-membership date, or note the extended probation",
  stage_date_order: "Check the dates of the steps: application, activist, candidate, joining and full membership come in that order",
  invalid_phone: "Write an 11-digit mobile number or a landline with its area code",
  unknown_value: "Choose one of the allowed values, or add your office's spelling on the settings sheet",
  legacy_id_upgraded: "Check it, then replace it with the 18-character ID number",
  approximate_count: "Write the exact number",
  invalid_count: "Write a whole number",
  text_too_long: "Shorten it",
};

const HINTS: Record<Lang, Record<IssueCode, string>> = { "zh-CN": ZH_CN, "zh-TW": ZH_TW, en: EN };

export function issueHint(code: IssueCode, lang: Lang): string {
  return HINTS[lang][code];
}
