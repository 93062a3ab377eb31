// Every word the product's own sheets show (SPEC section 7), per language. Enumeration labels come from
// domain/vocabulary.ts and field names from field-labels.ts; this holds the rest.
import { Lang } from "../domain/vocabulary";

export type ProductSheetKey = "issues" | "summary" | "tallies" | "changelog" | "settings";
export type SeverityWord = "error" | "warning" | "info";

export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export interface SheetText {
  readonly sheetNames: Readonly<Record<ProductSheetKey, string>>;
  readonly severity: Readonly<Record<SeverityWord, string>>;
  /** Row or column of empty or unreadable values (the `unknown` key). */
  readonly unknown: string;
  readonly total: string;
  /** 填报单位：… 统计截止：… under a title; a line to fill in where the unit is not configured. */
  readonly unitLine: (unit: string | undefined, asOf: string) => string;
  /** 填表人 / 审核人 lines at the foot of a printed summary. */
  readonly signatureLine: string;
  readonly issues: {
    readonly title: string;
    /** 工作表 | 单元格 | 姓名 | 字段 | 严重程度 | 问题 | 值 | 建议 */
    readonly headers: readonly string[];
    readonly countsLine: (c: SeverityCounts, asOf: string) => string;
    readonly none: string;
    readonly cutNote: (shown: number, total: number) => string;
    /** The suggestion where a fix would change the cell. */
    readonly fixTo: (to: string) => string;
    /** Export's per-branch lists: the list of the issues no branch owns (a member without a branch, a column missing
     * from the whole roster, the projects sheet). */
    readonly noBranch: string;
  };
  readonly summary: {
    readonly title: string;
    readonly captions: Readonly<Record<
      "categoryBranch" | "status" | "gender" | "education" | "age" | "standing" | "membershipType" | "employment" | "due",
      string
    >>;
    /** Column headings: the label column of each table, and the count column. */
    readonly heads: Readonly<Record<
      "categoryBranch" | "status" | "gender" | "education" | "age" | "standing" | "membershipType" | "employment" | "members",
      string
    >>;
    readonly counts: Readonly<Record<"women" | "ethnicMinorities" | "collegeOrAbove" | "probationary", string>>;
    /** The subtotal of the standing bands (full members), above the probationary members counted apart. */
    readonly fullSubtotal: string;
    /** 姓名 | 所在支部 | 入党时间 | 应转正时间 */
    readonly dueHeaders: readonly string[];
    readonly dueNone: string;
    /** After a due member's name where the sheet gives no type and no full-member date: whether made full is to confirm. */
    readonly toConfirm: string;
    /** The development pipeline (pipeline and activists lists; former members): caption, heading, stage names. */
    readonly pipelineCaption: string;
    readonly pipelineHead: string;
    readonly stages: Readonly<Record<string, string>>;
  };
  /** byAgeBand keys (age-bands.ts) -> label. */
  readonly ageBands: Readonly<Record<string, string>>;
  /** byPartyStanding keys (bands and `probationary`) -> label. */
  readonly standingBands: Readonly<Record<string, string>>;
  readonly tallies: {
    readonly title: string;
    readonly captions: Readonly<Record<"byType" | "byBranch" | "employment", string>>;
    readonly heads: Readonly<Record<"type" | "branch" | "count" | "jobsCreated" | "laidOffPlaced" | "categoryEmployment", string>>;
  };
  readonly changeLog: {
    /** 批次 | 时间 | 来源 | 工作表 | 单元格 | 身份证号或姓名 | 字段 | 原值 | 新值 | 已撤销 */
    readonly headers: readonly string[];
    readonly fix: string;
    readonly revert: string;
    /** Shown before the incoming file's name: 同步：名单.csv */
    readonly syncPrefix: string;
    readonly yes: string;
    readonly no: string;
  };
  /** 类型 | 键 | 值 */
  readonly settingsHeaders: readonly string[];
}

const n = (x: number): string => x.toLocaleString("en-US");

