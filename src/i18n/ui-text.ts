// Every word the task pane, the ribbon command's dialog and the help page show, per language (zh-CN is the default).
// Issue messages come from issue-messages.ts and field names from field-labels.ts; this holds the rest.
import { FixKind } from "../domain/fix-kinds";
import { IssueCode } from "../domain/schema";
import { Lang } from "../domain/vocabulary";

/** The steps a running operation reports (the app's ProgressStep). */
export type UiStep = "reading" | "checking" | "writing" | "fixing" | "reverting" | "clearing" | "saving" | "selecting";
export type UiSeverity = "error" | "warning" | "info";

export interface UiText {
  readonly appTitle: string;
  readonly tabs: { readonly check: string; readonly summaries: string; readonly settings: string };
  readonly check: {
    readonly button: string;
    readonly hint: string;
    readonly live: string;
    readonly liveHint: string;
    readonly results: string;
    readonly members: (members: number, rows: number) => string;
    readonly noIssues: string;
    readonly issuesHeading: string;
    readonly groupCount: (n: number) => string;
    readonly showMore: (shown: number, total: number) => string;
    /** Accessible name of an issue row: where it is and what is wrong. */
    readonly goTo: (sheet: string, cell: string, message: string) => string;
    readonly notChecked: string;
    /** A cell's value as quoted after a message. */
    readonly quoted: (value: string) => string;
  };
  readonly severity: Readonly<Record<UiSeverity, string>>;
  readonly issueTitles: Readonly<Record<IssueCode, string>>;
  readonly fixes: {
    readonly heading: string;
    readonly hint: string;
    readonly preview: string;
    readonly hidePreview: string;
    readonly apply: string;
    readonly count: (n: number) => string;
    readonly none: string;
    readonly empty: string;
    /** One previewed change: field, old value (already quoted or "(empty)"), new value. */
    readonly changeLine: (field: string, from: string, to: string) => string;
    readonly applied: (batch: number, n: number) => string;
    readonly skipped: (n: number) => string;
    readonly nothingApplied: string;
    readonly batch: (batch: number) => string;
    readonly revert: string;
    readonly reverted: (batch: number) => string;
    readonly nothingToRevert: string;
    /** The kinds of fix the clerk may choose (ids, dates, phones, labels, spaces), with the count of each. */
    readonly kindsLabel: string;
    readonly kinds: Readonly<Record<FixKind, string>>;
  };
  readonly clear: {
    readonly button: string;
    readonly hint: string;
    readonly done: string;
    readonly dropLog: string;
    readonly confirmDropLog: (unreverted: number) => string;
    readonly confirm: string;
    readonly cancel: string;
    readonly doneWithLog: string;
  };
  readonly progress: {
    readonly label: string;
    readonly steps: Readonly<Record<UiStep, string>>;
    readonly sheet: (step: string, sheet: string) => string;
    readonly cancel: string;
    readonly cancelled: string;
    /** A fix cancelled while its cells were being written: what was written is put back, and logged. */
    readonly cancelledFix: (batch: number) => string;
    /** Cells written so far, of all. */
    readonly count: (step: string, done: number, total: number) => string;
  };
  readonly summaries: {
    readonly heading: string;
    readonly hint: string;
    readonly asOf: string;
    readonly write: string;
    readonly written: (asOf: string) => string;
    readonly badDate: string;
  };
  readonly settings: {
    readonly mappingHeading: string;
    readonly hint: string;
    readonly load: string;
    readonly sheet: string;
    readonly field: string;
    readonly column: string;
    readonly notMapped: string;
    readonly save: string;
    readonly saved: (n: number, sheet: string) => string;
    readonly unchanged: string;
    readonly duplicate: (column: string, fields: string) => string;
    readonly noRoster: string;
    readonly language: string;
    readonly languageHint: string;
    readonly languages: Readonly<Record<Lang, string>>;
  };
  readonly status: {
    readonly checked: (errors: number, warnings: number, infos: number, members: number) => string;
    readonly noRoster: (sheets: string) => string;
    readonly failed: (reason: string) => string;
    readonly noExcel: string;
  };
  readonly dialog: {
    readonly title: string;
    readonly checked: (errors: number, warnings: number, infos: number, members: number) => string;
    readonly whereToLook: string;
    readonly openPane: (rows: number) => string;
    readonly close: string;
  };
  readonly help: {
    readonly title: string;
    readonly intro: string;
    readonly steps: readonly string[];
    readonly privacy: string;
  };
  /** What an Excel whose add-in engine is too old (Internet Explorer, legacy Edge) shows instead of the pane. */
  readonly legacy: {
    readonly title: string;
    readonly body: string;
    readonly steps: readonly string[];
  };
}

