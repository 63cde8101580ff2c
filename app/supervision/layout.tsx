import type { ReactNode } from "react";
import { SupervisionNav } from "./_components/supervision-nav";

// Only the frame: every page under /supervision checks its own permission.
export default function SupervisionLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-gray-700">督查工作台</p>
        <SupervisionNav />
      </div>
      {children}
    </div>
  );
}
