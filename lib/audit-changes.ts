// The audit log as words: which record was acted on ("第1项 2026年第三季度报告") and what
// changed, field by field, instead of raw JSON and codes such as `users:manage`.
import { NOTICE_LEVEL_LABEL, NOTICE_STATE_LABEL } from "./notice-state";
import { quarterLabel } from "./periods";
import { ROLE_LABEL } from "./permissions";
import { REPORT_STATE_LABEL, SELF_STATUS_LABEL } from "./report-labels";
import { REGISTER_STATUS_LABEL } from "./register";
import { PROGRESS_LABEL } from "./vocabulary";

export const AUDIT_ENTITY_LABEL: Record<string, string> = {
  attachment: "佐证材料",
  audit: "审计日志",
  coopNote: "配合情况",
  dashboard: "领导驾驶舱",
  evidence: "佐证材料文件",
  leader: "市领导",
  notice: "催办/督办通知",
  notification: "消息",
  page: "页面",
  period: "填报季度",
  project: "民生实事",
  quarter_status: "季度状态",
  rag_override: "进度灯认定",
  register: "明细台账",
  registerItem: "明细台账行",
  report: "季度报告",
  session: "登录会话",
  storage: "存储",
  supervision: "督查工作台",
  targets: "季度攻坚目标",
  task: "重点任务",
  unit: "单位",
  user: "账号",
};

/** The record acted on, in words: "第27项 2026年第一季度报告", "民生实事2", "账号 #12". */
export function describeAuditEntity(entity: string, entityId: string | null): string {
  const kind = AUDIT_ENTITY_LABEL[entity] ?? entity;
  if (entityId === null || entityId === "") return kind;
  if (entity === "task" && /^\d+$/.test(entityId)) return `第${entityId}项`;
  if (entity === "project" && /^\d+$/.test(entityId)) return `民生实事${entityId}`;
  if (entity === "period" && /^\d{4}Q[1-4]$/.test(entityId)) return quarterLabel(entityId);
  const report = /^(project)?(\d+)\/(\d{4}Q[1-4])$/.exec(entityId);
  if (entity === "report" && report) return `${report[1] ? `民生实事${report[2]}` : `第${report[2]}项`} ${quarterLabel(report[3]!)}报告`;
  const quarterTargets = /^(\d+):Q([1-4])$/.exec(entityId);
  if (entity === "targets" && quarterTargets) return `第${quarterTargets[1]}项 第${quarterTargets[2]}季度攻坚目标`;
  if (entity === "page") return `页面 ${entityId}`;
  return `${kind} #${entityId}`;
}

/** Chinese names of the fields the actions record; an unknown key is shown as written. */
const FIELD_LABEL: Record<string, string> = {
  username: "用户名",
  displayName: "姓名/名称",
  role: "角色",
  unitId: "单位编号",
  leaderId: "领导编号",
  disabled: "停用",
  lockedUntil: "锁定至",
  passwordReset: "密码已重置",
  passwordChanged: "密码已修改",
  mustChangePassword: "须修改密码",
  secondFactor: "双因素认证",
  dueOn: "截止日期",
  status: "状态",
  versionNo: "版本",
  version: "版本号",
  progress: "工作进展",
  problems: "存在问题",
  nextSteps: "下步打算",
  selfStatus: "自评",
  comment: "意见",
  reason: "原因",
  source: "依据",
  color: "颜色",
  title: "标题",
  level: "类别",
  deadline: "期限",
  problem: "存在问题",
  requirement: "整改要求",
  reply: "回复",
  decision: "决定",
  quarter: "季度",
  target: "目标任务",
  section: "所属板块",
  leaders: "牵头领导",
  leadUnits: "牵头单位",
  coopUnits: "配合单位",
  metrics: "量化指标",
  needsVerification: "待核实",
  note: "核实说明",
  confirmed: "核实结果",
  units: "主送单位",
  bulk: "批量",
  approved: "已通过的报告",
  place: "镇（街道）/小区",
  subPlace: "村（社区）/栋",
  name: "名称/户",
  severity: "缺损类别",
  measure: "整治措施",
  statusOn: "完工/阶段日期",
  photosAdded: "新增照片",
  photosRemoved: "移除照片",
  deleted: "已删除",
  added: "新增行",
  updated: "更新行",
  unchanged: "未变行",
  from: "原领导",
  fromTitle: "原领导职务",
  to: "接任领导",
  toTitle: "接任领导职务",
  post: "交接职务",
  effectiveOn: "交接日期",
  subjects: "移交事项",
};

const VALUE_LABEL: Record<string, Record<string, string>> = {
  role: ROLE_LABEL,
  status: { ...REPORT_STATE_LABEL, ...NOTICE_STATE_LABEL, ...REGISTER_STATUS_LABEL },
  selfStatus: SELF_STATUS_LABEL,
  level: NOTICE_LEVEL_LABEL,
  color: PROGRESS_LABEL,
  decision: { approve: "批准", reject: "不予批准", approved: "批准", rejected: "不予批准" },
};

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "string") return VALUE_LABEL[key]?.[value] ?? value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) return value.map(String).join("、");
  return JSON.stringify(value);
}

function parse(json: string | null): Record<string, unknown> {
  if (json === null) return {};
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    return { value };
  } catch {
    return { value: json };
  }
}

export interface AuditFieldChange {
  field: string;
  before: string;
  after: string;
}

/** The audit row's before/after as a table: each field once, in the order first recorded, labelled in Chinese. */
export function auditChanges(before: string | null, after: string | null): AuditFieldChange[] {
  const b = parse(before);
  const a = parse(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .map((key) => ({ field: FIELD_LABEL[key] ?? key, before: valueText(key, b[key]), after: valueText(key, a[key]) }))
    .filter((c) => c.before !== c.after || before === null || after === null);
}
