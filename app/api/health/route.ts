import { getSchemaVersion } from "@/db/queries/health";

export const dynamic = "force-dynamic";

export function GET() {
  try {
    return Response.json({ status: "ok", schemaVersion: getSchemaVersion() });
  } catch {
    return Response.json({ status: "error", message: "数据库不可用" }, { status: 503 });
  }
}