const ZH_CN: SheetText = {
  sheetNames: { issues: "名册问题", summary: "名册汇总", tallies: "项目与就业", changelog: "修改记录", settings: "名册设置" },
  severity: { error: "错误", warning: "警告", info: "提示" },
  unknown: "不详",
  total: "合计",
  unitLine: (unit, asOf) => `填报单位：${unit?.trim() || "________________"}　　统计截止：${asOf}`,
  signatureLine: "填表人：__________　　审核人：__________",
  issues: {
    title: "名册问题",
    headers: ["工作表", "单元格", "姓名", "字段", "严重程度", "问题", "值", "建议"],
    countsLine: (c, asOf) => `错误 ${n(c.error)} 条　警告 ${n(c.warning)} 条　提示 ${n(c.info)} 条　统计截止：${asOf}`,
    none: "未发现问题。",
    cutNote: (shown, total) => `列表已截断：共 ${n(total)} 条问题，此处只列出前 ${n(shown)} 条，其余见 JSON 报告。`,
    fixTo: (to) => `可自动修正为「${to}」`,
    noBranch: "无所属支部",
  },
  summary: {
    title: "名册汇总",
    captions: {
      categoryBranch: "一、党员类别及所在支部", status: "二、党员状态（含去世、转出）", gender: "三、性别及构成",
      education: "四、学历", age: "五、年龄结构（按统计截止日计算）", standing: "六、党龄（预备党员单列）",
      membershipType: "七、预备党员与正式党员", employment: "八、就业情况", due: "九、预备期已满或30天内期满的预备党员",
    },
    heads: {
      categoryBranch: "党员类别", status: "状态", gender: "项目", education: "学历", age: "年龄", standing: "党龄",
      membershipType: "类型", employment: "就业情况", members: "人数",
    },
    counts: { women: "其中：女党员", ethnicMinorities: "其中：少数民族党员", collegeOrAbove: "其中：大专及以上学历", probationary: "其中：预备党员" },
    fullSubtotal: "正式党员小计",
    dueHeaders: ["姓名", "所在支部", "入党时间", "应转正时间"],
    dueNone: "无",
    toConfirm: "（未填转正情况，待确认）",
    pipelineCaption: "十、发展党员及其他名单（不计入党员人数）",
    pipelineHead: "阶段",
    stages: { applicant: "入党申请人", activist: "入党积极分子", candidate: "发展对象", probationary: "预备党员", full: "正式党员", former: "历史党员（已减少）" },
  },
  ageBands: {
    "<=30": "30岁及以下", "31-35": "31-35岁", "36-40": "36-40岁", "41-45": "41-45岁", "46-50": "46-50岁",
    "51-55": "51-55岁", "56-60": "56-60岁", "61-65": "61-65岁", "66-70": "66-70岁", ">=71": "71岁及以上",
  },
  standingBands: {
    "<1": "不满1年", "1-5": "1-5年", "6-10": "6-10年", "11-20": "11-20年", "21-30": "21-30年", "31-40": "31-40年",
    "41-50": "41-50年", ">=51": "51年及以上", probationary: "预备党员",
  },
  tallies: {
    title: "项目与就业",
    captions: { byType: "一、党员引领项目（按类型）", byBranch: "二、党员引领项目（按所属社区）", employment: "三、就业情况（按党员类别）" },
    heads: {
      type: "类型", branch: "所属社区", count: "项目数", jobsCreated: "新增岗位", laidOffPlaced: "安置下岗失业人员",
      categoryEmployment: "党员类别",
    },
  },
  changeLog: {
    headers: ["批次", "时间", "来源", "工作表", "单元格", "身份证号或姓名", "字段", "原值", "新值", "已撤销"],
    fix: "修正", revert: "撤销", syncPrefix: "同步：", yes: "是", no: "否",
  },
  settingsHeaders: ["类型", "键", "值"],
};

