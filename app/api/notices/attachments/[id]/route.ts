import fs from "node:fs/promises";
import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { resolveEvidence } from "@/db/evidence-store";
import { getNoticeAttachmentForDownload } from "@/db/queries/notices";
import { contentDisposition } from "@/lib/content-disposition";
import { env } from "@/lib/env";
import { EVIDENCE_POLICY } from "@/lib/csp";

export const dynamic = "force-dynamic";

/**
 * Downloads a file a unit attached to its reply to a notice: the offices and the units the
 * notice was addressed to; every download is audited. Sent as an attachment, never rendered.
 */
export const GET = defineRoute({
  action: "notice.attachment.download",
  entity: "attachment",
  schema: z.object({
    id: z
      .string()
      .regex(/^\d{1,10}$/)
      .transform(Number),
  }),
  entityId: (input) => input.id,
  load: ({ input }) => getNoticeAttachmentForDownload({ id: input.id }),
  authorize: ({ addresseeUnitIds }) => ["notice:read", { addresseeUnitIds }],
  auditRead: true,
  respond: async ({ loaded: { file } }) => {
    let body: Buffer;
    try {
      body = await fs.readFile(resolveEvidence(env.dataDir, file.storagePath));
    } catch (error) {
      console.error("[notice.attachment.download] file missing", file.id, error);
      return Response.json({ error: "not_found:attachment_file", message: "附件文件不存在，请联系系统管理员。" }, { status: 404 });
    }
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": file.mime,
        "content-length": String(body.length),
        "content-disposition": contentDisposition(file.filename),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
        "content-security-policy": EVIDENCE_POLICY,
      },
    });
  },
});
