// Words of the command line, per language: the summary, progress, the next step and the help.
import { Lang } from "../domain/vocabulary";

export interface CliText {
  members: (n: number, rows: number) => string;
  /** The rows read as the development pipeline or former members, by stage ("发展对象 24 名"), apart from the members. */
  pipeline: (parts: readonly string[]) => string;
  rosterAt: (sheet: string, header: number, first: number, last: number) => string;
  byCategoryAndBranch: string;
  category: string;
  total: string;
  issues: (errors: number, warnings: number, infos: number) => string;
  noIssues: string;
  lookFirst: string;
  /** `report`: where the whole list was written (undefined: no report this run). */
  more: (n: number, report?: string) => string;
  /** Members lost contact; `unknown`: members whose status nothing on the roster states (not counted as lost, nor as not). */
  lostContact: (n: number, unknown: number) => string;
  projects: (count: number, jobs: number, placed: number) => string;
  reportWritten: (path: string) => string;
  workbookWritten: (path: string, fixed: boolean) => string;
  /** After --fix: how many values were written, the change-log batch they went into and how to undo it. */
  fixed: (n: number, batch: number, out: string) => string;
  /** After --fix with nothing to write: the roster's values are as they were. */
  nothingFixed: string;
  asOf: (d: string) => string;
  /** The label of the `unknown` key (a member with no branch or category). */
  unknown: string;
  /** "[error]" as shown before each issue line. */
  severity: Readonly<Record<"error" | "warning" | "info", string>>;
  /** After the summary: what to do next, in one line (undefined when nothing is left to do). */
  nextStep: (o: { file: string; out?: string; fix: boolean; fixable: number }) => string | undefined;
  progress: {
    reading: (file: string, mb: string) => string;
    checking: (sheet: string) => string;
    writing: (file: string) => string;
    checked: (rows: number, seconds: string) => string;
  };
  /** dropLog: the change log went too (no fix can be reverted now). */
  cleared: (out: string, dropLog: boolean) => string;
  /** syncOf: the incoming file of a sync batch (a fix's batch: undefined). */
  reverted: (out: string, batch: number, syncOf?: string) => string;
  help: CliHelp;
}

/** The command line's help, per language (commander's own headings included). */
export interface CliHelp {
  program: string;
  usage: string;
  arguments: string;
  options: string;
  commands: string;
  /** "[options]" and "[command]" in the usage line. */
  optionsWord: string;
  commandWord: string;
  helpOption: string;
  helpCommand: string;
  versionOption: string;
  check: string;
  clear: string;
  revert: string;
  argWorkbook: string;
  argProductWorkbook: string;
  argFixedWorkbook: string;
  report: string;
  out: string;
  fix: string;
  asOf: string;
  lang: string;
  quiet: string;
  clearOut: string;
  dropLog: string;
  batch: string;
  revertOut: string;
  revertAsOf: string;
  revertLang: string;
}

