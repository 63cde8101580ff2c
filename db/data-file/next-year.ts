// Loading a programme year from a data file into a database that already holds other years
// (`npm run data:import -- file.json --year 2027`, and /admin/years). Everything is matched by
// its natural key (year + 序号, unit and leader names, usernames, source-document keys): what
// exists is never duplicated and never overwritten, and what cannot be matched is refused with
// the reason. `planYearImport` is the dry run; `importYear` commits exactly that plan.
import { and, asc, eq, inArray, max } from "drizzle-orm";
import { carryOverOf, isCrossYearProject } from "@/lib/carry-over";
import { hashPassword } from "@/lib/password-hash";
import type { Db, Tx } from "../client";
import { addCollectiveMembersByKind } from "../collective-members";
import {
  leaders,
  livelihoodProjects,
  periods,
  programmeYears,
  projectCarryovers,
  projectLeaders,
  projectParts,
  projectUnits,
  reportPartValues,
  reports,
  sourceDocuments,
  unitFormerNames,
  units,
  users,
} from "../schema";
import type { DataFile } from "./index";
import { DataFileError, exportProgramme, loadProgramme, type FileProject, type FileTask } from "./programme";
import { importUsers } from "./users";

type Reader = Db | Tx;

export interface YearImportPlan {
  year: number;
  /** The year is already loaded with the same content: nothing of the programme is written. */
  yearExists: boolean;
  created: string[];
  matched: string[];
  refused: string[];
}

/** Current unit name for each name a unit has had (renamed, or merged into another). */
function unitNameResolver(db: Reader) {
  const rows = db
    .select({ id: units.id, name: units.name, kind: units.kind, deactivatedAt: units.deactivatedAt, mergedIntoId: units.mergedIntoId })
    .from(units)
    .all();
  // A merged unit's name now stands for the unit it was merged into (a former name of that unit).
  const byName = new Map(rows.filter((u) => u.mergedIntoId === null).map((u) => [u.name, u]));
  const byId = new Map(rows.map((u) => [u.id, u]));
  const former = new Map(
    db
      .select({ name: unitFormerNames.name, unitId: unitFormerNames.unitId })
      .from(unitFormerNames)
      .all()
      .map((f) => [f.name, byId.get(f.unitId)]),
  );
  return (name: string) => byName.get(name) ?? former.get(name) ?? null;
}

/** The file with every unit it names under the name the unit has now. */
function withCurrentUnitNames(db: Reader, file: DataFile): DataFile {
  const resolve = unitNameResolver(db);
  const current = (name: string) => resolve(name)?.name ?? name;
  const names = (list: string[]) => list.map(current);
  const seen = new Set<string>();
  return {
    ...file,
    units: file.units.map((u) => ({ ...u, name: current(u.name) })).filter((u) => !seen.has(u.name) && seen.add(u.name)),
    tasks: file.tasks.map((t) => ({ ...t, leadUnits: names(t.leadUnits), coopUnits: names(t.coopUnits) })),
    livelihoodProjects: file.livelihoodProjects.map((p) => ({ ...p, leadUnits: names(p.leadUnits), relatedUnits: names(p.relatedUnits) })),
    users: file.users.map((u) => (u.unit ? { ...u, unit: current(u.unit) } : u)),
  };
}

const normalTask = (t: FileTask) => JSON.stringify({ ...t, verificationNote: t.verificationNote ?? null });
const normalProject = (p: FileProject) => JSON.stringify({ ...p, verificationNote: p.verificationNote ?? null });
const list = (names: string[], limit = 8) => (names.length > limit ? `${names.slice(0, limit).join("、")} 等 ${names.length} 个` : names.join("、"));

/** Projects of a year that the carry-over created (not in any file): left out when comparing a re-import. */
function carriedProjectIds(db: Reader, yearId: number): Set<number> {
  return new Set(
    db
      .selectDistinct({ id: projectParts.projectId })
      .from(projectCarryovers)
      .innerJoin(projectParts, eq(projectParts.id, projectCarryovers.toPartId))
      .innerJoin(livelihoodProjects, eq(livelihoodProjects.id, projectParts.projectId))
      .where(eq(livelihoodProjects.yearId, yearId))
      .all()
      .map((r) => r.id),
  );
}

