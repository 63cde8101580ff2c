"use client";

import { useState, type ReactNode } from "react";

/**
 * On a phone the header stays one line (the title, the bell, a "菜单" button) and the
 * navigation and account links open below it; from the sm breakpoint they are always shown,
 * with the bell at the end.
 */
export function HeaderMenu({ bell, children }: { bell: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <div className="ml-auto flex shrink-0 items-center gap-2 sm:order-last sm:ml-0">
        {bell}
        <button
          type="button"
          aria-expanded={open}
          aria-controls="header-menu"
          onClick={() => setOpen((v) => !v)}
          className="min-h-11 rounded border border-white/70 px-3 text-sm text-white hover:bg-white/10 sm:hidden"
        >
          {open ? "收起菜单" : "菜单"}
        </button>
      </div>
      <div
        id="header-menu"
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 sm:flex sm:w-auto sm:grow sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-6`}
      >
        {children}
      </div>
    </>
  );
}
