import type { ReactNode } from "react";
import { getCurrentUser } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { countReviewQueue } from "@/db/queries/review-queue";
import { can } from "@/lib/permissions";
import { SupervisionNav } from "./_components/supervision-nav";

// Only the frame: every page under /supervision checks its own permission. The waiting
// count is read only for a user who may see the desk, so the frame leaks nothing.
export default async function SupervisionLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const waiting = can(user, "supervision:read") ? countReviewQueue({ yearId: (await currentProgrammeYear()).id }) : null;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-gray-700">督查工作台</p>
        <SupervisionNav waiting={waiting} />
      </div>
      {children}
    </div>
  );
}