export function planYearImport(db: Reader, raw: DataFile, { year }: { year: number }): YearImportPlan {
  const plan: YearImportPlan = { year, yearExists: false, created: [], matched: [], refused: [] };
  if (raw.year.year !== year) {
    plan.refused.push(`文件是 ${raw.year.year} 年度的数据，与指定的 ${year} 年度不一致`);
    return plan;
  }
  const file = withCurrentUnitNames(db, raw);
  const resolve = unitNameResolver(db);

  // Filing data belongs to the people who file it: a year is loaded with its programme and quarters only.
  const { periods: filePeriods, ...filed } = raw.reporting;
  const withRows = Object.entries(filed).filter(([, rows]) => Array.isArray(rows) && rows.length > 0);
  if (withRows.length > 0)
    plan.refused.push(
      `文件含有填报数据（${withRows.map(([k, rows]) => `${k} ${(rows as unknown[]).length} 条`).join("、")}），载入新年度时不接收填报数据，请在系统中填写`,
    );
  const foreign = filePeriods.filter((p) => !p.code.startsWith(`${year}Q`));
  if (foreign.length > 0) plan.refused.push(`填报季度 ${list(foreign.map((p) => p.code))} 不属于 ${year} 年度`);

  // Units: by name, or by a name the unit had before (renamed or merged).
  const renamed = raw.units.filter((u) => resolve(u.name) && resolve(u.name)!.name !== u.name).map((u) => `${u.name}→${resolve(u.name)!.name}`);
  const newUnits = file.units.filter((u) => !resolve(u.name));
  const otherKind = file.units
    .filter((u) => resolve(u.name) && resolve(u.name)!.kind !== u.kind)
    .map((u) => `${u.name}（系统中为${resolve(u.name)!.kind}，保持不变）`);
  plan.matched.push(
    `单位 ${file.units.length - newUnits.length} 个按名称匹配${renamed.length ? `，其中按原名匹配：${list(renamed)}` : ""}${otherKind.length ? `；类别不同：${list(otherKind)}` : ""}`,
  );
  if (newUnits.length) plan.created.push(`新建单位：${list(newUnits.map((u) => `${u.name}（${u.kind}）`))}`);
  const assigned = new Set([
    ...file.tasks.flatMap((t) => [...t.leadUnits, ...t.coopUnits]),
    ...file.livelihoodProjects.flatMap((p) => [...p.leadUnits, ...p.relatedUnits]),
  ]);
  const inactive = [...assigned].filter((name) => resolve(name)?.deactivatedAt != null);
  if (inactive.length) plan.refused.push(`单位 ${list(inactive)} 已停用，不能在新年度承担任务`);

  const knownLeaders = new Set(
    db
      .select({ name: leaders.name })
      .from(leaders)
      .all()
      .map((l) => l.name),
  );
  const newLeaders = file.leaders.filter((l) => !knownLeaders.has(l.name));
  plan.matched.push(`领导 ${file.leaders.length - newLeaders.length} 位按姓名匹配`);
  if (newLeaders.length) plan.created.push(`新建领导：${list(newLeaders.map((l) => l.name))}`);

  for (const d of file.sourceDocuments) {
    const existing = db.select().from(sourceDocuments).where(eq(sourceDocuments.key, d.key)).get();
    if (!existing) plan.created.push(`新建来源文件：${d.docNo}`);
    else if (existing.docNo !== d.docNo) plan.refused.push(`来源文件“${d.key}”在系统中是 ${existing.docNo}，文件中是 ${d.docNo}，不覆盖`);
    else plan.matched.push(`来源文件 ${d.docNo} 已存在`);
  }

  const yearRow = db.select().from(programmeYears).where(eq(programmeYears.year, year)).get();
  if (yearRow) {
    plan.yearExists = true;
    const stored = exportProgramme(db, year)!;
    const carried = carriedProjectIds(db, yearRow.id);
    const carriedNos = new Set(
      db
        .select({ no: livelihoodProjects.no, id: livelihoodProjects.id })
        .from(livelihoodProjects)
        .where(eq(livelihoodProjects.yearId, yearRow.id))
        .all()
        .filter((p) => carried.has(p.id))
        .map((p) => p.no),
    );
    const storedTasks = new Map(stored.tasks.map((t) => [t.no, normalTask(t)]));
    const storedProjects = new Map(
      stored.livelihoodProjects.filter((p) => !carriedNos.has(p.no) || file.livelihoodProjects.some((f) => f.no === p.no)).map((p) => [p.no, normalProject(p)]),
    );
    const differ = [
      ...file.tasks.filter((t) => storedTasks.get(t.no) !== normalTask(t)).map((t) => `第${t.no}项`),
      ...stored.tasks.filter((t) => !file.tasks.some((f) => f.no === t.no)).map((t) => `第${t.no}项`),
      ...file.livelihoodProjects.filter((p) => storedProjects.get(p.no) !== normalProject(p)).map((p) => `民生实事${p.no}`),
      ...[...storedProjects.keys()].filter((no) => !file.livelihoodProjects.some((f) => f.no === no)).map((no) => `民生实事${no}`),
    ];
    if (differ.length) plan.refused.push(`${year} 年度已在系统中，${list(differ)}与文件不一致；不覆盖已有数据，请在“基础数据”中逐项修改`);
    else plan.matched.push(`${year} 年度已在系统中，${file.tasks.length} 项任务、${file.livelihoodProjects.length} 个民生实事与文件一致，不再写入`);
  } else {
    const taken = db
      .select({ code: periods.code })
      .from(periods)
      .where(
        inArray(
          periods.code,
          filePeriods.map((p) => p.code),
        ),
      )
      .all();
    if (taken.length) plan.refused.push(`填报季度 ${list(taken.map((p) => p.code))} 已存在`);
    plan.created.push(
      `新建 ${year} 年度“${file.year.title}”：${file.tasks.length} 项任务、${file.livelihoodProjects.length} 个民生实事、${filePeriods.length} 个填报季度`,
    );
  }

  // Accounts: an existing username is left exactly as it is, whatever the file says.
  const existingUsers = new Map(
    db
      .select({ username: users.username, unitId: users.unitId, leaderId: users.leaderId })
      .from(users)
      .all()
      .map((u) => [u.username, u]),
  );
  const fileUnitNames = new Set(file.units.map((u) => u.name));
  const fileLeaderNames = new Set(file.leaders.map((l) => l.name));
  const newUsers = file.users.filter((u) => !existingUsers.has(u.username));
  const unbound = newUsers.filter(
    (u) => (u.unit && !fileUnitNames.has(u.unit) && !resolve(u.unit)) || (u.leader && !fileLeaderNames.has(u.leader) && !knownLeaders.has(u.leader)),
  );
  if (unbound.length) plan.refused.push(`账号 ${list(unbound.map((u) => u.username))} 所属单位或领导在文件和系统中都找不到`);
  if (file.users.length > newUsers.length) plan.matched.push(`账号 ${file.users.length - newUsers.length} 个已存在，保持不变（不覆盖姓名、绑定、密码）`);
  if (newUsers.length) plan.created.push(`新建账号：${list(newUsers.map((u) => u.username))}（初始密码，首次登录须修改）`);

  for (const c of planCarryOver(db, year)) (c.exists ? plan.matched : plan.created).push(c.text);
  return plan;
}

