import { FieldList } from "@/components/ui/field-list";
import { formatChineseDate } from "@/lib/format-date";

/** Where a gazette row comes from: 文号, date, document title and the place inside it. */
export function SourceFields({ source, note }: { source: { docNo: string; issuedOn: string; title: string; sourceRef: string }; note?: string | null }) {
  return (
    <FieldList
      items={[
        { label: "文号", value: source.docNo },
        { label: "印发日期", value: <time dateTime={source.issuedOn}>{formatChineseDate(source.issuedOn)}</time> },
        { label: "文件", value: `《${source.title}》` },
        { label: "出处", value: source.sourceRef },
        ...(note ? [{ label: "核对说明", value: <span className="whitespace-pre-line">{note}</span> }] : []),
      ]}
    />
  );
}
