import Link from "next/link";
import { Suspense } from "react";
import { logout } from "@/app/account/actions";
import { getCurrentUser, passwordExpiryWarning } from "@/app/_lib/current-user";
import { listProgrammeYears, resolveProgrammeYear } from "@/db/queries/programme-years";
import { appToday } from "@/lib/env";
import { can, ROLE_LABEL, type SessionUser } from "@/lib/permissions";
import { HeaderMenu } from "./header-menu";
import { NotificationBell } from "./notification-bell";
import { YearSwitcher } from "./year-switcher";

// Navigation shared by every page: each link shows only to those who may open it.
const NAV: { href: string; label: string; show: (u: SessionUser) => boolean }[] = [
  { href: "/tasks", label: "任务总览", show: (u) => can(u, "task:read") },
  { href: "/projects", label: "民生实事", show: (u) => can(u, "project:read") },
  { href: "/items", label: "督办事项", show: (u) => can(u, "task:read") },
  { href: "/deputies/suggestions", label: "代表建议", show: (u) => can(u, "satisfaction:manage") },
  { href: "/deputies/satisfaction", label: "满意度测评", show: (u) => u.role === "deputy" || can(u, "satisfaction:manage") },
  { href: "/my", label: "我的任务", show: (u) => u.role === "unit" },
  { href: "/supervision", label: "督查工作台", show: (u) => can(u, "supervision:read") },
  { href: "/dashboard", label: "领导驾驶舱", show: (u) => can(u, "dashboard:read") },
  { href: "/admin/users", label: "用户管理", show: (u) => can(u, "users:manage") },
  { href: "/admin/audit", label: "审计日志", show: (u) => can(u, "audit:read") },
  { href: "/admin/periods", label: "填报季度", show: (u) => can(u, "period:edit") },
  { href: "/admin/tasks", label: "基础数据", show: (u) => can(u, "programme:edit") },
  { href: "/admin/verification", label: "待核实", show: (u) => can(u, "programme:edit") },
  { href: "/admin/units", label: "单位维护", show: (u) => can(u, "units:manage") },
  { href: "/admin/leaders", label: "领导交接", show: (u) => can(u, "programme:edit") },
  { href: "/admin/years", label: "年度管理", show: (u) => can(u, "data:import") },
];

function who(user: SessionUser): string {
  if (user.role === "unit") return `${user.unitName ?? user.displayName} · ${ROLE_LABEL.unit}`;
  if (user.role === "leader") return `${user.leaderName ?? user.displayName} · ${user.isMayor ? "市长" : ROLE_LABEL.leader}`;
  return user.displayName === ROLE_LABEL[user.role] ? user.displayName : `${user.displayName} · ${ROLE_LABEL[user.role]}`;
}

export async function AppHeader() {
  const user = await getCurrentUser();
  const expiresInDays = user ? await passwordExpiryWarning() : null;
  const years = user ? listProgrammeYears() : [];
  const defaultYear = user ? resolveProgrammeYear({ today: appToday() })?.year : undefined;
  return (
    <header className="no-print border-b bg-brand-800 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2 sm:gap-x-6 sm:px-6 sm:py-3">
        {/* On a phone the title gives way (truncates) so the bell and the menu button stay on its line. */}
        <Link href="/" className="min-w-0 flex-1 basis-0 truncate text-base font-semibold text-white hover:no-underline sm:flex-none sm:basis-auto sm:text-lg">
          汨罗市重点工作调度平台
        </Link>
        {user && (
          <HeaderMenu bell={<NotificationBell user={user} />}>
            <nav aria-label="主导航" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {NAV.filter((item) => item.show(user)).map((item) => (
                <Link key={item.href} href={item.href} className="inline-flex min-h-11 items-center text-white hover:text-white sm:min-h-0">
                  {item.label}
                </Link>
              ))}
            </nav>
            {defaultYear !== undefined && (
              <Suspense>
                <YearSwitcher years={years} defaultYear={defaultYear} />
              </Suspense>
            )}
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm sm:ml-auto">
              <span data-testid="current-user">{who(user)}</span>
              <Link href="/account/password" className="text-white underline-offset-2 hover:text-white">
                修改密码
              </Link>
              <form action={logout}>
                <button type="submit" className="min-h-11 rounded border border-white/70 px-2 py-0.5 text-white hover:bg-white/10 sm:min-h-0">
                  退出登录
                </button>
              </form>
            </div>
          </HeaderMenu>
        )}
      </div>
      {expiresInDays !== null && (
        <p role="status" className="bg-amber-100 px-3 py-1.5 text-center text-sm text-amber-950">
          您的密码将于 {expiresInDays} 天后过期，过期后须先修改密码才能使用系统。<Link href="/account/password">现在修改</Link>
        </p>
      )}
    </header>
  );
}
