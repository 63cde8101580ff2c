import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { getUserById, listLeaderOptions, listUnitOptions } from "@/db/queries/users";
import { formatDateTime } from "@/lib/format-time";
import { ROLE_LABEL } from "@/lib/permissions";
import { resetPassword, resetSecondFactor, setDisabled, unlock, updateUser } from "../actions";
import { failureSummary } from "../failure-summary";
import { UserForm } from "../_components/user-form";
import { AccountActionButton } from "./_components/account-actions";

export const metadata: Metadata = { title: "账号详情" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission(["users:manage"], { entity: "user", entityId: id });
  const user = /^\d+$/.test(id) ? getUserById({ id: Number(id) }) : undefined;
  if (!user) notFound();
  const locked = user.locked;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/users">← 返回用户管理</Link>
      </p>
      <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold sm:text-2xl">
        账号 <span className="font-mono">{user.username}</span>
        {user.disabled && <Badge tone="danger">已停用</Badge>}
        {locked && <Badge tone="warning">已锁定</Badge>}
      </h1>
      <p className="text-sm text-gray-700">
        {ROLE_LABEL[user.role]}
        {user.unitName && ` · ${user.unitName}`}
        {user.leaderName && ` · ${user.leaderName}`} · 最近登录：{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "从未登录"}
        {user.recentFailures > 0 && ` · ${failureSummary(user)}`}
        {` · 二次验证：${user.secondFactor ? "已绑定" : "未绑定"}`}
      </p>
      <Card>
        <CardTitle>名称、角色与绑定</CardTitle>
        <UserForm
          action={updateUser}
          initial={{ id: user.id, version: user.version, displayName: user.displayName, role: user.role, unitId: user.unitId, leaderId: user.leaderId }}
          units={listUnitOptions()}
          leaders={listLeaderOptions()}
          submitLabel="保存"
        />
      </Card>
      <Card>
        <CardTitle>账号安全</CardTitle>
        <div className="grid gap-6 md:grid-cols-3">
          <AccountActionButton
            action={setDisabled}
            id={user.id}
            version={user.version}
            extra={{ disabled: String(!user.disabled) }}
            label={user.disabled ? "启用账号" : "停用账号"}
            variant={user.disabled ? "secondary" : "danger"}
            description={user.disabled ? "恢复该账号的登录权限。" : "停用后该账号立即下线且不能再登录。"}
            confirm={user.disabled ? undefined : `确定停用账号 ${user.username}（${user.displayName}）吗？该账号将立即下线，不能再登录，直到重新启用。`}
          />
          <AccountActionButton
            action={unlock}
            id={user.id}
            version={user.version}
            label="解除锁定"
            description="清零各来源地址的连续输错次数，解除 30 分钟登录锁定。"
          />
          <AccountActionButton
            action={resetPassword}
            id={user.id}
            version={user.version}
            label="重置密码"
            description="生成一次性临时密码，该账号立即下线，下次登录须修改密码。"
            confirm={`确定重置账号 ${user.username}（${user.displayName}）的密码吗？原密码立即失效，该账号立即下线。`}
          />
          {user.secondFactor && (
            <AccountActionButton
              action={resetSecondFactor}
              id={user.id}
              version={user.version}
              label="重置二次验证"
              description="手机丢失且恢复码用完时使用：该账号立即下线，下次登录须重新绑定动态口令。"
            />
          )}
        </div>
      </Card>
    </div>
  );
}
