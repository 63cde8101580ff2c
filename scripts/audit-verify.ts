// `npm run audit:verify`: checks the audit log's keyed hash chain and compares it with the
// checkpoint kept outside the database, reporting a broken link, re-hashed rows or rows cut
// off the end. Reads only. Exits 1 when anything is wrong.
import { verifyAuditLog } from "@/db/audit-checkpoint";
import { openDatabase } from "@/db/client";
import { env } from "@/lib/env";

const db = openDatabase(env.databasePath);
try {
  const report = verifyAuditLog(db);
  for (const line of report.messages) (report.ok ? console.log : console.error)(line);
  if (!report.ok) process.exitCode = 1;
} finally {
  db.$client.close();
}
