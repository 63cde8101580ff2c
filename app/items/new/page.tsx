import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { appToday } from "@/app/_lib/today";
import { listItemChoices } from "@/db/queries/items";
import { AssignForm } from "../_components/assign-form";

export const metadata: Metadata = { title: "录入领导交办事项" };

export default async function NewItemPage() {
  await requirePermission(["item:create"], { entity: "page", entityId: "/items/new" });
  const { leaders, units } = listItemChoices();
  return (
    <article className="space-y-4">
      <p className="text-sm">
        <Link href="/items">← 返回督办事项</Link>
      </p>
      <h1 className="text-xl font-semibold sm:text-2xl">录入领导交办事项</h1>
      <p className="max-w-2xl text-sm text-gray-700">
        把领导的批示录入为督办事项：批示原文、批示领导和日期保存为该事项的领导批示；牵头单位按季度报送进展，督查室审核、催办、督办、销号。批示未写时限的，时限选“未明确时限，由督查室确定”，以后再设定。
      </p>
      <AssignForm leaders={leaders} units={units.map((u) => ({ id: u.id, name: u.name }))} today={appToday()} />
    </article>
  );
}
