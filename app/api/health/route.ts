import { getDb } from "@/db/client";
import { getSchemaVersion } from "@/db/queries/health";
import { probeStorage } from "@/db/storage-health";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const STORAGE_MESSAGE = { full: "服务器存储空间不足，无法保存数据", io: "服务器存储出现故障，无法保存数据" } as const;

/** Up only when a write reaches the disk: a server that can show pages but not save is not healthy. */
export function GET() {
  try {
    const schemaVersion = getSchemaVersion();
    const { writable, fault } = probeStorage(getDb(), env.dataDir);
    if (!writable)
      return Response.json({ status: "error", message: STORAGE_MESSAGE[fault ?? "io"], storage: { writable, fault }, schemaVersion }, { status: 503 });
    return Response.json({ status: "ok", storage: { writable, fault }, schemaVersion });
  } catch {
    return Response.json({ status: "error", message: "数据库不可用" }, { status: 503 });
  }
}
