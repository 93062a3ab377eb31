// Header text -> field, by folded alias; also strips a trailing parenthesised note: 身份证号(18位) -> 身份证号.
import { FieldCode, FIELDS } from "./fields";
import { foldKey } from "./fold";
import { PipelineStage, stageDateOf } from "./sheet-facts";

let aliasIndex: Map<string, FieldCode> | undefined;

function index(): Map<string, FieldCode> {
  if (!aliasIndex) {
    aliasIndex = new Map();
    for (const def of FIELDS) for (const a of def.aliases) aliasIndex.set(foldKey(a), def.code);
  }
  return aliasIndex;
}

/**
 * Whether a header is the field's own name (its first alias: 入党时间, 性别), a bracketed note aside: where a row
 * names a field twice (加入党组织日期 and 入党时间), the column so headed is the field's.
 */
export function isFieldName(text: string, field: FieldCode): boolean {
  const def = FIELDS.find((d) => d.code === field);
  if (!def) return false;
  const key = foldKey(text);
  const own = foldKey(def.aliases[0]!);
  return key === own || key.replace(NOTE, "") === own;
}

const NOTE = /[(（[【][^)）\]】]*[)）\]】]$/;
/** A bracketed note naming another person than the member. */
const OTHER_PERSON = /联系人|介绍人|培养人|负责人|书记|监护人|紧急/;

/** The field a header names, or undefined. `extra` maps folded header text to a field (config overrides). */
export function matchHeader(text: string, extra?: ReadonlyMap<string, FieldCode>): FieldCode | undefined {
  const key = foldKey(text);
  if (!key) return undefined;
  const hit = extra?.get(key) ?? index().get(key);
  if (hit) return hit;
  const stripped = key.replace(NOTE, "");
  // 联系手机（党支部联系人）, 电话（介绍人）: a field of someone else, not the member's
  if (stripped !== key && OTHER_PERSON.test(key.slice(stripped.length))) return undefined;
  const hit2 = stripped !== key && stripped ? extra?.get(stripped) ?? index().get(stripped) : undefined;
  // 提交书面申请书时间, 确定发展对象时间（党委备案时间）: a step before membership dated in words no alias holds
  if (hit2 === undefined && stripped && /[时時日年]/.test(stripped)) {
    const stage = stageDateOf(stripped);
    if (stage !== undefined) return STAGE_DATE_FIELDS[stage];
  }
  return hit2;
}

/** The field dating each step before membership. */
const STAGE_DATE_FIELDS: Partial<Record<PipelineStage, FieldCode>> = { applicant: "applicationDate", activist: "activistDate", candidate: "candidateDate" };
