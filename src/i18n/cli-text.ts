// Words of the CLI's readable summary, per language.
import { Lang } from "../domain/vocabulary";

export interface CliText {
  members: (n: number, rows: number) => string;
  rosterAt: (sheet: string, header: number, first: number, last: number) => string;
  byCategoryAndBranch: string;
  category: string;
  total: string;
  issues: (errors: number, warnings: number, infos: number) => string;
  noIssues: string;
  lookFirst: string;
  more: (n: number) => string;
  lostContact: (n: number) => string;
  projects: (count: number, jobs: number, placed: number) => string;
  reportWritten: (path: string) => string;
  workbookWritten: (path: string, fixed: boolean) => string;
  asOf: (d: string) => string;
}

export const CLI_TEXT: Record<Lang, CliText> = {
  "zh-CN": {
    members: (n, rows) => `党员 ${n} 名（读取 ${rows} 行）`,
    rosterAt: (s, h, f, l) => `  名册「${s}」：表头第${h}行，数据第${f}-${l}行`,
    byCategoryAndBranch: "按类别和支部：",
    category: "类别",
    total: "合计",
    issues: (e, w, i) => `问题：错误 ${e}，警告 ${w}，提示 ${i}`,
    noIssues: "未发现问题。",
    lookFirst: "先看这些：",
    more: (n) => `  ……另有 ${n} 条，见报告`,
    lostContact: (n) => `失联党员 ${n} 名`,
    projects: (c, j, p) => `党员引领项目 ${c} 个，新增岗位 ${j} 个，安置下岗失业人员 ${p} 人`,
    reportWritten: (p) => `报告已写入 ${p}`,
    workbookWritten: (p, fixed) => `已写出${fixed ? "修正后的" : "检查后的"}名册 ${p}`,
    asOf: (d) => `统计截止 ${d}`,
  },
  "zh-TW": {
    members: (n, rows) => `黨員 ${n} 名（讀取 ${rows} 行）`,
    rosterAt: (s, h, f, l) => `  名冊「${s}」：表頭第${h}行，數據第${f}-${l}行`,
    byCategoryAndBranch: "按類別和支部：",
    category: "類別",
    total: "合計",
    issues: (e, w, i) => `問題：錯誤 ${e}，警告 ${w}，提示 ${i}`,
    noIssues: "未發現問題。",
    lookFirst: "先看這些：",
    more: (n) => `  ……另有 ${n} 條，見報告`,
    lostContact: (n) => `失聯黨員 ${n} 名`,
    projects: (c, j, p) => `黨員引領項目 ${c} 個，新增崗位 ${j} 個，安置下崗失業人員 ${p} 人`,
    reportWritten: (p) => `報告已寫入 ${p}`,
    workbookWritten: (p, fixed) => `已寫出${fixed ? "修正後的" : "檢查後的"}名冊 ${p}`,
    asOf: (d) => `統計截止 ${d}`,
  },
  en: {
    members: (n, rows) => `${n} members (${rows} rows read)`,
    rosterAt: (s, h, f, l) => `  roster "${s}": header row ${h}, data rows ${f}-${l}`,
    byCategoryAndBranch: "By category and branch:",
    category: "category",
    total: "total",
    issues: (e, w, i) => `Issues: ${e} errors, ${w} warnings, ${i} info`,
    noIssues: "No issues found.",
    lookFirst: "Look at these first:",
    more: (n) => `  ... ${n} more in the report`,
    lostContact: (n) => `${n} members lost contact`,
    projects: (c, j, p) => `${c} member-led projects, ${j} jobs created, ${p} laid-off workers placed`,
    reportWritten: (p) => `report written to ${p}`,
    workbookWritten: (p, fixed) => `${fixed ? "fixed" : "checked"} workbook written to ${p}`,
    asOf: (d) => `as of ${d}`,
  },
};
