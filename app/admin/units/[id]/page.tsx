import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { listUnitsForAdmin } from "@/db/queries/unit-maintenance";
import { UnitChangeForms } from "../_components/unit-change-forms";

export const metadata: Metadata = { title: "修改单位" };

export default async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  await requirePermission(["units:manage"], { entity: "page", entityId: `/admin/units/${raw}` });
  const all = listUnitsForAdmin();
  const unit = /^\d{1,6}$/.test(raw) ? all.find((u) => u.id === Number(raw) && !u.mergedInto) : undefined;
  if (!unit) notFound();
  const others = all.filter((u) => u.id !== unit.id && !u.mergedInto && !u.deactivatedAt && u.kind !== "群体描述").map((u) => ({ id: u.id, name: u.name }));
  return (
    <article className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/units">← 返回单位维护</Link>
      </p>
      <h1 className="text-xl font-semibold sm:text-2xl">修改单位：{unit.name}</h1>
      <p className="text-sm text-gray-700">
        类别：{unit.kind}；{unit.deactivatedAt ? "已停用" : "使用中"}；账号 {unit.accounts} 个
        {unit.formerNames.length ? `；曾用名：${unit.formerNames.join("、")}` : ""}。
      </p>
      <UnitChangeForms unit={{ id: unit.id, name: unit.name, kind: unit.kind, version: unit.version, active: unit.deactivatedAt === null }} others={others} />
    </article>
  );
}
