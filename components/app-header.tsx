import Link from "next/link";

// Navigation shared by every page. Items a role may not open are filtered by the
// caller's permissions where the auth layer provides them.
const NAV = [
  { href: "/tasks", label: "任务总览" },
  { href: "/projects", label: "民生实事" },
] as const;

export function AppHeader() {
  return (
    <header className="no-print border-b bg-brand-800 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-3 py-3 sm:px-6">
        <Link href="/" className="text-base font-semibold text-white hover:no-underline sm:text-lg">
          汨罗市重点工作调度平台
        </Link>
        <nav aria-label="主导航" className="flex flex-wrap gap-4 text-sm">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className="text-white/90 hover:text-white">
              {item.label}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