const ZH_CN: UiText = {
  appTitle: "名册助手",
  tabs: { check: "检查", summaries: "汇总", settings: "设置" },
  check: {
    button: "检查名册",
    hint: "检查当前工作簿中的每一份名册：在表格上标出问题，写入问题清单和汇总表。不改动任何单元格的值。",
    live: "边改边查",
    liveHint: "修改名册后自动重新检查（停止输入约 1.5 秒后）。",
    results: "检查结果",
    members: (n, rows) => `党员 ${n} 名（读取 ${rows} 行）`,
    noIssues: "未发现问题。",
    issuesHeading: "问题（点击一条可跳到对应单元格）",
    groupCount: (n) => `${n} 条`,
    showMore: (shown, total) => `再显示一些（已显示 ${shown} / ${total}）`,
    goTo: (sheet, cell, message) => `${sheet} ${cell}：${message}`,
    notChecked: "尚未检查。点击“检查名册”开始。",
    quoted: (v) => `「${v}」`,
  },
  severity: { error: "错误", warning: "警告", info: "提示" },
  issueTitles: {
    missing_required: "必填项为空",
    missing_contact: "联系方式不全",
    missing_status: "党员状态为空",
    invalid_id_format: "身份证号格式不对",
    invalid_id_checksum: "身份证号校验位不对",
    id_precision_lost: "身份证号存成了数字",
    duplicate_id: "身份证号重复",
    id_birthdate_mismatch: "出生日期与身份证号不符",
    id_gender_mismatch: "性别与身份证号不符",
    invalid_date: "日期无法识别",
    ambiguous_date: "日期有歧义",
    date_in_future: "日期晚于统计截止日",
    joined_under_18: "入党时未满18周岁",
    full_member_before_probation: "转正早于预备期满",
    probation_overdue: "预备期超过两年",
    stage_date_order: "入党各环节时间顺序不对",
    invalid_phone: "电话号码无效",
    unknown_value: "不在可选值内",
    legacy_id_upgraded: "15位旧身份证号",
    approximate_count: "数量为约数",
    invalid_count: "数量无法识别",
    text_too_long: "文字过长",
  },
  fixes: {
    heading: "规范化修正",
    hint: "把日期、身份证号、电话和类别等写成规范形式。每处修改先记入“修改记录”工作表，可整批撤销；公式单元格不会被改写。",
    preview: "预览修正",
    hidePreview: "收起预览",
    apply: "应用修正",
    count: (n) => `可修正 ${n} 处`,
    none: "没有需要修正的值。",
    empty: "（空）",
    changeLine: (f, from, to) => `${f}：${from} → ${to}`,
    applied: (b, n) => `已应用第 ${b} 批修正，共 ${n} 处，并已重新检查。`,
    skipped: (n) => `另有 ${n} 处在预览后已被改动，未写入。`,
    nothingApplied: "没有写入任何修正：预览中的单元格在此期间已被改动。请重新检查后再预览。",
    batch: (b) => `第 ${b} 批`,
    revert: "撤销上一批修正",
    reverted: (b) => `已撤销第 ${b} 批修正，原值已恢复。`,
    nothingToRevert: "修改记录中没有可以撤销的批次。",
    kindsLabel: "修正哪几类", kinds: { ids: "身份证号", dates: "日期", phones: "电话", labels: "选项（性别、学历、类别等）", spaces: "空格与全角字符" },
  },
  clear: {
    button: "清除标记",
    hint: "移除问题标记和本工具生成的检查工作表。修改记录和名册设置保留，仍可撤销修正。",
    done: "已清除问题标记和生成的工作表；修改记录保留。",
    dropLog: "同时删除修改记录…",
    confirmDropLog: (n) => (n > 0 ? `修改记录中有 ${n} 项修改尚未撤销，删除后将无法再撤销。确定删除修改记录吗？` : "修改记录中没有可撤销的修改。确定删除修改记录吗？"),
    confirm: "删除修改记录并清除",
    cancel: "取消",
    doneWithLog: "已清除问题标记、生成的工作表和修改记录。",
  },
  progress: {
    label: "正在处理",
    steps: {
      reading: "正在读取工作簿……", checking: "正在检查……", writing: "正在写入标记和工作表……", fixing: "正在写入修正……",
      reverting: "正在撤销……", clearing: "正在清除……", saving: "正在保存设置……", selecting: "正在定位……",
    },
    sheet: (step, sheet) => `${step}「${sheet}」`,
    cancel: "取消",
    cancelled: "已取消，工作簿未被改动。",
    cancelledFix: (batch) => `已取消：第 ${batch} 批修正已全部撤回（修改记录中有记载），名册与修正前相同。`,
    count: (step, done, total) => `${step}（${done.toLocaleString("zh-CN")} / ${total.toLocaleString("zh-CN")}）`,
  },
  summaries: {
    heading: "上报汇总表",
    hint: "按统计截止日期重新生成“名册汇总”和“项目与就业”工作表，不改动名册本身。",
    asOf: "统计截止日期",
    write: "生成 / 更新汇总表",
    written: (d) => `已按 ${d} 生成汇总表。`,
    badDate: "请填写有效的日期（年-月-日）。",
  },
  settings: {
    mappingHeading: "列的对应关系",
    hint: "每个字段对应名册中的哪一列。如识别有误，请选择正确的列并保存，设置会写入“名册设置”工作表。",
    load: "读取当前对应关系",
    sheet: "名册工作表",
    field: "字段",
    column: "列",
    notMapped: "（无此列）",
    save: "保存设置",
    saved: (n, sheet) => `已保存 ${n} 项设置到「${sheet}」，并已重新读取。`,
    unchanged: "没有改动需要保存。",
    duplicate: (col, fields) => `第 ${col} 列被选给了多个字段：${fields}`,
    noRoster: "当前工作簿中没有找到名册。",
    language: "界面语言",
    languageHint: "工作表中写入的文字仍跟随名册本身的语言。",
    languages: { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" },
  },
  status: {
    checked: (e, w, i, m) => `检查完成：党员 ${m} 名，错误 ${e} 条，警告 ${w} 条，提示 ${i} 条。`,
    noRoster: (sheets) => `没有找到名册。已查看的工作表：${sheets}。名册需在前20行内有表头行，包含“姓名”和入党时间等党员字段。`,
    failed: (reason) => `操作未完成：${reason}`,
    noExcel: "需要在 Excel 中打开本加载项。",
  },
  dialog: {
    title: "名册检查",
    checked: (e, w, i, m) => `检查完成：党员 ${m} 名。错误 ${e} 条，警告 ${w} 条，提示 ${i} 条。`,
    whereToLook: "问题已在表格上标出，清单见“名册问题”工作表。",
    openPane: (rows) => `工作簿较大（${rows.toLocaleString("zh-CN")} 行），请点击“名册助手”打开任务窗格进行检查，那里可以看到进度并随时取消。`,
    close: "关闭",
  },
  legacy: {
    title: "此版本的 Excel 无法运行名册助手",
    body: "这台电脑上的 Excel 用旧的 Internet Explorer 或旧版 Edge 内核显示加载项，名册助手需要较新的内核。名册没有被改动。",
    steps: [
      "在电脑上用命令行检查名册：roster check 名册.xlsx（结果另存为新文件，原文件不改）。",
      "或者用名册助手网页版（向信息管理员要网址），把名册文件拖进网页检查。",
      "或者请信息管理员把 Office 更新到 Microsoft 365 当前版本，再点「名册助手」。",
    ],
  },
  help: {
    title: "名册助手 使用说明",
    intro: "名册助手检查党员花名册，在表格上标出问题，生成上报用的汇总表。",
    steps: [
      "在“开始”选项卡上点击“检查名册”，检查当前工作簿，结果在小窗口中显示。",
      "点击“名册助手”打开任务窗格：查看问题清单、预览并应用规范化修正、撤销修正、生成汇总表、调整列的对应关系。",
      "“清除标记”移除问题标记和生成的工作表，名册本身保持原样。",
    ],
    privacy: "名册数据只在本机处理，不发送到任何地方。加载项只从微软的服务器加载 Office 自身的脚本库（office.js）。",
  },
};

const ZH_TW: UiText = {
  appTitle: "名冊助手",
  tabs: { check: "檢查", summaries: "彙總", settings: "設置" },
  check: {
    button: "檢查名冊",
    hint: "檢查目前活頁簿中的每一份名冊：在工作表上標出問題，寫入問題清單和彙總表。不改動任何儲存格的值。",
    live: "邊改邊查",
    liveHint: "修改名冊後自動重新檢查（停止輸入約 1.5 秒後）。",
    results: "檢查結果",
    members: (n, rows) => `黨員 ${n} 名（讀取 ${rows} 行）`,
    noIssues: "未發現問題。",
    issuesHeading: "問題（按一下可跳到對應儲存格）",
    groupCount: (n) => `${n} 條`,
    showMore: (shown, total) => `再顯示一些（已顯示 ${shown} / ${total}）`,
    goTo: (sheet, cell, message) => `${sheet} ${cell}：${message}`,
    notChecked: "尚未檢查。按一下「檢查名冊」開始。",
    quoted: (v) => `「${v}」`,
  },
  severity: { error: "錯誤", warning: "警告", info: "提示" },
  issueTitles: {
    missing_required: "必填項為空",
    missing_contact: "聯繫方式不全",
    missing_status: "黨員狀態為空",
    invalid_id_format: "身份證號格式不對",
    invalid_id_checksum: "身份證號校驗位不對",
    id_precision_lost: "身份證號存成了數字",
    duplicate_id: "身份證號重複",
    id_birthdate_mismatch: "出生日期與身份證號不符",
    id_gender_mismatch: "性別與身份證號不符",
    invalid_date: "日期無法識別",
    ambiguous_date: "日期有歧義",
    date_in_future: "日期晚於統計截止日",
    joined_under_18: "入黨時未滿18週歲",
    full_member_before_probation: "轉正早於預備期滿",
    probation_overdue: "預備期超過兩年",
    stage_date_order: "入黨各環節時間順序不對",
    invalid_phone: "電話號碼無效",
    unknown_value: "不在可選值內",
    legacy_id_upgraded: "15位舊身份證號",
    approximate_count: "數量為約數",
    invalid_count: "數量無法識別",
    text_too_long: "文字過長",
  },
  fixes: {
    heading: "規範化修正",
    hint: "把日期、身份證號、電話和類別等寫成規範形式。每處修改先記入「修改記錄」工作表，可整批撤銷；公式儲存格不會被改寫。",
    preview: "預覽修正",
    hidePreview: "收起預覽",
    apply: "套用修正",
    count: (n) => `可修正 ${n} 處`,
    none: "沒有需要修正的值。",
    empty: "（空）",
    changeLine: (f, from, to) => `${f}：${from} → ${to}`,
    applied: (b, n) => `已套用第 ${b} 批修正，共 ${n} 處，並已重新檢查。`,
    skipped: (n) => `另有 ${n} 處在預覽後已被改動，未寫入。`,
    nothingApplied: "沒有寫入任何修正：預覽中的儲存格在此期間已被改動。請重新檢查後再預覽。",
    batch: (b) => `第 ${b} 批`,
    revert: "撤銷上一批修正",
    reverted: (b) => `已撤銷第 ${b} 批修正，原值已恢復。`,
    nothingToRevert: "修改記錄中沒有可以撤銷的批次。",
    kindsLabel: "修正哪幾類", kinds: { ids: "身份證號", dates: "日期", phones: "電話", labels: "選項（性別、學歷、類別等）", spaces: "空格與全形字元" },
  },
  clear: {
    button: "清除標記",
    hint: "移除問題標記和本工具產生的檢查工作表。修改記錄和名冊設置保留，仍可撤銷修正。",
    done: "已清除問題標記和產生的工作表；修改記錄保留。",
    dropLog: "同時刪除修改記錄…",
    confirmDropLog: (n) => (n > 0 ? `修改記錄中有 ${n} 項修改尚未撤銷，刪除後將無法再撤銷。確定刪除修改記錄嗎？` : "修改記錄中沒有可撤銷的修改。確定刪除修改記錄嗎？"),
    confirm: "刪除修改記錄並清除",
    cancel: "取消",
    doneWithLog: "已清除問題標記、產生的工作表和修改記錄。",
  },
  progress: {
    label: "正在處理",
    steps: {
      reading: "正在讀取活頁簿……", checking: "正在檢查……", writing: "正在寫入標記和工作表……", fixing: "正在寫入修正……",
      reverting: "正在撤銷……", clearing: "正在清除……", saving: "正在儲存設置……", selecting: "正在定位……",
    },
    sheet: (step, sheet) => `${step}「${sheet}」`,
    cancel: "取消",
    cancelled: "已取消，活頁簿未被改動。",
    cancelledFix: (batch) => `已取消：第 ${batch} 批修正已全部撤回（修改記錄中有記載），名冊與修正前相同。`,
    count: (step, done, total) => `${step}（${done.toLocaleString("zh-TW")} / ${total.toLocaleString("zh-TW")}）`,
  },
  summaries: {
    heading: "上報彙總表",
    hint: "按統計截止日期重新產生「名冊匯總」和「項目與就業」工作表，不改動名冊本身。",
    asOf: "統計截止日期",
    write: "產生 / 更新彙總表",
    written: (d) => `已按 ${d} 產生彙總表。`,
    badDate: "請填寫有效的日期（年-月-日）。",
  },
  settings: {
    mappingHeading: "欄的對應關係",
    hint: "每個欄位對應名冊中的哪一欄。如識別有誤，請選擇正確的欄並儲存，設置會寫入「名冊設置」工作表。",
    load: "讀取目前對應關係",
    sheet: "名冊工作表",
    field: "欄位",
    column: "欄",
    notMapped: "（無此欄）",
    save: "儲存設置",
    saved: (n, sheet) => `已儲存 ${n} 項設置到「${sheet}」，並已重新讀取。`,
    unchanged: "沒有改動需要儲存。",
    duplicate: (col, fields) => `第 ${col} 欄被選給了多個欄位：${fields}`,
    noRoster: "目前活頁簿中沒有找到名冊。",
    language: "介面語言",
    languageHint: "工作表中寫入的文字仍跟隨名冊本身的語言。",
    languages: { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" },
  },
  status: {
    checked: (e, w, i, m) => `檢查完成：黨員 ${m} 名，錯誤 ${e} 條，警告 ${w} 條，提示 ${i} 條。`,
    noRoster: (sheets) => `沒有找到名冊。已查看的工作表：${sheets}。名冊需在前20行內有表頭行，包含「姓名」和入黨時間等黨員欄位。`,
    failed: (reason) => `操作未完成：${reason}`,
    noExcel: "需要在 Excel 中開啟本增益集。",
  },
  dialog: {
    title: "名冊檢查",
    checked: (e, w, i, m) => `檢查完成：黨員 ${m} 名。錯誤 ${e} 條，警告 ${w} 條，提示 ${i} 條。`,
    whereToLook: "問題已在工作表上標出，清單見「名冊問題」工作表。",
    openPane: (rows) => `活頁簿較大（${rows.toLocaleString("zh-TW")} 行），請按一下「名冊助手」開啟工作窗格進行檢查，那裡可以看到進度並隨時取消。`,
    close: "關閉",
  },
  legacy: {
    title: "此版本的 Excel 無法執行名冊助手",
    body: "這台電腦上的 Excel 用舊的 Internet Explorer 或舊版 Edge 核心顯示增益集，名冊助手需要較新的核心。名冊沒有被改動。",
    steps: [
      "在電腦上用命令列檢查名冊：roster check 名冊.xlsx（結果另存為新檔案，原檔案不改）。",
      "或者用名冊助手網頁版（向資訊管理員要網址），把名冊檔案拖進網頁檢查。",
      "或者請資訊管理員把 Office 更新到 Microsoft 365 目前版本，再點「名冊助手」。",
    ],
  },
  help: {
    title: "名冊助手 使用說明",
    intro: "名冊助手檢查黨員花名冊，在工作表上標出問題，產生上報用的彙總表。",
    steps: [
      "在「常用」索引標籤上按一下「檢查名冊」，檢查目前的活頁簿，結果在小視窗中顯示。",
      "按一下「名冊助手」開啟工作窗格：查看問題清單、預覽並套用規範化修正、撤銷修正、產生彙總表、調整欄的對應關係。",
      "「清除標記」移除問題標記和產生的工作表，名冊本身保持原樣。",
    ],
    privacy: "名冊資料只在本機處理，不傳送到任何地方。增益集只從微軟的伺服器載入 Office 本身的腳本庫（office.js）。",
  },
};

const EN: UiText = {
  appTitle: "Roster Assistant",
  tabs: { check: "Check", summaries: "Summaries", settings: "Settings" },
  check: {
    button: "Check roster",
    hint: "Checks every roster in the open workbook: flags problems on the sheet and writes the issues and summary sheets. No cell value is changed.",
    live: "Re-check as I edit",
    liveHint: "Checks again about 1.5 seconds after you stop editing a roster.",
    results: "Results",
    members: (n, rows) => `${n} members (${rows} rows read)`,
    noIssues: "No issues found.",
    issuesHeading: "Issues (click one to go to its cell)",
    groupCount: (n) => `${n}`,
    showMore: (shown, total) => `Show more (${shown} of ${total} shown)`,
    goTo: (sheet, cell, message) => `${sheet} ${cell}: ${message}`,
    notChecked: "Not checked yet. Click Check roster to start.",
    quoted: (v) => `“${v}”`,
  },
  severity: { error: "Errors", warning: "Warnings", info: "Info" },
  issueTitles: {
    missing_required: "Required field empty",
    missing_contact: "Contact details incomplete",
    missing_status: "Status missing",
    invalid_id_format: "ID number malformed",
    invalid_id_checksum: "ID check digit wrong",
    id_precision_lost: "ID number stored as a number",
    duplicate_id: "Duplicate ID number",
    id_birthdate_mismatch: "Birth date disagrees with the ID",
    id_gender_mismatch: "Gender disagrees with the ID",
    invalid_date: "Unreadable date",
    ambiguous_date: "Ambiguous date",
    date_in_future: "Date after the report date",
    joined_under_18: "Joined under 18",
    full_member_before_probation: "Full membership before probation ended",
    probation_overdue: "Probation over two years",
    stage_date_order: "Steps dated out of order",
    invalid_phone: "Invalid phone number",
    unknown_value: "Value not in the list",
    legacy_id_upgraded: "15-digit legacy ID",
    approximate_count: "Approximate count",
    invalid_count: "Unreadable count",
    text_too_long: "Text too long",
  },
  fixes: {
    heading: "Normalise values",
    hint: "Writes dates, ID numbers, phones and categories in their standard form. Every change is logged first in the Change log sheet and a batch can be reverted; formula cells are never overwritten.",
    preview: "Preview fixes",
    hidePreview: "Hide preview",
    apply: "Apply fixes",
    count: (n) => `${n} values can be normalised`,
    none: "Nothing to normalise.",
    empty: "(empty)",
    changeLine: (f, from, to) => `${f}: ${from} → ${to}`,
    applied: (b, n) => `Batch ${b} applied: ${n} values normalised, and the roster checked again.`,
    skipped: (n) => `${n} more were edited after the preview and were not written.`,
    nothingApplied: "Nothing was written: the previewed cells were edited meanwhile. Check again, then preview.",
    batch: (b) => `Batch ${b}`,
    revert: "Revert the last batch",
    reverted: (b) => `Batch ${b} reverted: the old values are back.`,
    nothingToRevert: "The change log holds no batch that can be reverted.",
    kindsLabel: "Kinds of fix", kinds: { ids: "ID numbers", dates: "Dates", phones: "Phones", labels: "Labels (gender, education, category ...)", spaces: "Spaces and full-width characters" },
  },
  clear: {
    button: "Clear flags",
    hint: "Removes the flags and the check sheets this add-in wrote. The change log and Roster settings stay, so fixes can still be reverted.",
    done: "Flags and the add-in's sheets removed; the change log is kept.",
    dropLog: "Also delete the change log…",
    confirmDropLog: (n) => (n > 0 ? `The change log holds ${n} change${n === 1 ? "" : "s"} not reverted; once it is deleted they can no longer be reverted. Delete the change log?` : "The change log holds no change that could be reverted. Delete it?"),
    confirm: "Delete the log and clear",
    cancel: "Cancel",
    doneWithLog: "Flags, the add-in's sheets and the change log removed.",
  },
  progress: {
    label: "Working",
    steps: {
      reading: "Reading the workbook…", checking: "Checking…", writing: "Writing flags and sheets…", fixing: "Writing fixes…",
      reverting: "Reverting…", clearing: "Clearing…", saving: "Saving settings…", selecting: "Going to the cell…",
    },
    sheet: (step, sheet) => `${step} "${sheet}"`,
    cancel: "Cancel",
    cancelled: "Cancelled; the workbook was not changed.",
    cancelledFix: (batch) => `Cancelled: fix batch ${batch} was put back in full (the change log records it); the roster is as before the fix.`,
    count: (step, done, total) => `${step} (${done.toLocaleString("en")} / ${total.toLocaleString("en")})`,
  },
  summaries: {
    heading: "Summaries for reporting",
    hint: "Writes the Roster summary and Projects and jobs sheets again as of the date below; the roster itself is not changed.",
    asOf: "As of",
    write: "Write / refresh summaries",
    written: (d) => `Summaries written as of ${d}.`,
    badDate: "Enter a valid date (yyyy-mm-dd).",
  },
  settings: {
    mappingHeading: "Column mapping",
    hint: "Which column of the roster holds each field. Where it was recognised wrongly, pick the right column and save: the choice goes into the Roster settings sheet.",
    load: "Read the current mapping",
    sheet: "Roster sheet",
    field: "Field",
    column: "Column",
    notMapped: "(no such column)",
    save: "Save settings",
    saved: (n, sheet) => `${n} settings saved to "${sheet}" and the mapping read again.`,
    unchanged: "Nothing changed to save.",
    duplicate: (col, fields) => `Column ${col} is chosen for more than one field: ${fields}`,
    noRoster: "No roster found in the open workbook.",
    language: "Language",
    languageHint: "Sheets the add-in writes still follow the roster's own language.",
    languages: { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" },
  },
  status: {
    checked: (e, w, i, m) => `Checked: ${m} members; ${e} errors, ${w} warnings, ${i} info.`,
    noRoster: (sheets) => `No roster found. Sheets looked at: ${sheets}. A roster has a header row within its first 20 rows naming 姓名 (name) and a party field such as 入党时间 (join date).`,
    failed: (reason) => `Not done: ${reason}`,
    noExcel: "Open this add-in in Excel.",
  },
  dialog: {
    title: "Roster check",
    checked: (e, w, i, m) => `Checked: ${m} members. ${e} errors, ${w} warnings, ${i} info.`,
    whereToLook: "Problems are flagged on the sheet and listed in the Roster issues sheet.",
    openPane: (rows) => `This workbook is large (${rows.toLocaleString("en")} rows). Click Roster Assistant to open the task pane and check it there, with progress and cancel.`,
    close: "Close",
  },
  legacy: {
    title: "This version of Excel cannot run Roster Assistant",
    body: "Excel on this computer shows add-ins with the old Internet Explorer or legacy Edge engine; Roster Assistant needs a newer one. Your roster was not changed.",
    steps: [
      "Check the roster from the command line on this computer: roster check roster.xlsx (the results go to a new file; the original is not changed).",
      "Or use the Roster Assistant web page (ask your IT administrator for its address) and drop the roster file onto it.",
      "Or ask your IT administrator to update Office to the current Microsoft 365 version, then click Roster Assistant again.",
    ],
  },
  help: {
    title: "Roster Assistant: help",
    intro: "Roster Assistant checks a party-member roster, flags problems on the sheet and writes summary sheets for upward reporting.",
    steps: [
      "On the Home tab, click Check roster to check the open workbook; the outcome shows in a small dialog.",
      "Click Roster Assistant to open the task pane: the issue list, previewing and applying normalisations, reverting them, summaries, and the column mapping.",
      "Clear flags removes the flags and the sheets the add-in wrote; the roster itself stays as it was.",
    ],
    privacy: "Roster data is processed on this computer only and sent nowhere. The add-in loads only Office's own script library (office.js) from Microsoft's servers.",
  },
};

export const UI_TEXT: Readonly<Record<Lang, UiText>> = { "zh-CN": ZH_CN, "zh-TW": ZH_TW, en: EN };

export function uiText(lang: Lang): UiText {
  return UI_TEXT[lang];
}
