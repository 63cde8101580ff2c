"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/supervision", label: "填报情况" },
  { href: "/supervision/review", label: "审核" },
  { href: "/supervision/overdue", label: "逾期与滞后清单" },
  { href: "/supervision/notices", label: "督办台账" },
  { href: "/supervision/bulletins", label: "季度通报" },
  { href: "/supervision/targets", label: "目标调整申请" },
] as const;

/** The 督查工作台's sections; the current one is marked for screen readers too. `waiting`: reports awaiting review. */
export function SupervisionNav({ waiting }: { waiting: number | null }) {
  const path = usePathname();
  const current = (href: string) => (href === "/supervision" ? path === href : path.startsWith(href));
  return (
    <nav aria-label="督查工作台" className="no-print -mx-3 overflow-x-auto border-b px-3 sm:mx-0 sm:px-0">
      <ul className="flex gap-1 whitespace-nowrap text-sm">
        {TABS.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={current(tab.href) ? "page" : undefined}
              className="inline-block border-b-2 border-transparent px-3 py-2 text-gray-800 hover:no-underline aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
            >
              {tab.label}
              {tab.href === "/supervision/review" && waiting !== null && waiting > 0 && (
                <span className="ml-1 rounded-full bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid="review-waiting">
                  {waiting}
                  <span className="sr-only">份待审核</span>
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
