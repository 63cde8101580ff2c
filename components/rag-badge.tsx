import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Rag } from "@/lib/rag";
import { RAG_LABEL } from "@/lib/status-config";

const TONE: Record<Rag, BadgeTone> = { red: "danger", amber: "warning", green: "success" };

/** The 红/黄/绿 status as a badge: the colour is never the only cue, the word is always there. */
export function RagBadge({ rag, className = "" }: { rag: Rag; className?: string }) {
  return (
    <Badge tone={TONE[rag]} className={className}>
      {RAG_LABEL[rag]}
    </Badge>
  );
}
