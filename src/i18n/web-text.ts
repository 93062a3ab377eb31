// The words only the web page shows (the file, the download, the sheet preview); the rest comes from
// ui-text.ts, shared with the task pane. zh-CN is the default.
import { Lang } from "../domain/vocabulary";

export interface WebText {
  readonly tagline: string;
  readonly fileLabel: string;
  readonly dropHint: string;
  readonly dropHere: string;
  readonly noFile: string;
  readonly loaded: (name: string, kb: number) => string;
  readonly notXlsx: (name: string) => string;
  readonly members: (n: number) => string;
  readonly download: string;
  readonly downloadHint: string;
  readonly downloadName: (name: string) => string;
  readonly language: string;
  readonly preview: string;
  readonly previewHint: string;
  readonly previewRow: (sheet: string, row: number) => string;
  readonly privacy: string;
  readonly needFile: string;
  readonly oldBrowser: string;
}

const ZH_CN: WebText = {
  tagline: "在本机检查党员花名册：文件不离开这台电脑，不需要安装，也不需要 Excel。",
  fileLabel: "选择花名册文件（.xlsx）",
  dropHint: "或把 .xlsx 文件拖到这里",
  dropHere: "松开鼠标即可载入",
  noFile: "尚未选择文件。",
  loaded: (name, kb) => `已载入「${name}」（${kb} KB）。`,
  notXlsx: (name) => `「${name}」不是 .xlsx 工作簿：请另存为 Excel 工作簿（.xlsx）后再试。`,
  members: (n) => `${n} 名党员`,
  download: "下载检查后的工作簿",
  downloadHint: "下载的是一份新文件，原文件不会被改动。",
  downloadName: (name) => name.replace(/\.xlsx$/i, "") + "（已检查）.xlsx",
  language: "语言",
  preview: "工作表预览",
  previewHint: "点击左侧的问题，在这里查看那一行。",
  previewRow: (sheet, row) => `「${sheet}」第 ${row} 行`,
  privacy: "所有处理都在本页面内完成，不联网。",
  needFile: "请先选择一个花名册文件。",
  oldBrowser: "此浏览器版本过旧，无法运行名册助手。请使用新版 Chrome、Edge、360 极速模式、QQ 浏览器、Firefox 或 Safari 打开本文件。",
};

const ZH_TW: WebText = {
  tagline: "在本機檢查黨員花名冊：檔案不離開這台電腦，不需要安裝，也不需要 Excel。",
  fileLabel: "選擇花名冊檔案（.xlsx）",
  dropHint: "或把 .xlsx 檔案拖到這裡",
  dropHere: "放開滑鼠即可載入",
  noFile: "尚未選擇檔案。",
  loaded: (name, kb) => `已載入「${name}」（${kb} KB）。`,
  notXlsx: (name) => `「${name}」不是 .xlsx 活頁簿：請另存為 Excel 活頁簿（.xlsx）後再試。`,
  members: (n) => `${n} 名黨員`,
  download: "下載檢查後的活頁簿",
  downloadHint: "下載的是一份新檔案，原檔案不會被改動。",
  downloadName: (name) => name.replace(/\.xlsx$/i, "") + "（已檢查）.xlsx",
  language: "語言",
  preview: "工作表預覽",
  previewHint: "點擊左側的問題，在這裡查看那一列。",
  previewRow: (sheet, row) => `「${sheet}」第 ${row} 列`,
  privacy: "所有處理都在本頁面內完成，不連網。",
  needFile: "請先選擇一個花名冊檔案。",
  oldBrowser: "此瀏覽器版本過舊，無法執行名冊助手。請使用新版 Chrome、Edge、360 極速模式、QQ 瀏覽器、Firefox 或 Safari 開啟本檔案。",
};

const EN: WebText = {
  tagline: "Check a party-member roster on this computer: the file never leaves it; no install, no Excel needed.",
  fileLabel: "Roster workbook (.xlsx)",
  dropHint: "or drop an .xlsx file here",
  dropHere: "Release to load the file",
  noFile: "No file chosen yet.",
  loaded: (name, kb) => `Loaded "${name}" (${kb} KB).`,
  notXlsx: (name) => `"${name}" is not an .xlsx workbook: save it as an Excel workbook (.xlsx) and try again.`,
  members: (n) => `${n} members`,
  download: "Download checked workbook",
  downloadHint: "The download is a new file; the original stays as it was.",
  downloadName: (name) => name.replace(/\.xlsx$/i, "") + " (checked).xlsx",
  language: "Language",
  preview: "Sheet preview",
  previewHint: "Click an issue to see its row here.",
  previewRow: (sheet, row) => `${sheet}, row ${row}`,
  privacy: "Everything happens inside this page; nothing goes over the network.",
  needFile: "Choose a roster file first.",
  oldBrowser: "This browser is too old for Roster Assistant. Open this file in a current Chrome, Edge, 360 (fast mode), QQ Browser, Firefox or Safari.",
};

const TEXT: Readonly<Record<Lang, WebText>> = { "zh-CN": ZH_CN, "zh-TW": ZH_TW, en: EN };

export function webText(lang: Lang): WebText {
  return TEXT[lang];
}
