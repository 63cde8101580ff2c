import fs from "node:fs/promises";
import { resolveEvidence } from "@/db/evidence-store";
import { getPublicPhoto } from "@/db/queries/public-projects";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const NOT_FOUND = () => Response.json({ error: "not_found:photo", message: "图片不存在或未公开。" }, { status: 404 });

/**
 * A photo of the 政务公开 page, open to everyone: only an evidence image its unit marked
 * 可公开 that belongs to a report version the 督查室 approved; anything else is 404 (no hint
 * whether the file exists). Cached publicly: a photo's bytes never change.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,10}$/.test(id)) return NOT_FOUND();
  const photo = getPublicPhoto({ id: Number(id) });
  if (!photo) return NOT_FOUND();
  let body: Buffer;
  try {
    body = await fs.readFile(resolveEvidence(env.dataDir, photo.storagePath));
  } catch {
    return NOT_FOUND();
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": photo.mime,
      "content-length": String(body.length),
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=3600",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
