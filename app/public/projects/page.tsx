import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { appToday } from "@/app/_lib/today";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { listPeriods } from "@/db/queries/periods";
import { listProjectProgress } from "@/db/queries/project-progress";
import { listPublicPhotos } from "@/db/queries/public-projects";
import { formatChineseDate } from "@/lib/format-date";
import { dayOfTimestamp, quarterLabel } from "@/lib/periods";
import { MilestoneProgress } from "@/app/projects/[no]/_components/milestone-progress";

export const metadata: Metadata = { title: "民生实事进展公开" };
// Rendered per request (the CSP nonce needs it); proxy.ts marks the response publicly cacheable for a short time.
export const dynamic = "force-dynamic";

/**
 * 政务公开: the NPC-voted livelihood projects, their targets and the progress the 督查室
 * approved, with the photos units marked 可公开. No sign-in; nothing about people is shown
 * (no household, no clerk, no phone number): only units, targets, figures and dates.
 */
export default async function PublicProjectsPage() {
  const { id: yearId, year } = await currentProgrammeYear();
  const projects = listProjectProgress({ yearId, approvedOnly: true });
  const photos = listPublicPhotos({ yearId });
  const periods = listPeriods({ yearId });
  const today = appToday();

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold sm:text-2xl">{year} 年汨罗市人大代表票决民生实事进展</h1>
      <p className="text-sm text-gray-700">本页只公开经市政府督查室审核通过的季度进展；尚未审核的报告不在此显示。</p>
      {projects.map((project) => {
        const approvedAt = project.reports.map((r) => r.lastApprovedAt).filter((t): t is number => t !== null);
        const updated = approvedAt.length ? formatChineseDate(dayOfTimestamp(Math.max(...approvedAt))) : null;
        const own = photos.filter((p) => p.projectId === project.id);
        return (
          <Card key={project.id} aria-labelledby={`public-project-${project.no}`}>
            <h2 id={`public-project-${project.no}`} className="mb-1 text-base font-semibold sm:text-lg">
              {project.no}. {project.name}
            </h2>
            <p className="mb-3 text-sm text-gray-700">
              牵头单位：{project.leadUnits.map((u) => u.name).join("、")}
              {" · "}
              {updated ? `最近更新：${updated}（审核通过）` : "尚无审核通过的进展"}
            </p>
            <MilestoneProgress project={project} periods={periods} today={today} />
            {own.length > 0 && (
              <section aria-labelledby={`public-photos-${project.no}`} className="mt-4">
                <h3 id={`public-photos-${project.no}`} className="mb-2 text-sm font-semibold">
                  现场照片
                </h3>
                <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                  {own.map((p) => (
                    <li key={p.id}>
                      {/* eslint-disable-next-line @next/next/no-img-element -- evidence photos are served as they were uploaded, no image optimiser */}
                      <img
                        src={`/api/public/photos/${p.id}`}
                        alt={`${project.name}${quarterLabel(p.periodCode)}现场照片`}
                        className="aspect-4/3 w-full rounded object-cover"
                        loading="lazy"
                      />
                      <p className="text-xs text-gray-700">{quarterLabel(p.periodCode)}</p>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </Card>
        );
      })}
    </div>
  );
}
