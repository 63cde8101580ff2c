import type { Metadata } from "next";
import { NodePage } from "@/app/_components/monthly-nodes/node-page";
import { quarterLabel } from "@/lib/periods";
import { parseSubjectKey } from "@/lib/subject";

type Props = { params: Promise<{ no: string; quarter: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { no, quarter } = await params;
  return { title: `督办事项 ${no} · ${quarterLabel(quarter)}月度推进节点` };
}

export default async function ItemNodesPage({ params }: Props) {
  const { no, quarter } = await params;
  return <NodePage subjectRef={parseSubjectKey(`item:${no}`)} periodCode={quarter} />;
}
