import { describe, expect, it } from "vitest";
import { auditChanges, describeAuditEntity } from "./audit-changes";
import { auditActionLabel } from "./audit-labels";

describe("audit log in words", () => {
  it("names actions, refused permissions and records in Chinese", () => {
    expect(auditActionLabel("report.approve")).toBe("审核通过");
    expect(auditActionLabel("users:manage")).toBe("管理账号");
    expect(describeAuditEntity("report", "1/2026Q3")).toBe("第1项 2026年第三季度报告");
    expect(describeAuditEntity("report", "project2/2026Q1")).toBe("民生实事2 2026年第一季度报告");
    expect(describeAuditEntity("task", "47")).toBe("第47项");
    expect(describeAuditEntity("period", "2026Q4")).toBe("2026年第四季度");
    expect(describeAuditEntity("user", "12")).toBe("账号 #12");
  });

  it("shows before and after field by field, with values as words", () => {
    const before = JSON.stringify({ role: "unit", disabled: false, displayName: "住建局" });
    const after = JSON.stringify({ role: "supervisor", disabled: false, displayName: "督查室" });
    expect(auditChanges(before, after)).toEqual([
      { field: "角色", before: "单位填报", after: "督查室" },
      { field: "姓名/名称", before: "住建局", after: "督查室" },
    ]);
  });

  it("lists every recorded field when only one side was recorded", () => {
    expect(auditChanges(null, JSON.stringify({ passwordReset: true, units: ["住建局", "发改局"] }))).toEqual([
      { field: "密码已重置", before: "", after: "是" },
      { field: "主送单位", before: "", after: "住建局、发改局" },
    ]);
  });
});
