import type { Metadata } from "next";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { listSuggestions } from "@/db/queries/deputies";
import { SuggestionList } from "../_components/suggestion-list";

export const metadata: Metadata = { title: "代表建议" };

/** Every 建议 of the year's livelihood projects with the lead units' answers: the 督查室's overview. */
export default async function SuggestionsPage() {
  await requirePermission(["satisfaction:manage"], { entity: "page", entityId: "/deputies/suggestions" });
  const year = await currentProgrammeYear();
  const items = listSuggestions({ yearId: year.id });
  const open = items.filter((s) => !s.answer).length;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold sm:text-2xl">{year.year} 年人大代表建议（民生实事）</h1>
      <p className="text-sm text-gray-700">
        共 {items.length} 条，其中 {open} 条尚未答复。建议由人大代表在民生实事页面提出，牵头单位答复。
      </p>
      <SuggestionList items={items} mayAnswer={false} showProject />
    </div>
  );
}
