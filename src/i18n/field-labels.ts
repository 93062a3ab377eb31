// Field names as staff read them, per language.
import { Lang } from "../domain/vocabulary";

type Labels = Record<string, string>;

export const FIELD_LABELS: Record<Lang, Labels> = {
  "zh-CN": {
    name: "姓名", gender: "性别", ethnicity: "民族", birthDate: "出生日期", idNumber: "身份证号", education: "学历",
    joinDate: "入党时间", fullMemberDate: "转正时间", applicationDate: "递交入党申请书时间", activistDate: "确定为入党积极分子时间", candidateDate: "确定为发展对象时间", category: "党员类别", membershipType: "预备/正式", branch: "所在支部",
    phone: "联系电话", address: "家庭住址", workUnit: "工作单位", employment: "就业情况", status: "状态",
    lostContactFlag: "是否失联党员", mobileFlag: "是否流动党员", reductionReason: "减少原因", tags: "标签", ideology: "思想动态", livingSituation: "生活状况",
    role: "发挥作用情况", responsibilityArea: "党员责任区", note: "备注", settings: "设置",
    jobsCreated: "新增岗位", laidOffPlaced: "安置下岗失业人员", type: "类型", insertedRows: "插入的行",
  },
  "zh-TW": {
    name: "姓名", gender: "性別", ethnicity: "民族", birthDate: "出生日期", idNumber: "身份證號", education: "學歷",
    joinDate: "入黨時間", fullMemberDate: "轉正時間", applicationDate: "遞交入黨申請書時間", activistDate: "確定為入黨積極分子時間", candidateDate: "確定為發展對象時間", category: "黨員類別", membershipType: "預備/正式", branch: "所在支部",
    phone: "聯繫電話", address: "家庭住址", workUnit: "工作單位", employment: "就業情況", status: "狀態",
    lostContactFlag: "是否失聯黨員", mobileFlag: "是否流動黨員", reductionReason: "減少原因", tags: "標籤", ideology: "思想動態", livingSituation: "生活狀況",
    role: "發揮作用情況", responsibilityArea: "黨員責任區", note: "備註", settings: "設置",
    jobsCreated: "新增崗位", laidOffPlaced: "安置下崗失業人員", type: "類型", insertedRows: "插入的列",
  },
  en: {
    name: "name", gender: "gender", ethnicity: "ethnicity", birthDate: "birth date", idNumber: "ID number",
    education: "education", joinDate: "join date", fullMemberDate: "full membership date", applicationDate: "application date", activistDate: "activist date", candidateDate: "candidate date", category: "category",
    membershipType: "probationary/full", branch: "branch", phone: "phone", address: "address", workUnit: "work unit",
    employment: "employment", status: "status", lostContactFlag: "lost contact?", mobileFlag: "mobile?", reductionReason: "reason for leaving", tags: "tags",
    ideology: "ideological state", livingSituation: "living situation", role: "role", responsibilityArea: "responsibility area",
    note: "note", settings: "settings", jobsCreated: "jobs created", laidOffPlaced: "laid-off workers placed", type: "type", insertedRows: "rows inserted",
  },
};

export function fieldLabel(field: string, lang: Lang): string {
  return FIELD_LABELS[lang][field] ?? field;
}