interface CarryOverCandidate {
  fromProject: typeof livelihoodProjects.$inferSelect;
  fromPart: typeof projectParts.$inferSelect;
  remaining: number;
  completed: number | null;
  completedByCategory: Record<string, number>;
  basis: string;
  exists: boolean;
  text: string;
}

/** The cross-year project parts of the year before `year` that still have something left. */
function planCarryOver(db: Reader, year: number): CarryOverCandidate[] {
  const previous = db
    .select()
    .from(programmeYears)
    .where(eq(programmeYears.year, year - 1))
    .get();
  if (!previous) return [];
  const q4 = db
    .select()
    .from(periods)
    .where(and(eq(periods.yearId, previous.id), eq(periods.quarter, 4)))
    .get();
  const target = db.select().from(programmeYears).where(eq(programmeYears.year, year)).get();
  const out: CarryOverCandidate[] = [];
  const projects = db.select().from(livelihoodProjects).where(eq(livelihoodProjects.yearId, previous.id)).orderBy(asc(livelihoodProjects.no)).all();
  for (const project of projects.filter((p) => isCrossYearProject(p.name))) {
    const report = q4
      ? db
          .select({ id: reports.id, status: reports.status })
          .from(reports)
          .where(and(eq(reports.projectId, project.id), eq(reports.periodId, q4.id)))
          .get()
      : undefined;
    const parts = db.select().from(projectParts).where(eq(projectParts.projectId, project.id)).orderBy(asc(projectParts.position)).all();
    for (const part of parts) {
      if (part.total === null) continue;
      const values = report
        ? db
            .select({ category: reportPartValues.category, value: reportPartValues.value })
            .from(reportPartValues)
            .where(and(eq(reportPartValues.reportId, report.id), eq(reportPartValues.partId, part.id)))
            .all()
        : [];
      const c = carryOverOf({ total: part.total, categories: part.categories }, report ? { status: report.status, values } : null, `${previous.year}年`);
      const exists =
        target !== undefined &&
        db
          .select({ id: projectCarryovers.id })
          .from(projectCarryovers)
          .innerJoin(projectParts, eq(projectParts.id, projectCarryovers.toPartId))
          .innerJoin(livelihoodProjects, eq(livelihoodProjects.id, projectParts.projectId))
          .where(and(eq(projectCarryovers.fromPartId, part.id), eq(livelihoodProjects.yearId, target.id)))
          .get() !== undefined;
      if (c.remaining <= 0 && !exists) continue;
      const what = `民生实事${project.no}“${part.name}”`;
      const text = exists ? `${what}已结转到 ${year} 年度` : `结转 ${what}：剩余 ${c.remaining} ${part.totalUnit ?? ""}（总数 ${part.total}，${c.basis}）`;
      out.push({ fromProject: project, fromPart: part, ...c, exists, text });
    }
  }
  return out;
}

