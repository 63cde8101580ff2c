import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { listVerificationItems } from "@/db/queries/verification";
import { subjectLabel } from "@/lib/subject";
import { ProjectVerifyForm } from "./_components/project-verify-form";

export const metadata: Metadata = { title: "待核实清单" };

export default async function VerificationPage() {
  await requirePermission(["programme:edit"], { entity: "page", entityId: "/admin/verification" });
  const items = listVerificationItems({ yearId: (await currentProgrammeYear()).id });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold sm:text-2xl">待核实清单</h1>
      <p className="text-sm text-gray-700">
        公报中存疑、需向牵头单位核实的条目，以及尚未指定牵头单位（因而无需报送）的任务。核实后记录更正内容、确认人和依据；仍需核实的可保留标记并更新说明。
      </p>
      {items.length === 0 ? (
        <p className="text-sm text-gray-700">没有待核实的条目。</p>
      ) : (
        <ul className="space-y-3" aria-label="待核实条目">
          {items.map((item) => {
            const label = subjectLabel({ kind: item.kind, no: item.no });
            return (
              <li key={`${item.kind}:${item.no}`}>
                <Card aria-label={label}>
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-semibold">{label}</span>
                    {item.needsVerification && <Badge tone="warning">待核实</Badge>}
                    {item.missingLeadUnit && <Badge tone="danger">待指定牵头单位</Badge>}
                  </p>
                  <p className="mt-1 line-clamp-2 text-sm">{item.title}</p>
                  {item.missingLeadUnit && <p className="mt-1 text-sm text-gray-800">需确认：牵头领导和牵头单位（未指定前无需报送，不计逾期）。</p>}
                  {item.note && <p className="mt-1 text-sm whitespace-pre-line text-gray-800">需核实：{item.note}</p>}
                  {item.kind === "task" ? (
                    <p className="mt-2 text-sm">
                      <Link href={`/admin/tasks/${item.no}`}>
                        核实并修改<span className="sr-only">{label}</span>
                      </Link>
                    </p>
                  ) : (
                    <ProjectVerifyForm no={item.no} version={item.version} note={item.note ?? ""} />
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
