import { listSubjectHandovers } from "@/db/queries/leader-handover";
import { leadersText } from "@/lib/leader-handover";
import type { SubjectRef } from "@/lib/subject";

/** A subject's 牵头领导 with the handovers that brought them to it (lib/leader-handover.ts). */
export function SubjectLeaders({ leaders, subject, yearId }: { leaders: { name: string; title: string | null }[]; subject: SubjectRef; yearId: number }) {
  return <span data-testid="subject-leaders">{leadersText(leaders, listSubjectHandovers({ yearId, ref: subject }))}</span>;
}