/**
 * Writes the carry-over: into the new year's project of the same name when the file has one
 * (its figures stay as the file says; the carry-over row records what was left), else into a
 * project copied from last year's (leaders, units, source) whose part's total is what is left,
 * with no milestones (the new year's nodes are not known yet: flagged 待核实).
 * Hook: a per-item register (which bridges are left) attaches to the project_carryovers row.
 */
function writeCarryOver(tx: Tx, { year, now }: { year: number; now: number }): void {
  const target = tx.select().from(programmeYears).where(eq(programmeYears.year, year)).get();
  if (!target) return;
  const candidates = planCarryOver(tx, year).filter((c) => !c.exists);
  const createdFor = new Map<number, number>();
  for (const c of candidates) {
    let projectId =
      createdFor.get(c.fromProject.id) ??
      tx
        .select({ id: livelihoodProjects.id })
        .from(livelihoodProjects)
        .where(and(eq(livelihoodProjects.yearId, target.id), eq(livelihoodProjects.name, c.fromProject.name)))
        .get()?.id;
    if (projectId === undefined) {
      // Last year's 序号 when the new year has not used it, else the next free one.
      const taken = tx.select({ no: livelihoodProjects.no }).from(livelihoodProjects).where(eq(livelihoodProjects.yearId, target.id)).all();
      const no = taken.some((p) => p.no === c.fromProject.no) ? Math.max(...taken.map((p) => p.no)) + 1 : c.fromProject.no;
      projectId = tx
        .insert(livelihoodProjects)
        .values({
          yearId: target.id,
          no,
          name: c.fromProject.name,
          sourceDocumentId: c.fromProject.sourceDocumentId,
          sourceRef: `${c.fromProject.sourceRef}（${year - 1} 年度结转）`,
          needsVerification: true,
          note: `由 ${year - 1} 年度民生实事${c.fromProject.no}结转。`,
          verificationNote: `${year - 1} 年度未完成部分结转而来：${year} 年度的节点目标与分工尚待按 ${year} 年度文件确认。`,
        })
        .returning({ id: livelihoodProjects.id })
        .get().id;
      for (const l of tx.select().from(projectLeaders).where(eq(projectLeaders.projectId, c.fromProject.id)).all())
        tx.insert(projectLeaders)
          .values({ ...l, projectId })
          .run();
      for (const u of tx.select().from(projectUnits).where(eq(projectUnits.projectId, c.fromProject.id)).all())
        tx.insert(projectUnits)
          .values({ ...u, projectId })
          .run();
      createdFor.set(c.fromProject.id, projectId);
    }
    let toPart = tx
      .select({ id: projectParts.id })
      .from(projectParts)
      .where(and(eq(projectParts.projectId, projectId), eq(projectParts.name, c.fromPart.name)))
      .get();
    if (!toPart && createdFor.has(c.fromProject.id)) {
      const position =
        (tx
          .select({ p: max(projectParts.position) })
          .from(projectParts)
          .where(eq(projectParts.projectId, projectId))
          .get()?.p ?? 0) + 1;
      toPart = tx
        .insert(projectParts)
        .values({
          projectId,
          position,
          name: c.fromPart.name,
          baseline: `${year - 1} 年末剩余 ${c.remaining} ${c.fromPart.totalUnit ?? ""}（${year - 1} 年度总数 ${c.fromPart.total}；${c.basis}）`,
          total: c.remaining,
          totalUnit: c.fromPart.totalUnit,
          categories: c.fromPart.categories,
        })
        .returning({ id: projectParts.id })
        .get();
    }
    if (!toPart) continue; // the file's project of that name has no such part: nothing to attach the count to
    tx.insert(projectCarryovers)
      .values({
        fromPartId: c.fromPart.id,
        toPartId: toPart.id,
        total: c.fromPart.total!,
        completed: c.completed,
        remaining: c.remaining,
        completedByCategory: c.completedByCategory,
        basis: c.basis,
        at: now,
      })
      .run();
  }
  if (createdFor.size > 0) addCollectiveMembersByKind(tx, { yearId: target.id, now });
}

