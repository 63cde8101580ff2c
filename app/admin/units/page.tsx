import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { Badge } from "@/components/ui/badge";
import { listUnitsForAdmin } from "@/db/queries/unit-maintenance";

export const metadata: Metadata = { title: "单位维护" };

export default async function UnitsPage() {
  await requirePermission(["units:manage"], { entity: "page", entityId: "/admin/units" });
  const rows = listUnitsForAdmin();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold sm:text-2xl">单位维护</h1>
      <p className="text-sm text-gray-700">
        单位改名、合并后，原有的报告、分项、配合情况、督办、账号和审计记录都归在新名称下，原名称作为曾用名保留。停用的单位不再承担新的任务，已有记录保留。单位类别决定“各镇政府、街道办”等集合描述包含哪些单位。
      </p>
      <div className="overflow-x-auto rounded border bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">单位名录</caption>
          <thead className="border-b bg-gray-50">
            <tr>
              <th scope="col" className="px-3 py-2">
                单位
              </th>
              <th scope="col" className="px-3 py-2">
                类别
              </th>
              <th scope="col" className="px-3 py-2">
                曾用名
              </th>
              <th scope="col" className="px-3 py-2">
                状态
              </th>
              <th scope="col" className="px-3 py-2">
                操作
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id} className="border-b last:border-0">
                <td className="px-3 py-2">{u.name}</td>
                <td className="px-3 py-2">{u.kind}</td>
                <td className="px-3 py-2">{u.formerNames.join("、") || "—"}</td>
                <td className="px-3 py-2">{u.mergedInto ? <Badge>已并入{u.mergedInto}</Badge> : u.deactivatedAt ? <Badge>已停用</Badge> : "使用中"}</td>
                <td className="px-3 py-2">
                  {u.mergedInto ? (
                    "—"
                  ) : (
                    <Link href={`/admin/units/${u.id}`} className="underline">
                      修改<span className="sr-only">{u.name}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
