import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { Card, CardTitle } from "@/components/ui/card";
import { VerificationCallout } from "@/components/verification-callout";
import { getProjectByNo } from "@/db/queries/projects";
import { listRegisterHistory, listRegisterPhotos, type RegisterHistoryEntry } from "@/db/queries/register";
import { auditActionLabel } from "@/lib/audit-labels";
import { auditChanges } from "@/lib/audit-changes";
import { formatChineseDate } from "@/lib/format-date";
import { formatDateTime } from "@/lib/format-time";
import { can } from "@/lib/permissions";
import { checkRegister, drivesReport, REGISTER_STATUS_LABEL, REGISTER_TITLE, registerPartValues, STATUSES_OF, stageCounts } from "@/lib/register";
import { TOTAL_KEY } from "@/lib/project-progress";
import { parseProjectNo } from "../report/[quarter]/report-context";
import { deleteRegisterItem, importRegister, previewRegisterImport, saveRegisterItem } from "./actions";
import { RegisterImportForm } from "./_components/register-import-form";
import { RegisterTable } from "./_components/register-table";
import { loadRegisterContext, type RegisterSection } from "./register-context";

type Props = { params: Promise<{ no: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `民生实事 ${(await params).no} · 明细台账` };
}

function History({ entries }: { entries: RegisterHistoryEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <details className="mt-2 text-sm">
      <summary className="min-h-11 cursor-pointer py-2 text-brand-700">修改记录（{entries.length}）</summary>
      <ol className="space-y-2">
        {entries.map((e) => (
          <li key={e.id} className="rounded bg-gray-50 p-2">
            <p className="text-xs text-gray-700">
              {formatDateTime(e.at)} · {e.username ?? "—"} · {auditActionLabel(e.action)}
            </p>
            <table className="mt-1 w-full text-xs">
              <thead>
                <tr className="text-left text-gray-700">
                  <th scope="col">项目</th>
                  <th scope="col">修改前</th>
                  <th scope="col">修改后</th>
                </tr>
              </thead>
              <tbody>
                {auditChanges(e.before, e.after).map((c) => (
                  <tr key={c.field}>
                    <th scope="row" className="pr-2 text-left font-normal">
                      {c.field}
                    </th>
                    <td className="pr-2 break-words">{c.before || "—"}</td>
                    <td className="break-words">{c.after || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The gazette's totals against the register, and what the register derives as of today. */
function Totals({ section, today }: { section: RegisterSection; today: string }) {
  const { part, kind, items } = section;
  const unit = part.totalUnit ?? "";
  if (!drivesReport(kind)) {
    const counts = stageCounts(items);
    return (
      <div className="overflow-x-auto">
        <table className="text-sm">
          <caption className="text-left text-xs text-gray-700">各栋户数按阶段（实施方案未载明户数，以登记为准）</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-3 text-left">
                小区 栋
              </th>
              {STATUSES_OF.urbanHouse.map((s) => (
                <th key={s} scope="col" className="pr-3">
                  {REGISTER_STATUS_LABEL[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.entries(counts).map(([building, byStage]) => (
              <tr key={building}>
                <th scope="row" className="pr-3 text-left font-normal">
                  {building}
                </th>
                {STATUSES_OF.urbanHouse.map((s) => (
                  <td key={s} className="pr-3 text-center">
                    {byStage[s]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const check = checkRegister(part, items);
  const done = registerPartValues(part, items, today);
  const doneOf = (label: string) => (label === "合计" ? Object.values(done).reduce((a, b) => a + b, 0) : (done[label] ?? done[TOTAL_KEY] ?? 0));
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table className="text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">
                类别
              </th>
              <th scope="col" className="pr-4">
                公报数（{unit}）
              </th>
              <th scope="col" className="pr-4">
                已登记
              </th>
              <th scope="col">截至今日完工</th>
            </tr>
          </thead>
          <tbody>
            {check.lines.map((l) => (
              <tr key={l.label}>
                <th scope="row" className="pr-4 text-left font-normal">
                  {l.label}
                </th>
                <td className="pr-4 text-center">{l.expected ?? "—"}</td>
                <td className="pr-4 text-center">{l.registered}</td>
                <td className="text-center">{doneOf(l.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {check.mismatches.length > 0 && (
        <div className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" data-testid="register-mismatch">
          <p className="font-semibold">登记数与公报不一致</p>
          <ul className="list-disc pl-5">
            {check.mismatches.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/**
 * A livelihood project's 明细台账: every bridge or household with its state, entered by the
 * project's units; the quarterly report takes its cumulative counts from here.
 */
export default async function RegisterPage({ params }: Props) {
  const no = parseProjectNo((await params).no);
  const year = await currentProgrammeYear();
  const ctx = no === null ? null : loadRegisterContext({ year, no });
  if (!ctx) notFound();
  const units = { leadUnitIds: ctx.leadUnitIds, relatedUnitIds: ctx.relatedUnitIds };
  const user = await requirePermission(["register:read", units], { entity: "register", entityId: String(ctx.project.no) });
  const canEdit = can(user, "register:edit", { leadUnitIds: ctx.leadUnitIds, relatedUnitIds: ctx.relatedUnitIds });
  const project = getProjectByNo({ yearId: year.id, no: ctx.project.no });
  const itemIds = ctx.sections.flatMap((s) => s.items.map((i) => i.id));
  const photos = listRegisterPhotos({ itemIds });
  const history = listRegisterHistory({ itemIds });
  const today = appToday();

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href={`/projects/${ctx.project.no}`}>← 返回民生实事 {ctx.project.no}</Link>
      </p>
      <header>
        <p className="mb-1 text-sm text-gray-700">
          民生实事 第 {ctx.project.no} 项 · {year.year} 年度明细台账
        </p>
        <h1 className="text-lg font-semibold sm:text-xl">{ctx.project.name}</h1>
        <p className="mt-1 text-sm text-gray-700">季度报告中的累计完成数由本台账按季度末（完工日期不晚于季度最后一天）自动统计，不再另行填写。</p>
      </header>
      {project?.needsVerification && <VerificationCallout note={project.note} />}

      {ctx.sections.map((section) => {
        const headingId = `register-${section.part.position}-heading`;
        return (
          <Card key={section.part.id} aria-labelledby={headingId}>
            <CardTitle id={headingId}>
              {section.part.name} · {REGISTER_TITLE[section.kind]}
            </CardTitle>
            <div className="space-y-3">
              {section.part.baseline && <p className="text-sm text-gray-700">{section.part.baseline}</p>}
              <Totals section={section} today={today} />
              {canEdit && (
                <RegisterImportForm
                  scope={{ year: year.year, projectNo: ctx.project.no, part: section.part.position }}
                  partName={section.part.name}
                  preview={previewRegisterImport}
                  commit={importRegister}
                  exportHref={`/api/exports/register?year=${year.year}&projectNo=${ctx.project.no}&part=${section.part.position}`}
                />
              )}
              {!canEdit && (
                <p className="text-sm">
                  <a
                    className="text-brand-700 underline"
                    href={`/api/exports/register?year=${year.year}&projectNo=${ctx.project.no}&part=${section.part.position}`}
                  >
                    下载本台账（Excel）
                  </a>
                </p>
              )}
              <RegisterTable
                scope={{
                  year: year.year,
                  projectNo: ctx.project.no,
                  part: section.part.position,
                  kind: section.kind,
                  categories: [...section.part.categories],
                  estates: ctx.estates,
                  today,
                }}
                rows={section.items.map((i) => ({
                  id: i.id,
                  version: i.version,
                  place: i.place,
                  subPlace: i.subPlace,
                  name: i.name,
                  severity: i.severity,
                  measure: i.measure,
                  status: i.status,
                  statusOn: i.statusOn,
                  note: i.note,
                  photos: (photos.get(i.id) ?? []).map((p) => ({ id: p.id, filename: p.filename })),
                }))}
                extras={Object.fromEntries(
                  section.items.map((i) => [
                    i.id,
                    <div key={i.id}>
                      {(photos.get(i.id) ?? []).length > 0 && (
                        <p className="mt-1 text-sm">
                          照片：
                          {(photos.get(i.id) ?? []).map((p) => (
                            <a key={p.id} href={`/api/attachments/${p.id}`} className="mr-2 text-brand-700 underline">
                              {p.filename}
                            </a>
                          ))}
                        </p>
                      )}
                      <p className="mt-1 text-xs text-gray-700">
                        最后修改：{formatDateTime(i.updatedAt)} {i.updatedByName ?? ""}
                        {i.statusOn ? ` · ${REGISTER_STATUS_LABEL[i.status]}于 ${formatChineseDate(i.statusOn)}` : ""}
                      </p>
                      <History entries={history.get(i.id) ?? []} />
                    </div>,
                  ]),
                )}
                canEdit={canEdit}
                save={saveRegisterItem}
                remove={deleteRegisterItem}
              />
            </div>
          </Card>
        );
      })}
    </article>
  );
}