export interface PreparedYearImport {
  plan: YearImportPlan;
  file: DataFile;
  newUsers: DataFile["users"];
  hashes: string[];
}

/** The plan, refused as a whole if anything in it is refused, with the new accounts' password hashes made (async, before the transaction). */
export async function prepareYearImport(db: Reader, raw: DataFile, opts: { year: number; initialPassword: string }): Promise<PreparedYearImport> {
  const plan = planYearImport(db, raw, opts);
  if (plan.refused.length > 0) throw new DataFileError(`未导入，没有写入任何数据：${plan.refused.join("；")}`);
  const file = withCurrentUnitNames(db, raw);
  const known = new Set(
    db
      .select({ username: users.username })
      .from(users)
      .all()
      .map((u) => u.username),
  );
  const newUsers = file.users.filter((u) => !known.has(u.username));
  return { plan, file, newUsers, hashes: await Promise.all(newUsers.map(() => hashPassword(opts.initialPassword))) };
}

/** Writes a prepared import inside the caller's transaction. */
export function commitYearImport(tx: Tx, { plan, file, newUsers, hashes }: PreparedYearImport, { now }: { now: number }): void {
  if (!plan.yearExists) {
    loadProgramme(tx, file);
    const yearId = tx.select({ id: programmeYears.id }).from(programmeYears).where(eq(programmeYears.year, plan.year)).get()!.id;
    for (const p of file.reporting.periods)
      tx.insert(periods)
        .values({ yearId, ...p })
        .run();
  }
  importUsers(tx, newUsers, hashes);
  writeCarryOver(tx, { year: plan.year, now });
}

/** Prepares and commits in one transaction; returns what it did. */
export async function importYear(db: Db, raw: DataFile, opts: { year: number; initialPassword: string; now?: number }): Promise<YearImportPlan> {
  const prepared = await prepareYearImport(db, raw, opts);
  db.transaction((tx) => commitYearImport(tx, prepared, { now: opts.now ?? Date.now() }), { behavior: "immediate" });
  return prepared.plan;
}

/** Whether the database holds any programme year (an empty one takes the whole-file import). */
export function hasAnyYear(db: Reader): boolean {
  return db.select({ id: programmeYears.id }).from(programmeYears).limit(1).get() !== undefined;
}