export const CLI_TEXT: Record<Lang, CliText> = {
  "zh-CN": {
    members: (n, rows) => `党员 ${n} 名（读取 ${rows} 行）`,
    pipeline: (parts) => `不计入党员人数：${parts.join("，")}`,
    rosterAt: (s, h, f, l) => `  名册「${s}」：表头第${h}行，数据第${f}-${l}行`,
    byCategoryAndBranch: "按类别和支部：",
    category: "类别",
    total: "合计",
    issues: (e, w, i) => `问题：错误 ${e}，警告 ${w}，提示 ${i}`,
    noIssues: "未发现问题。",
    lookFirst: "先看这些：",
    more: (n, report) => (report ? `  ……另有 ${n} 条，见报告 ${report}` : `  ……另有 ${n} 条；加 --report 报告.json 可写出全部问题`),
    lostContact: (n, unknown) => `失联党员 ${n} 名${unknown ? `（另有 ${unknown} 名党员状态不详）` : ""}`,
    projects: (c, j, p) => `党员引领项目 ${c} 个，新增岗位 ${j} 个，安置下岗失业人员 ${p} 人`,
    reportWritten: (p) => `报告已写入 ${p}`,
    workbookWritten: (p, fixed) => `已写出${fixed ? "修正后的" : "检查后的"}名册 ${p}`,
    fixed: (n, batch, out) => `已修正 ${n} 处值，原值记入修改记录第 ${batch} 批；要撤销：roster revert ${out} --batch ${batch} --out 撤销后.xlsx`,
    nothingFixed: "没有可自动修正的值，名册中的值未改动",
    asOf: (d) => `统计截止 ${d}`,
    unknown: "不详",
    severity: { error: "错误", warning: "警告", info: "提示" },
    nextStep: ({ file, out, fix, fixable }) => {
      if (fix) return undefined;
      const fixPart = fixable > 0 ? `${out ? "再加" : "同时加"} --fix 可自动修正 ${fixable} 处值（也可只修几类，如 --fix ids,dates）` : "";
      if (!out) return `下一步：roster check ${file} --out 检查后.xlsx 写出带标注的名册${fixPart ? `；${fixPart}` : ""}`;
      return fixPart ? `下一步：${fixPart}（写入新文件，原值记入修改记录）` : undefined;
    },
    progress: {
      reading: (f, mb) => `正在读取 ${f}（${mb} MB）`,
      checking: (sheet) => `正在检查工作表「${sheet}」`,
      writing: (f) => `正在写出 ${f}`,
      checked: (rows, sec) => `已检查 ${rows} 行，用时 ${sec} 秒`,
    },
    cleared: (out, dropLog) => (dropLog ? `${out}：已去掉标注、本工具的工作表和修改记录（保留设置表；此后无法再撤销修正）` : `${out}：已去掉标注和本工具的工作表（保留修改记录和设置表，仍可撤销修正）`),
    reverted: (out, batch, syncOf) => (syncOf === undefined ? `${out}：已撤销第 ${batch} 批修正` : `${out}：已撤销第 ${batch} 批（同步 ${syncOf}）`),
    help: {
      program: "检查党员花名册工作簿并生成报告（名册助手）",
      usage: "用法：",
      arguments: "参数：",
      options: "选项：",
      commands: "命令：",
      optionsWord: "[选项]",
      commandWord: "[命令]",
      helpOption: "显示帮助",
      helpCommand: "显示某个命令的帮助",
      versionOption: "显示版本号",
      check: "检查工作簿中的每张花名册；显示汇总；可写出 JSON 报告和检查后的工作簿",
      clear: "去掉工作簿中的标注和本工具的工作表（写入新文件）",
      revert: "撤销修改记录中的一批修正（写入新文件）",
      argWorkbook: "花名册工作簿（.xlsx）",
      argProductWorkbook: "本工具写出的工作簿",
      argFixedWorkbook: "本工具修正过的工作簿",
      report: "把 JSON 报告（SPEC 第 6 节）写到这里",
      out: "把检查后的工作簿写到这里：标注、问题表和汇总表（从不覆盖输入文件）",
      fix: "与 --out 同用：同时写入规范化后的值，每处都记入修改记录表；可只选几类，如 --fix ids,dates（ids 身份证号、dates 日期、phones 电话、labels 选项、spaces 空格文字）",
      asOf: "统计截止日期 yyyy-mm-dd（默认：设置表中的日期，否则今天）",
      lang: "语言：zh-CN、zh-TW 或 en（默认按系统语言 LANG，否则按名册）",
      quiet: "成功时不输出",
      clearOut: "清理后的工作簿写到这里",
      dropLog: "同时删除修改记录表（此后无法再撤销任何修正）",
      batch: "修改记录表中的批次号",
      revertOut: "撤销后的工作簿写到这里",
      revertAsOf: "重新检查用的统计截止日期 yyyy-mm-dd",
      revertLang: "本工具工作表的语言",
    },
  },
  "zh-TW": {
    members: (n, rows) => `黨員 ${n} 名（讀取 ${rows} 行）`,
    pipeline: (parts) => `不計入黨員人數：${parts.join("，")}`,
    rosterAt: (s, h, f, l) => `  名冊「${s}」：表頭第${h}行，數據第${f}-${l}行`,
    byCategoryAndBranch: "按類別和支部：",
    category: "類別",
    total: "合計",
    issues: (e, w, i) => `問題：錯誤 ${e}，警告 ${w}，提示 ${i}`,
    noIssues: "未發現問題。",
    lookFirst: "先看這些：",
    more: (n, report) => (report ? `  ……另有 ${n} 條，見報告 ${report}` : `  ……另有 ${n} 條；加 --report 報告.json 可寫出全部問題`),
    lostContact: (n, unknown) => `失聯黨員 ${n} 名${unknown ? `（另有 ${unknown} 名黨員狀態不詳）` : ""}`,
    projects: (c, j, p) => `黨員引領項目 ${c} 個，新增崗位 ${j} 個，安置下崗失業人員 ${p} 人`,
    reportWritten: (p) => `報告已寫入 ${p}`,
    workbookWritten: (p, fixed) => `已寫出${fixed ? "修正後的" : "檢查後的"}名冊 ${p}`,
    fixed: (n, batch, out) => `已修正 ${n} 處值，原值記入修改記錄第 ${batch} 批；要復原：roster revert ${out} --batch ${batch} --out 復原後.xlsx`,
    nothingFixed: "沒有可自動修正的值，名冊中的值未改動",
    asOf: (d) => `統計截止 ${d}`,
    unknown: "不詳",
    severity: { error: "錯誤", warning: "警告", info: "提示" },
    nextStep: ({ file, out, fix, fixable }) => {
      if (fix) return undefined;
      const fixPart = fixable > 0 ? `${out ? "再加" : "同時加"} --fix 可自動修正 ${fixable} 處值（也可只修幾類，如 --fix ids,dates）` : "";
      if (!out) return `下一步：roster check ${file} --out 檢查後.xlsx 寫出帶標註的名冊${fixPart ? `；${fixPart}` : ""}`;
      return fixPart ? `下一步：${fixPart}（寫入新檔案，原值記入修改記錄）` : undefined;
    },
    progress: {
      reading: (f, mb) => `正在讀取 ${f}（${mb} MB）`,
      checking: (sheet) => `正在檢查工作表「${sheet}」`,
      writing: (f) => `正在寫出 ${f}`,
      checked: (rows, sec) => `已檢查 ${rows} 行，用時 ${sec} 秒`,
    },
    cleared: (out, dropLog) => (dropLog ? `${out}：已移除標註、本工具的工作表和修改記錄（保留設定表；此後無法再撤銷修正）` : `${out}：已移除標註和本工具的工作表（保留修改記錄和設定表，仍可撤銷修正）`),
    reverted: (out, batch, syncOf) => (syncOf === undefined ? `${out}：已復原第 ${batch} 批修正` : `${out}：已復原第 ${batch} 批（同步 ${syncOf}）`),
    help: {
      program: "檢查黨員花名冊活頁簿並產生報告（名冊助手）",
      usage: "用法：",
      arguments: "參數：",
      options: "選項：",
      commands: "指令：",
      optionsWord: "[選項]",
      commandWord: "[指令]",
      helpOption: "顯示說明",
      helpCommand: "顯示某個指令的說明",
      versionOption: "顯示版本號",
      check: "檢查活頁簿中的每張花名冊；顯示彙總；可寫出 JSON 報告和檢查後的活頁簿",
      clear: "移除活頁簿中的標註和本工具的工作表（寫入新檔案）",
      revert: "復原修改記錄中的一批修正（寫入新檔案）",
      argWorkbook: "花名冊活頁簿（.xlsx）",
      argProductWorkbook: "本工具寫出的活頁簿",
      argFixedWorkbook: "本工具修正過的活頁簿",
      report: "把 JSON 報告（SPEC 第 6 節）寫到這裡",
      out: "把檢查後的活頁簿寫到這裡：標註、問題表和彙總表（從不覆寫輸入檔案）",
      fix: "與 --out 同用：同時寫入規範化後的值，每處都記入修改記錄表；可只選幾類，如 --fix ids,dates（ids 身份證號、dates 日期、phones 電話、labels 選項、spaces 空格文字）",
      asOf: "統計截止日期 yyyy-mm-dd（預設：設定表中的日期，否則今天）",
      lang: "語言：zh-CN、zh-TW 或 en（預設依系統語言 LANG，否則依名冊）",
      quiet: "成功時不輸出",
      clearOut: "清理後的活頁簿寫到這裡",
      dropLog: "同時刪除修改記錄表（此後無法再撤銷任何修正）",
      batch: "修改記錄表中的批次號",
      revertOut: "復原後的活頁簿寫到這裡",
      revertAsOf: "重新檢查用的統計截止日期 yyyy-mm-dd",
      revertLang: "本工具工作表的語言",
    },
  },
  en: {
    members: (n, rows) => `${n} members (${rows} rows read)`,
    pipeline: (parts) => `Not counted as members: ${parts.join(", ")}`,
    rosterAt: (s, h, f, l) => `  roster "${s}": header row ${h}, data rows ${f}-${l}`,
    byCategoryAndBranch: "By category and branch:",
    category: "category",
    total: "total",
    issues: (e, w, i) => `Issues: ${e} errors, ${w} warnings, ${i} info`,
    noIssues: "No issues found.",
    lookFirst: "Look at these first:",
    more: (n, report) => (report ? `  ... ${n} more in the report ${report}` : `  ... ${n} more; add --report report.json to write them all`),
    lostContact: (n, unknown) => `${n} members lost contact${unknown ? ` (status unknown for ${unknown} more)` : ""}`,
    projects: (c, j, p) => `${c} member-led projects, ${j} jobs created, ${p} laid-off workers placed`,
    reportWritten: (p) => `report written to ${p}`,
    workbookWritten: (p, fixed) => `${fixed ? "fixed" : "checked"} workbook written to ${p}`,
    fixed: (n, batch, out) => `${n} value${n === 1 ? "" : "s"} corrected, the old values logged as batch ${batch}; to undo: roster revert ${out} --batch ${batch} --out reverted.xlsx`,
    nothingFixed: "nothing to correct: the roster's values are unchanged",
    asOf: (d) => `as of ${d}`,
    unknown: "unknown",
    severity: { error: "error", warning: "warning", info: "info" },
    nextStep: ({ file, out, fix, fixable }) => {
      if (fix) return undefined;
      const fixPart = fixable > 0 ? `add --fix${out ? "" : " as well"} to correct the ${fixable} fixable value${fixable === 1 ? "" : "s"}` : "";
      if (!out) return `Next: roster check ${file} --out checked.xlsx writes the checked workbook${fixPart ? `; ${fixPart}` : ""}`;
      return fixPart ? `Next: ${fixPart} (into a new file; each old value is logged)` : undefined;
    },
    progress: {
      reading: (f, mb) => `reading ${f} (${mb} MB)`,
      checking: (sheet) => `checking sheet ${sheet}`,
      writing: (f) => `writing ${f}`,
      checked: (rows, sec) => `checked ${rows} rows in ${sec} s`,
    },
    cleared: (out, dropLog) => (dropLog ? `${out}: flags, the product's sheets and the change log removed (the settings sheet is kept; no fix can be reverted now)` : `${out}: flags and the product's sheets removed (the change log and the settings sheet are kept: revert still works)`),
    reverted: (out, batch, syncOf) => (syncOf === undefined ? `${out}: batch ${batch} reverted` : `${out}: batch ${batch} (sync of ${syncOf}) reverted`),
    help: {
      program: "Check a party-member roster workbook and report (Roster Assistant)",
      usage: "Usage:",
      arguments: "Arguments:",
      options: "Options:",
      commands: "Commands:",
      optionsWord: "[options]",
      commandWord: "[command]",
      helpOption: "display help for command",
      helpCommand: "display help for command",
      versionOption: "output the version number",
      check: "check every roster sheet of a workbook; print a summary; write the JSON report",
      clear: "remove the flags and the product's sheets from a workbook (into a new file)",
      revert: "undo one logged batch of fixes (into a new file)",
      argWorkbook: "the roster workbook (.xlsx)",
      argProductWorkbook: "a workbook the product wrote",
      argFixedWorkbook: "a workbook the product fixed",
      report: "write the JSON report (SPEC section 6) here",
      out: "write the checked workbook here: flags, the issues and summary sheets (never over the input)",
      fix: "with --out: also write the normalised values, each logged in the change-log sheet; or only some kinds, e.g. --fix ids,dates (ids, dates, phones, labels, spaces)",
      asOf: "report date yyyy-mm-dd (default: the settings sheet's, else today)",
      lang: "language: zh-CN, zh-TW or en (default: the system's LANG, else the roster's)",
      quiet: "print nothing on success",
      clearOut: "where to write the cleared workbook",
      dropLog: "also remove the change log (after which no fix can be reverted)",
      batch: "the batch number in the change-log sheet",
      revertOut: "where to write the reverted workbook",
      revertAsOf: "report date for the refreshed check, yyyy-mm-dd",
      revertLang: "language of the product's sheets",
    },
  },
};