const ZH_TW: SheetText = {
  sheetNames: { issues: "名冊問題", summary: "名冊匯總", tallies: "項目與就業", changelog: "修改記錄", settings: "名冊設置" },
  severity: { error: "錯誤", warning: "警告", info: "提示" },
  unknown: "不詳",
  total: "合計",
  unitLine: (unit, asOf) => `填報單位：${unit?.trim() || "________________"}　　統計截止：${asOf}`,
  signatureLine: "填表人：__________　　審核人：__________",
  issues: {
    title: "名冊問題",
    headers: ["工作表", "單元格", "姓名", "字段", "嚴重程度", "問題", "值", "建議"],
    countsLine: (c, asOf) => `錯誤 ${n(c.error)} 條　警告 ${n(c.warning)} 條　提示 ${n(c.info)} 條　統計截止：${asOf}`,
    none: "未發現問題。",
    cutNote: (shown, total) => `列表已截斷：共 ${n(total)} 條問題，此處只列出前 ${n(shown)} 條，其餘見 JSON 報告。`,
    fixTo: (to) => `可自動修正為「${to}」`,
    noBranch: "無所屬支部",
  },
  summary: {
    title: "名冊匯總",
    captions: {
      categoryBranch: "一、黨員類別及所在支部", status: "二、黨員狀態（含去世、轉出）", gender: "三、性別及構成",
      education: "四、學歷", age: "五、年齡結構（按統計截止日計算）", standing: "六、黨齡（預備黨員單列）",
      membershipType: "七、預備黨員與正式黨員", employment: "八、就業情況", due: "九、預備期已滿或30天內期滿的預備黨員",
    },
    heads: {
      categoryBranch: "黨員類別", status: "狀態", gender: "項目", education: "學歷", age: "年齡", standing: "黨齡",
      membershipType: "類型", employment: "就業情況", members: "人數",
    },
    counts: { women: "其中：女黨員", ethnicMinorities: "其中：少數民族黨員", collegeOrAbove: "其中：大專及以上學歷", probationary: "其中：預備黨員" },
    fullSubtotal: "正式黨員小計",
    dueHeaders: ["姓名", "所在支部", "入黨時間", "應轉正時間"],
    dueNone: "無",
    toConfirm: "（未填轉正情況，待確認）",
    pipelineCaption: "十、發展黨員及其他名單（不計入黨員人數）",
    pipelineHead: "階段",
    stages: { applicant: "入黨申請人", activist: "入黨積極分子", candidate: "發展對象", probationary: "預備黨員", full: "正式黨員", former: "歷史黨員（已減少）" },
  },
  ageBands: {
    "<=30": "30歲及以下", "31-35": "31-35歲", "36-40": "36-40歲", "41-45": "41-45歲", "46-50": "46-50歲",
    "51-55": "51-55歲", "56-60": "56-60歲", "61-65": "61-65歲", "66-70": "66-70歲", ">=71": "71歲及以上",
  },
  standingBands: {
    "<1": "不滿1年", "1-5": "1-5年", "6-10": "6-10年", "11-20": "11-20年", "21-30": "21-30年", "31-40": "31-40年",
    "41-50": "41-50年", ">=51": "51年及以上", probationary: "預備黨員",
  },
  tallies: {
    title: "項目與就業",
    captions: { byType: "一、黨員引領項目（按類型）", byBranch: "二、黨員引領項目（按所屬社區）", employment: "三、就業情況（按黨員類別）" },
    heads: {
      type: "類型", branch: "所屬社區", count: "項目數", jobsCreated: "新增崗位", laidOffPlaced: "安置下崗失業人員",
      categoryEmployment: "黨員類別",
    },
  },
  changeLog: {
    headers: ["批次", "時間", "來源", "工作表", "單元格", "身份證號或姓名", "字段", "原值", "新值", "已撤銷"],
    fix: "修正", revert: "撤銷", syncPrefix: "同步：", yes: "是", no: "否",
  },
  settingsHeaders: ["類型", "鍵", "值"],
};

