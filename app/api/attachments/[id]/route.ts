import fs from "node:fs/promises";
import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { resolveEvidence } from "@/db/evidence-store";
import { getAttachmentForDownload } from "@/db/queries/attachments";
import { getItemUnitIds, getProjectUnitIds, getTaskUnitIds } from "@/db/queries/reports";
import { contentDisposition } from "@/lib/content-disposition";
import { env } from "@/lib/env";
import { EVIDENCE_POLICY } from "@/lib/csp";
import { previewMime } from "@/lib/file-sniff";

export const dynamic = "force-dynamic";

/**
 * Opens one evidence file. Only users who may read the report's task (project, 督办事项) get it (a
 * 配合情况's file: those who may read the note);
 * every download is audited. A PDF, PNG or JPEG (judged by its bytes again, not by the stored
 * type) opens in the browser in a sandbox with no scripts or requests; every other type, and
 * any file with `?download=1`, is sent as an attachment. nosniff always: the browser never
 * renders it as something else.
 */
export const GET = defineRoute({
  action: "attachment.download",
  entity: "attachment",
  schema: z.object({
    id: z
      .string()
      .regex(/^\d{1,10}$/)
      .transform(Number),
    download: z.literal("1").optional(),
  }),
  entityId: (input) => input.id,
  load: ({ input }) => {
    const file = getAttachmentForDownload({ id: input.id });
    if (!file) return null;
    const units = file.taskId
      ? { kind: "task" as const, ...getTaskUnitIds({ taskId: file.taskId }) }
      : file.projectId
        ? { kind: "project" as const, ...getProjectUnitIds({ projectId: file.projectId }) }
        : file.itemId
          ? { kind: "item" as const, ...getItemUnitIds({ itemId: file.itemId }) }
          : null;
    return units ? { file, units } : null;
  },
  // A 配合情况's file is read by those who may read that note, not by every reader of the report.
  authorize: ({ file, units }) =>
    file.noteUnitId !== null ? ["coopNote:read", { leadUnitIds: units.leadUnitIds, noteUnitId: file.noteUnitId }] : ["report:read", units],
  auditRead: true,
  // Opened as a link: a refusal is a Chinese page, not JSON.
  pageErrors: true,
  respond: async ({ loaded: { file }, ctx: { input } }) => {
    let body: Buffer;
    try {
      body = await fs.readFile(resolveEvidence(env.dataDir, file.storagePath));
    } catch (error) {
      console.error("[attachment.download] file missing", file.id, error);
      return Response.json({ error: "not_found:attachment_file", message: "附件文件不存在，请联系系统管理员。" }, { status: 404 });
    }
    const bytes = new Uint8Array(body);
    const inline = input.download ? null : previewMime(bytes);
    return new Response(bytes, {
      headers: {
        "content-type": inline ?? file.mime,
        "content-length": String(body.length),
        "content-disposition": contentDisposition(file.filename, inline ? "inline" : "attachment"),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
        "content-security-policy": EVIDENCE_POLICY,
      },
    });
  },
});
