// Chinese names for the audit log's action codes; unknown codes are shown as written.
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  "auth.login": "登录",
  "auth.logout": "退出登录",
  "auth.lockout": "账号锁定",
  "auth.throttled": "登录限流",
  "account.changePassword": "修改密码",
  "users.seed": "初始化账号",
  "users.create": "新建账号",
  "users.update": "修改账号",
  "users.setDisabled": "停用/启用账号",
  "users.unlock": "解锁账号",
  "users.resetPassword": "重置密码",
  "audit.export": "导出审计日志",
  "storage.fault": "存储故障（恢复后补记）",
  "evidence.cleanup": "清理无记录的佐证材料文件",
};

export const AUDIT_OUTCOME_LABEL = { success: "成功", denied: "拒绝", failure: "失败" } as const;

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABEL[action] ?? action;
}
