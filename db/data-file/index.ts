// The portable data file (docs/data-format.md): `data:export` writes it, `data:import`
// loads it into an empty database, and backups are checked by comparing two exports.
import { z } from "zod";
import { hashPassword } from "@/lib/password-hash";
import type { Db } from "../client";
import { rebuildQuarterStatus } from "../status/store";
import { programmeSchema } from "./file-schema";
import { DataFileError, exportProgramme, loadProgramme, type ProgrammeData } from "./programme";
import { exportMonthlyNodes, importMonthlyNodes, monthlyNodesSchema, type MonthlyNodesData } from "./monthly-nodes";
import { exportReportingData, importReportingData, reportingSchema, type ReportingData } from "./reporting";
import { fileUserSchema, importUsers, listUsersForExport, type FileUser } from "./users";

export const FORMAT = "miluo-key-tasks";
/**
 * 2: quarterly targets lock per quarter (`locks`) instead of one `lockedAt` for the whole year.
 * 3: co-lead parts, collective-descriptor members, 配合情况 of projects with evidence, 逾期说明,
 *    confirmed plausibility warnings and the plain 待核实 explanations (a version-2 file has none).
 * 4: 督办事项 (`supervisionItems`: meeting decisions, “开局八好” measures, 领导交办).
 */
export const FORMAT_VERSION = 4;

export type DataFile = { format: typeof FORMAT; formatVersion: number } & ProgrammeData & {
    users: FileUser[];
    reporting: ReportingData;
    /** 月度推进节点 (a file written before they existed has none). */
    monthlyNodes?: MonthlyNodesData;
  };

const fileSchema = z
  .object({
    format: z.literal(FORMAT),
    formatVersion: z.literal(FORMAT_VERSION),
    users: z.array(fileUserSchema.strict()),
    reporting: reportingSchema,
    monthlyNodes: monthlyNodesSchema.optional(),
  })
  .and(programmeSchema);

export function exportDataFile(db: Db): DataFile {
  const programme = exportProgramme(db);
  if (!programme) throw new DataFileError("数据库中没有工作任务，请先初始化（npm run db:seed）");
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    ...programme,
    users: listUsersForExport(db),
    reporting: exportReportingData(db),
    monthlyNodes: exportMonthlyNodes(db),
  };
}

/** Stable text form: two exports of the same data are byte-identical. */
export function serializeDataFile(file: DataFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

type V1Target = { lockedAt?: number | null; lockedBy?: string | null } & Record<string, unknown>;

/**
 * A version-1 file's whole-year lock becomes a lock of each quarter, as the migration does; versions 2
 * and 3 only lack what later versions added (a version-3 file has no 督办事项).
 */
function upgrade(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (version === 2 || version === 3) return { supervisionItems: [], ...raw, formatVersion: FORMAT_VERSION };
  if ((raw as { formatVersion?: unknown }).formatVersion !== 1) return raw;
  const file = raw as { reporting?: { targets?: V1Target[] } };
  const targets = (file.reporting?.targets ?? []).map(({ lockedAt, lockedBy, ...rest }) => ({
    ...rest,
    locks: lockedAt != null && lockedBy != null ? [1, 2, 3, 4].map((quarter) => ({ quarter, lockedAt, lockedBy })) : [],
  }));
  return { supervisionItems: [], ...file, formatVersion: FORMAT_VERSION, reporting: file.reporting ? { ...file.reporting, targets } : file.reporting };
}

export function parseDataFile(text: string): DataFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DataFileError("文件不是有效的 JSON");
  }
  const parsed = fileSchema.safeParse(upgrade(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(`数据文件格式不正确：${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim());
  }
  return parsed.data as DataFile;
}

/**
 * Loads a data file into an empty database in one transaction: all or nothing.
 * Accounts get INITIAL_PASSWORD (hashed first: no async work inside the transaction).
 * The quarter judgements are derived data: they are recomputed from what was loaded.
 */
export async function importDataFile(db: Db, file: DataFile, opts: { initialPassword: string }): Promise<void> {
  const hashes = await Promise.all(file.users.map(() => hashPassword(opts.initialPassword)));
  db.transaction(
    (tx) => {
      loadProgramme(tx, file);
      importUsers(tx, file.users, hashes);
      importReportingData(tx, file.reporting);
      importMonthlyNodes(tx, file.monthlyNodes ?? []);
    },
    { behavior: "immediate" },
  );
  rebuildQuarterStatus(db, { write: true });
}

export { DataFileError };
export { commitYearImport, hasAnyYear, importYear, planYearImport, prepareYearImport, type PreparedYearImport, type YearImportPlan } from "./next-year";
