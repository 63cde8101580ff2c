import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { Badge } from "@/components/ui/badge";
import { listTasks } from "@/db/queries/tasks";
import { joinNames } from "@/lib/programme-fields";

export const metadata: Metadata = { title: "基础数据维护" };

export default async function MaintainTasksPage() {
  await requirePermission(["programme:edit"], { entity: "page", entityId: "/admin/tasks" });
  const year = await currentProgrammeYear();
  const tasks = listTasks({ yearId: year.id });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold sm:text-2xl">基础数据维护：{year.year}年重点工作任务</h1>
      <p className="text-sm text-gray-700">
        修改任务的目标、板块、牵头领导、牵头单位、配合单位和量化指标。待核实事项见{" "}
        <Link href="/admin/verification" className="underline">
          待核实清单
        </Link>
        。
      </p>
      <div className="overflow-x-auto rounded border bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{year.year}年重点工作任务</caption>
          <thead className="border-b bg-gray-50">
            <tr>
              <th scope="col" className="px-3 py-2">
                序号
              </th>
              <th scope="col" className="px-3 py-2">
                目标任务
              </th>
              <th scope="col" className="px-3 py-2">
                牵头单位
              </th>
              <th scope="col" className="px-3 py-2">
                操作
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((t) => (
              <tr key={t.no} className="border-b align-top">
                <td className="px-3 py-2">{t.no}</td>
                <td className="px-3 py-2">
                  <span className="line-clamp-2">{t.target}</span>
                  {t.needsVerification && <Badge tone="warning">待核实</Badge>}
                </td>
                <td className="px-3 py-2">{joinNames(t.leadUnits) || <Badge tone="warning">待指定</Badge>}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link href={`/admin/tasks/${t.no}`}>
                    修改<span className="sr-only">第{t.no}项</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
