import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { ValidationError } from "@/app/_lib/errors";
import { storeEvidence } from "@/db/evidence-store";
import { insertStagedUpload } from "@/db/queries/attachments";
import { env } from "@/lib/env";
import { tooLargeMessage } from "@/lib/evidence-limits";
import { checkEvidenceFile, MAX_EVIDENCE_BYTES } from "@/lib/file-sniff";

export const dynamic = "force-dynamic";

/** Reads at most `limit` bytes of the body; null when it is longer (the rest is not read). */
async function readCapped(req: Request, limit: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const tooLarge = (name: string) => new ValidationError(tooLargeMessage(name), { evidence: [tooLargeMessage(name)] });

/**
 * POST /api/evidence/uploads?name=<file name>: one evidence file as the request body, stored and
 * kept for the uploader's next save of a report, part or 配合情况 (which attaches it). Each file on
 * its own request, so a report's evidence is never one body too large to arrive (proxy.ts skips
 * this path for the same reason). The body is read only for a unit user, and only up to the limit.
 */
export const POST = defineRoute({
  action: "evidence.upload",
  entity: "attachment",
  read: async (req) => ({ name: new URL(req.url).searchParams.get("name") ?? "" }),
  // U+FFFD is what an undecodable name turns into on the way: refused rather than stored garbled.
  schema: z.object({
    name: z
      .string()
      .trim()
      .min(1, "缺少文件名")
      .max(255, "文件名过长")
      .refine((n) => !n.includes("\uFFFD"), "文件名含有无法识别的字符，请改名后再上传"),
  }),
  guard: () => ["evidence:upload"],
  load: ({ user }) => ({ userId: user.id }),
  prepare: async ({ userId }, { input, req }) => {
    const declared = Number(req.headers.get("content-length") ?? "0");
    if (declared > MAX_EVIDENCE_BYTES) throw tooLarge(input.name);
    const bytes = await readCapped(req, MAX_EVIDENCE_BYTES);
    if (!bytes) throw tooLarge(input.name);
    const checked = checkEvidenceFile(input.name, bytes);
    if (!checked.ok) throw new ValidationError(checked.message, { evidence: [checked.message] });
    const stored = await storeEvidence(env.dataDir, bytes);
    return { userId, file: { ...stored, filename: checked.filename, mime: checked.mime, size: checked.size } };
  },
  mutate: (tx, { userId, file }) => {
    const upload = insertStagedUpload(tx, { file, userId, now: Date.now() });
    return { entityId: upload.id, after: upload, result: upload };
  },
  respond: ({ result }) => Response.json(result, { status: 201, headers: { "cache-control": "no-store" } }),
});
