import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/app/_components/app-header";
import { RequestIdStamp } from "@/components/request-id-stamp";
import { StorageAlert } from "./_components/storage-alert";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "重点工作调度平台 · 汨罗市人民政府", template: "%s · 重点工作调度平台" },
  description: "汨罗市 2026 年市政府重点工作任务与人大代表票决民生实事调度平台",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          跳到正文
        </a>
        <AppHeader />
        <StorageAlert />
        <RequestIdStamp />
        <main id="main" className="mx-auto w-full max-w-7xl px-3 py-4 sm:px-6 sm:py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