const EN: SheetText = {
  sheetNames: { issues: "Roster issues", summary: "Roster summary", tallies: "Projects and jobs", changelog: "Change log", settings: "Roster settings" },
  severity: { error: "Error", warning: "Warning", info: "Info" },
  unknown: "Unknown",
  total: "Total",
  unitLine: (unit, asOf) => `Reporting unit: ${unit?.trim() || "________________"}    As of: ${asOf}`,
  signatureLine: "Prepared by: __________    Checked by: __________",
  issues: {
    title: "Roster issues",
    headers: ["Sheet", "Cell", "Name", "Field", "Severity", "Issue", "Value", "Suggestion"],
    countsLine: (c, asOf) => `Errors ${n(c.error)}    Warnings ${n(c.warning)}    Info ${n(c.info)}    As of: ${asOf}`,
    none: "No issues found.",
    cutNote: (shown, total) => `List cut: ${n(total)} issues in all, the first ${n(shown)} shown here; the JSON report has the rest.`,
    fixTo: (to) => `A fix can change it to "${to}"`,
    noBranch: "no branch",
  },
  summary: {
    title: "Roster summary",
    captions: {
      categoryBranch: "1. Members by category and branch", status: "2. Status (deceased and transferred out included)",
      gender: "3. Gender and composition", education: "4. Education", age: "5. Age (as of the report date)",
      standing: "6. Party standing (probationary members apart)", membershipType: "7. Probationary and full members",
      employment: "8. Employment", due: "9. Probationary members due for full membership (ended or ending within 30 days)",
    },
    heads: {
      categoryBranch: "Category", status: "Status", gender: "Item", education: "Education", age: "Age", standing: "Standing",
      membershipType: "Type", employment: "Employment", members: "Members",
    },
    counts: {
      women: "of whom women", ethnicMinorities: "of whom ethnic minorities", collegeOrAbove: "of whom college or above",
      probationary: "of whom probationary",
    },
    fullSubtotal: "Full members, subtotal",
    dueHeaders: ["Name", "Branch", "Join date", "Due date"],
    dueNone: "None",
    toConfirm: " (no full membership recorded: to confirm)",
    pipelineCaption: "10. Development pipeline and other lists (not counted as members)",
    pipelineHead: "Stage",
    stages: { applicant: "Applicants", activist: "Activists", candidate: "Candidates", probationary: "Probationary (pipeline)", full: "Full (pipeline)", former: "Former members" },
  },
  ageBands: {
    "<=30": "30 and under", "31-35": "31-35", "36-40": "36-40", "41-45": "41-45", "46-50": "46-50",
    "51-55": "51-55", "56-60": "56-60", "61-65": "61-65", "66-70": "66-70", ">=71": "71 and over",
  },
  standingBands: {
    "<1": "Under 1 year", "1-5": "1-5 years", "6-10": "6-10 years", "11-20": "11-20 years", "21-30": "21-30 years",
    "31-40": "31-40 years", "41-50": "41-50 years", ">=51": "51 years and over", probationary: "Probationary",
  },
  tallies: {
    title: "Projects and jobs",
    captions: { byType: "1. Member-led projects by type", byBranch: "2. Member-led projects by community", employment: "3. Employment by member category" },
    heads: {
      type: "Type", branch: "Community", count: "Projects", jobsCreated: "Jobs created", laidOffPlaced: "Laid-off workers placed",
      categoryEmployment: "Category",
    },
  },
  changeLog: {
    headers: ["Batch", "Time", "Source", "Sheet", "Cell", "Member key", "Field", "Old value", "New value", "Reverted"],
    fix: "fix", revert: "revert", syncPrefix: "sync:", yes: "yes", no: "no",
  },
  settingsHeaders: ["kind", "key", "value"],
};

export const SHEET_TEXT: Readonly<Record<Lang, SheetText>> = { "zh-CN": ZH_CN, "zh-TW": ZH_TW, en: EN };

export function sheetText(lang: Lang): SheetText {
  return SHEET_TEXT[lang];
}
