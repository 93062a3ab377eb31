// The member fields of SPEC section 2: code, kind, whether required, header aliases.
import { CATEGORY, EDUCATION, EMPLOYMENT, EnumTable, GENDER, MEMBERSHIP_TYPE, STATUS, YES_NO } from "./vocabulary";

export type FieldKind = "name" | "text" | "date" | "id" | "phone" | "enum" | "ignored";

export interface FieldDef {
  readonly code: FieldCode;
  readonly kind: FieldKind;
  /** Header aliases (simplified; traditional forms match after folding). English party-field aliases are specific
   * ("party branch", not "branch"; "member category", not "category"): generic words made a pivot-table data
   * sheet of ID | Name | Category look like a roster. */
  readonly aliases: readonly string[];
  readonly enumTable?: EnumTable;
  /** Required: an empty value is missing_required (status and contact fields have their own codes). */
  readonly required: boolean;
  /** A party field: one of these in a header row marks the sheet as a roster. */
  readonly party?: boolean;
}

export const FIELD_CODES = [
  "name", "gender", "ethnicity", "birthDate", "idNumber", "education", "joinDate", "fullMemberDate",
  "applicationDate", "activistDate", "candidateDate", "category", "membershipType", "branch", "phone", "address", "workUnit", "employment", "status",
  "lostContactFlag", "mobileFlag", "reductionReason", "tags", "ideology", "livingSituation", "role", "responsibilityArea", "note", "ignored",
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

/** Field ordinals (F.name === 0 ...): the row check indexes arrays by these rather than looking up strings. */
export const F = Object.freeze(Object.fromEntries(FIELD_CODES.map((c, i) => [c, i])) as Record<FieldCode, number>);

const f = (code: FieldCode, kind: FieldKind, required: boolean, aliases: string[], extra: Partial<FieldDef> = {}): FieldDef => ({
  code, kind, required, aliases, ...extra,
});

export const FIELDS: readonly FieldDef[] = [
  f("name", "name", true, ["姓名", "名字", "name", "党员姓名"]),
  f("gender", "enum", true, ["性别", "gender", "sex"], { enumTable: GENDER }),
  f("ethnicity", "text", false, ["民族", "ethnicity"]),
  f("birthDate", "date", true, ["出生日期", "出生年月", "出生年月日", "出生时间", "生日", "birthdate", "dateofbirth"]),
  f("idNumber", "id", true, ["身份证号", "身份证号码", "公民身份号码", "公民身份证号", "公民身份证号码", "身份证件号码", "身份证", "证件号码", "证件号", "id", "idnumber"]),
  f("education", "enum", false, ["学历", "文化程度", "最高学历", "学历学位", "全日制学历", "education"], { enumTable: EDUCATION }),
  f("joinDate", "date", true, ["入党时间", "入党日期", "入党年月", "入党年月日", "加入党组织日期", "加入党组织时间", "加入中国共产党时间", "加入中国共产党日期", "确定为预备党员时间", "确定为预备党员日期", "joindate", "dateofjoining"], { party: true }),
  f("fullMemberDate", "date", false, ["转正时间", "转正日期", "转正年月", "转为正式党员日期", "转为正式党员时间", "fullmemberdate", "fullmembershipdate"], { party: true }),
  // the dates of the steps before membership (SPEC 2: 递交入党申请书, 确定为入党积极分子, 确定为发展对象); headers
  // these aliases miss (提交书面申请书时间, 确定发展对象时间（党委备案时间）) are read by stageDateOf (header-match.ts)
  f("applicationDate", "date", false, ["递交入党申请书时间", "递交入党申请书日期", "提交入党申请书时间", "提交入党申请时间", "入党申请时间", "申请入党时间", "applicationdate"]),
  f("activistDate", "date", false, ["确定为入党积极分子时间", "确定为入党积极分子日期", "确定入党积极分子时间", "activistdate"]),
  f("candidateDate", "date", false, ["确定为发展对象时间", "确定为发展对象日期", "确定发展对象时间", "candidatedate"]),
  f("category", "enum", false, ["党员类别", "人员类别", "类别", "身份类别", "membercategory", "partymembercategory"], { enumTable: CATEGORY, party: true }),
  f("membershipType", "enum", false, ["预备/正式", "预/正", "正式/预备", "党员类型", "党籍", "党籍状态", "党员身份", "转正情况", "membershiptype", "probationary/full"], { enumTable: MEMBERSHIP_TYPE, party: true }),
  f("branch", "text", true, ["所在支部", "所属支部", "支部", "所在党支部", "所属党支部", "党支部", "支部名称", "党支部名称", "所在党支部名称", "所在党组织", "所属党组织", "党组织名称", "所在组织", "所属组织", "组织", "联系党支部", "所在社区", "社区", "partybranch"], { party: true }),
  f("phone", "phone", false, ["联系电话", "联系方式", "电话", "手机", "手机号码", "联系电话号码", "手机号", "联系手机", "移动电话", "phone"]),
  f("address", "text", false, ["家庭住址", "住址", "现住址", "现住地址", "现居住地", "现居住地址", "居住地址", "居住地", "常住地址", "常住地", "家庭地址", "家庭详细地址", "联系地址", "通讯地址", "address"]),
  f("workUnit", "text", false, ["工作单位", "工作单位及职务", "工作/学习单位", "工作学习单位", "工作单位或就读学校", "工作或学习单位", "现工作单位", "所在单位", "工作岗位", "职业", "单位", "workunit"]),
  f("employment", "enum", false, ["就业情况", "就业状况", "就业", "employment"], { enumTable: EMPLOYMENT }),
  f("status", "enum", false, ["状态", "党员状态", "组织关系状态", "人员状态", "status"], { enumTable: STATUS }),
  f("lostContactFlag", "enum", false, ["是否失联党员", "是否为失联党员", "是否失联", "失联党员"], { enumTable: YES_NO }),
  f("mobileFlag", "enum", false, ["是否流动党员", "是否为流动党员", "是否流动", "流动党员", "是否持流动党员证"], { enumTable: YES_NO }),
  f("reductionReason", "text", false, ["减少原因", "减少类型", "出党原因", "党员减少原因", "转至历史党员库详细原因", "转至历史党员库原因", "转出原因", "停用原因", "注销原因", "关系转出时间", "组织关系转出时间", "关系转出日期", "组织关系转出日期", "转出时间", "转出日期"]),
  f("tags", "text", false, ["标签", "党员标签", "人员标签"]),
  f("ideology", "text", false, ["思想动态"]),
  f("livingSituation", "text", false, ["生活状况"]),
  f("role", "text", false, ["发挥作用情况"]),
  f("responsibilityArea", "text", false, ["党员责任区"]),
  f("note", "text", false, ["备注", "note", "notes", "remark"]),
  f("ignored", "ignored", false, ["序号", "编号", "no.", "no", "#"]),
];

export const FIELD_BY_CODE: ReadonlyMap<FieldCode, FieldDef> = new Map(FIELDS.map((d) => [d.code, d]));

/** Contact fields: empty ones give one missing_contact per row. */
export const CONTACT_FIELDS: readonly FieldCode[] = ["phone", "address"];

/** The longest a free-text archive field may be before it is flagged (archive fields are otherwise unchecked). */
export const MAX_TEXT_LENGTH = 2000;
