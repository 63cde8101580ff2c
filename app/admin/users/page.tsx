import type { Metadata } from "next";
import { requirePermission } from "@/app/_lib/current-user";
import { Card, CardTitle } from "@/components/ui/card";
import { listLeaderOptions, listUnitOptions, listUsers } from "@/db/queries/users";
import { formatDateTime } from "@/lib/format-time";
import { ATTACK_MIN_FAILURES } from "@/lib/session-policy";
import { failureSummary } from "./failure-summary";
import { createUser } from "./actions";
import { UserForm } from "./_components/user-form";
import { UserTable, type UserListRow } from "./_components/user-table";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  await requirePermission(["users:manage"], { entity: "page", entityId: "/admin/users" });
  const rows: UserListRow[] = listUsers().map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    binding: u.unitName ?? u.leaderName ?? "",
    disabled: u.disabled,
    locked: u.locked,
    mustChangePassword: u.mustChangePassword,
    underAttack: u.recentFailures >= ATTACK_MIN_FAILURES ? failureSummary(u) : null,
    lastLogin: u.lastLoginAt ? formatDateTime(u.lastLoginAt) : null,
  }));
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold sm:text-2xl">用户管理</h1>
      <p className="text-sm text-gray-700">
        一人一号，不得共用。停用账号会立即结束其登录会话；所有账号变更均记入审计日志。密码连续输错 5 次只锁定该账号在该来源地址的登录；“24
        小时内失败”标记说明有人在反复尝试该账号。
      </p>
      <UserTable rows={rows} />
      <Card>
        <CardTitle>新建账号</CardTitle>
        <UserForm
          action={createUser}
          initial={{ displayName: "", role: "unit", unitId: null, leaderId: null }}
          units={listUnitOptions()}
          leaders={listLeaderOptions()}
          submitLabel="创建账号"
        />
      </Card>
    </div>
  );
}
