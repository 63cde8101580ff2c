import fs from "node:fs/promises";
import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { resolveEvidence } from "@/db/evidence-store";
import { getAttachmentForDownload } from "@/db/queries/attachments";
import { getProjectUnitIds, getTaskUnitIds } from "@/db/queries/reports";
import { contentDisposition } from "@/lib/content-disposition";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * Downloads one evidence file. Only users who may read the report's task (or project)
 * get it; every download is audited. Sent as an attachment with the sniffed type and
 * nosniff, so the browser never renders it as something else.
 */
export const GET = defineRoute({
  action: "attachment.download",
  entity: "attachment",
  schema: z.object({
    id: z
      .string()
      .regex(/^\d{1,10}$/)
      .transform(Number),
  }),
  entityId: (input) => input.id,
  load: ({ input }) => {
    const file = getAttachmentForDownload({ id: input.id });
    if (!file) return null;
    const units = file.taskId
      ? { kind: "task" as const, ...getTaskUnitIds({ taskId: file.taskId }) }
      : file.projectId
        ? { kind: "project" as const, ...getProjectUnitIds({ projectId: file.projectId }) }
        : null;
    return units ? { file, units } : null;
  },
  authorize: ({ units }) => ["report:read", units],
  auditRead: true,
  // Opened as a link: a refusal is a Chinese page, not JSON.
  pageErrors: true,
  respond: async ({ loaded: { file } }) => {
    let body: Buffer;
    try {
      body = await fs.readFile(resolveEvidence(env.dataDir, file.storagePath));
    } catch (error) {
      console.error("[attachment.download] file missing", file.id, error);
      return Response.json({ error: "not_found:attachment_file", message: "附件文件不存在，请联系系统管理员。" }, { status: 404 });
    }
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": file.mime,
        "content-length": String(body.length),
        "content-disposition": contentDisposition(file.filename),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  },
});
