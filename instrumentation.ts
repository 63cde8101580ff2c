// Runs once when the production server starts (Next's instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getDb }, { startMaintenance }, { env }] = await Promise.all([import("@/db/client"), import("@/db/maintenance"), import("@/lib/env")]);
  startMaintenance({ db: getDb(), dataDir: env.dataDir });
}
