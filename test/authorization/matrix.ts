// The authorization matrix as data: for every exported Server Action and route handler, who
// may call it. Every other signed-in persona is refused (403 / 无权限执行此操作, one denied
// audit row, nothing changed); a signed-out caller gets 401 / 登录已失效 and nothing is written.
// The group suites (./*.test.ts) call each entry for real once per persona; ./coverage.test.ts
// fails when an action or route exists that is neither here nor exempt.

export const PERSONAS = ["admin", "supervisor", "leader", "mayor", "unitOwn", "unitOther", "deputy", "signedOut"] as const;
export type Persona = (typeof PERSONAS)[number];
export type SignedIn = Exclude<Persona, "signedOut">;

/**
 * The record an entry acts on, which decides who "unitOwn" (a unit account of the record) and
 * "unitOther" (a unit account with no part in it) are:
 * - taskLead / taskCoop: the task named by `taskNo`, its lead or its cooperating units;
 * - projectLead / projectRelated: the livelihood project named by `projectNo`, its lead or its
 *   相关责任单位 (those a descriptor reaches count as the project's units, never as "unitOther");
 * - itemLead / itemCoop: the 督办事项 named by `itemNo`, its lead or its 配合单位 (those a
 *   descriptor such as "各镇（街道）" reaches count as the item's units, never as "unitOther");
 * - subjectLead: the task, project or 督办事项 named by `subject` ("task:27"), its lead units;
 * - addressee: the notice named by `noticeId` (the units it was sent to);
 * - notification: the notification named by `id` (its one recipient);
 * - none: no unit's record (accounts, periods, the caller's own things).
 */
export type RecordKind =
  "taskLead" | "taskCoop" | "projectLead" | "projectRelated" | "itemLead" | "itemCoop" | "subjectLead" | "addressee" | "notification" | "none";

export type Group = "reports" | "projects" | "items" | "supervision" | "admin" | "routes" | "outputs" | "programme" | "deputies" | "nodes" | "units";

export interface Rule {
  group: Group;
  record: RecordKind;
  /** Personas that may; "signedIn": every signed-in persona (on their own account); "public": also signed out. */
  allowed: readonly SignedIn[] | "signedIn" | "public";
  /** An allowed call writes a success audit row (false: reads that are not audited). */
  audited: boolean;
  /** The actor has not bound a second factor yet (the set-up itself). */
  withoutSecondFactor?: true;
}

const TASK_REPORTS = "app/tasks/[no]/report/[quarter]/actions.ts";
const TARGETS = "app/tasks/[no]/targets/actions.ts";
const PROJECT_REPORTS = "app/projects/[no]/report/[quarter]/actions.ts";
const ITEM_REPORTS = "app/items/[no]/report/[quarter]/actions.ts";
const NOTICES = "app/supervision/notices/actions.ts";
const REGISTER = "app/projects/[no]/register/actions.ts";
const NODES = "app/_components/monthly-nodes/actions.ts";
const USERS = "app/admin/users/actions.ts";
const DEPUTIES = "app/deputies/actions.ts";
/** Every role but the 人大代表, who reads only the livelihood projects. */
const PROGRAMME_READERS = ["admin", "supervisor", "leader", "mayor", "unitOwn", "unitOther"] as const;

const supervisorOn = (group: Group, record: RecordKind): Rule => ({ group, record, allowed: ["supervisor"], audited: true });
const leadUnitOf = (group: Group, record: RecordKind): Rule => ({ group, record, allowed: ["unitOwn"], audited: true });
const adminOnly: Rule = { group: "admin", record: "none", allowed: ["admin"], audited: true };
const selfService: Rule = { group: "admin", record: "none", allowed: "signedIn", audited: true };

/** Between an entry point and the name of a second row for it, where one entry point serves records with their own readers. */
export const VARIANT = " · ";
/** The entry point a matrix row is about. */
export const entryPointOf = (ref: string) => ref.split(VARIANT)[0]!;

export const MATRIX: Record<string, Rule> = {
  [`${TASK_REPORTS}#saveReport`]: leadUnitOf("reports", "taskLead"),
  [`${TASK_REPORTS}#submitReportAction`]: leadUnitOf("reports", "taskLead"),
  [`${TASK_REPORTS}#approveReport`]: supervisorOn("reports", "taskLead"),
  [`${TASK_REPORTS}#returnReport`]: supervisorOn("reports", "taskLead"),
  [`${TASK_REPORTS}#saveCoopNoteAction`]: leadUnitOf("reports", "taskCoop"),
  // Naming the units of a "相关…" descriptor: the compiling lead unit or the 督查室.
  "app/tasks/[no]/actions.ts#nameCollectiveUnits": { group: "reports", record: "taskLead", allowed: ["unitOwn", "supervisor"], audited: true },
  "app/supervision/review/actions.ts#approveReports": supervisorOn("reports", "none"),
  [`${TARGETS}#saveTargets`]: leadUnitOf("reports", "taskLead"),
  [`${TARGETS}#setTargetsLocked`]: supervisorOn("reports", "taskLead"),
  [`${TARGETS}#requestTargetsChange`]: leadUnitOf("reports", "taskLead"),
  [`${TARGETS}#decideTargetsChange`]: supervisorOn("reports", "none"),

  // 月度推进节点: the compiler or the 督查室 sets them; the unit a node is given to (here the compiler) marks it done.
  [`${NODES}#saveMonthlyNodes`]: { group: "nodes", record: "subjectLead", allowed: ["supervisor", "unitOwn"], audited: true },
  [`${NODES}#markNodeDone`]: leadUnitOf("nodes", "subjectLead"),

  [`${PROJECT_REPORTS}#saveProjectReport`]: leadUnitOf("projects", "projectLead"),
  [`${PROJECT_REPORTS}#submitProjectReport`]: leadUnitOf("projects", "projectLead"),
  [`${PROJECT_REPORTS}#approveProjectReport`]: supervisorOn("projects", "projectLead"),
  [`${PROJECT_REPORTS}#returnProjectReport`]: supervisorOn("projects", "projectLead"),
  // 配合情况 of a 相关责任单位 (the 交通运输局 on 民生实事 1).
  [`${PROJECT_REPORTS}#saveProjectCoopNote`]: leadUnitOf("projects", "projectRelated"),

  [`${ITEM_REPORTS}#saveItemReport`]: leadUnitOf("items", "itemLead"),
  [`${ITEM_REPORTS}#submitItemReport`]: leadUnitOf("items", "itemLead"),
  [`${ITEM_REPORTS}#approveItemReport`]: supervisorOn("items", "itemLead"),
  [`${ITEM_REPORTS}#returnItemReport`]: supervisorOn("items", "itemLead"),
  [`${ITEM_REPORTS}#saveItemCoopNote`]: leadUnitOf("items", "itemCoop"),

  // 明细台账 rows: the project's units (the lead unit is the persona; 相关责任单位 in the action tests).
  [`${REGISTER}#saveRegisterItem`]: leadUnitOf("projects", "projectLead"),
  [`${REGISTER}#deleteRegisterItem`]: leadUnitOf("projects", "projectLead"),
  [`${REGISTER}#previewRegisterImport`]: leadUnitOf("projects", "projectLead"),
  [`${REGISTER}#importRegister`]: leadUnitOf("projects", "projectLead"),

  [`${NOTICES}#issueNotice`]: supervisorOn("supervision", "none"),
  [`${NOTICES}#replyNotice`]: leadUnitOf("supervision", "addressee"),
  [`${NOTICES}#closeNotice`]: supervisorOn("supervision", "addressee"),
  [`${NOTICES}#sendBackNotice`]: supervisorOn("supervision", "addressee"),
  [`${NOTICES}#raiseNoticeToDuban`]: supervisorOn("supervision", "addressee"),
  [`${NOTICES}#escalateNoticeToLeader`]: supervisorOn("supervision", "addressee"),
  "app/supervision/overdue/actions.ts#setRagOverride": supervisorOn("supervision", "none"),
  "app/supervision/overdue/actions.ts#clearRagOverride": supervisorOn("supervision", "none"),

  [`${USERS}#createUser`]: adminOnly,
  [`${USERS}#updateUser`]: adminOnly,
  [`${USERS}#setDisabled`]: adminOnly,
  [`${USERS}#unlock`]: adminOnly,
  [`${USERS}#resetPassword`]: adminOnly,
  [`${USERS}#resetSecondFactor`]: adminOnly,
  "app/admin/periods/actions.ts#updateDueDate": adminOnly,
  // The programme itself (task fields, 待核实): the administrator and the 督查室.
  "app/admin/tasks/actions.ts#updateTask": { group: "programme", record: "none", allowed: ["admin", "supervisor"], audited: true },
  "app/admin/verification/actions.ts#resolveProject": { group: "programme", record: "none", allowed: ["admin", "supervisor"], audited: true },
  // 领导交接 (who leads which subjects, the 市长 post): the same two roles.
  "app/admin/leaders/actions.ts#handOverLeaderAction": { group: "programme", record: "none", allowed: ["admin", "supervisor"], audited: true },
  // Units and programme years: the administrator only.
  "app/admin/units/actions.ts#renameUnitAction": { ...adminOnly, group: "units" },
  "app/admin/units/actions.ts#changeUnitKindAction": { ...adminOnly, group: "units" },
  "app/admin/units/actions.ts#setUnitActiveAction": { ...adminOnly, group: "units" },
  "app/admin/units/actions.ts#mergeUnitAction": { ...adminOnly, group: "units" },
  "app/admin/years/actions.ts#setYearClosedAction": { ...adminOnly, group: "units" },
  "app/admin/years/actions.ts#importYearAction": { ...adminOnly, group: "units" },
  "app/account/actions.ts#changePassword": selfService,
  "app/account/actions.ts#logout": selfService,
  "app/account/actions.ts#enrolSecondFactor": { ...selfService, withoutSecondFactor: true },
  "app/notifications/actions.ts#openNotification": { group: "admin", record: "notification", allowed: ["unitOwn"], audited: true },
  "app/notifications/actions.ts#markAllNotificationsRead": selfService,

  "app/api/admin/audit/export/route.ts#GET": { group: "routes", record: "none", allowed: ["admin"], audited: true },
  "app/api/supervision/overdue/export/route.ts#GET": { group: "routes", record: "none", allowed: ["admin", "supervisor", "leader", "mayor"], audited: true },
  // Every role reads it; a unit gets only the subjects it leads (checked in ./route-cases.ts).
  "app/api/v1/quarters/[code]/status/route.ts#GET": { group: "routes", record: "taskLead", allowed: PROGRAMME_READERS, audited: false },
  // Each caller gets their own notifications only (checked in ./route-cases.ts).
  "app/api/notifications/route.ts#GET": { group: "routes", record: "notification", allowed: "signedIn", audited: false },
  "app/api/attachments/[id]/route.ts#GET": {
    group: "routes",
    record: "taskLead",
    allowed: ["admin", "supervisor", "leader", "mayor", "unitOwn"],
    audited: true,
  },
  // A 配合情况's file (the same route): its own unit and the overseers here; the subject's lead
  // units get it and the other cooperating units are refused in app/_lib/coop-notes.test.ts.
  [`app/api/attachments/[id]/route.ts#GET${VARIANT}配合情况`]: {
    group: "routes",
    record: "taskCoop",
    allowed: ["admin", "supervisor", "leader", "mayor", "unitOwn"],
    audited: true,
  },
  "app/api/notices/attachments/[id]/route.ts#GET": {
    group: "routes",
    record: "addressee",
    allowed: ["admin", "supervisor", "leader", "mayor", "unitOwn"],
    audited: true,
  },
  // The 督查室's outputs (./outputs.test.ts).
  "app/supervision/bulletins/actions.ts#saveBulletin": supervisorOn("outputs", "none"),
  "app/supervision/bulletins/actions.ts#issueBulletinAction": supervisorOn("outputs", "none"),
  "app/supervision/overdue/remind-actions.ts#remindOverdue": supervisorOn("outputs", "none"),
  // On task 20: its 牵头领导 (the "leader" persona, 杨盛) and the 市长 may write a 批示.
  "app/instructions/actions.ts#writeInstruction": { group: "outputs", record: "none", allowed: ["leader", "mayor"], audited: true },
  // 领导交办 and an item's time limit: the 督查室.
  "app/items/actions.ts#assignItem": supervisorOn("outputs", "none"),
  "app/items/actions.ts#scheduleItem": supervisorOn("outputs", "none"),
  // Every role downloads the 台账; a unit gets only the subjects it leads (checked in ./output-cases.ts).
  "app/api/exports/ledger/route.ts#GET": { group: "outputs", record: "taskLead", allowed: PROGRAMME_READERS, audited: true },
  // A register names households: those who may read the project's reports download it.
  "app/api/exports/register/route.ts#GET": {
    group: "outputs",
    record: "projectLead",
    allowed: ["admin", "supervisor", "leader", "mayor", "unitOwn"],
    audited: true,
  },
  "app/api/exports/bulletin/route.ts#GET": { group: "outputs", record: "none", allowed: ["admin", "supervisor", "leader", "mayor"], audited: true },
  "app/api/notices/[id]/document/route.ts#GET": {
    group: "outputs",
    record: "addressee",
    allowed: ["admin", "supervisor", "leader", "mayor", "unitOwn"],
    audited: true,
  },
  "app/api/supervision/notices/export/route.ts#GET": { group: "outputs", record: "none", allowed: ["admin", "supervisor", "leader", "mayor"], audited: true },
  // 人大代表监督 (./deputies.test.ts): a deputy's 建议 and 测评, the lead unit's answer, the 督查室's round and results.
  [`${DEPUTIES}#leaveSuggestion`]: { group: "deputies", record: "none", allowed: ["deputy"], audited: true },
  [`${DEPUTIES}#answerSuggestion`]: leadUnitOf("deputies", "projectLead"),
  [`${DEPUTIES}#recordSatisfaction`]: { group: "deputies", record: "none", allowed: ["deputy"], audited: true },
  [`${DEPUTIES}#openSatisfactionRound`]: supervisorOn("deputies", "none"),
  [`${DEPUTIES}#closeSatisfactionRound`]: supervisorOn("deputies", "none"),
  "app/api/exports/satisfaction/route.ts#GET": supervisorOn("deputies", "none"),
  // 可公开 on a project report's photo: its compiling lead unit.
  "app/projects/[no]/report/[quarter]/evidence-actions.ts#markEvidencePublic": leadUnitOf("deputies", "projectLead"),
  // The load balancer's probe: says whether writes reach the disk and nothing about anyone.
  "app/api/health/route.ts#GET": { group: "routes", record: "none", allowed: "public", audited: false },
};

/** Entry points outside the matrix, each with the reason and where it is tested instead. */
export const EXEMPT: Record<string, string> = {
  ...Object.fromEntries(
    [
      `${TASK_REPORTS}#saveReportPart`,
      `${TASK_REPORTS}#submitReportPart`,
      `${PROJECT_REPORTS}#saveProjectReportPart`,
      `${PROJECT_REPORTS}#submitProjectReportPart`,
      `${ITEM_REPORTS}#saveItemReportPart`,
      `${ITEM_REPORTS}#submitItemReportPart`,
    ].map((ref) => [
      ref,
      "a co-lead's part is written by the second and later lead units of a subject, a persona this matrix does not model (its unitOwn compiles the report); the compiler, another unit and the co-lead's own calls are tested in app/_lib/report-parts.test.ts and app/projects/[no]/report/[quarter]/actions.test.ts",
    ]),
  ),
  "app/api/evidence/uploads/route.ts#POST":
    "stages a file for the caller's own next save and touches no record (each save checks its own permission again); any unit account may upload, other roles and a signed-out caller are refused in app/api/evidence/uploads/route.test.ts",
  "app/api/public/photos/[id]/route.ts#GET":
    "a photo of the 政务公开 page, open to everyone by design (no session is read, nothing is written); it serves only images marked 可公开 in approved versions and 404s for anything else, tested in test/public-projects.test.ts",
  "app/api/session/route.ts#POST":
    "the keep-alive of one's own session while typing: it changes no record and writes no audit row; a live session answers 200 and an ended one 401, tested in app/api/evidence/uploads/route.test.ts",
  "app/api/auth/[...nextauth]/route.ts#GET":
    "next-auth's own endpoints (csrf, providers, session, sign-in page): open to everyone by design and run inside Next's request scope only; the session endpoint returns nothing but `expires` (auth-options.ts), tested through a real server in e2e/auth.spec.ts",
  "app/api/auth/[...nextauth]/route.ts#POST":
    "the sign-in and sign-out posts: open to everyone by design (CSRF-checked by next-auth); sign-in covered by test/bad-inputs/login.test.ts and db/queries/auth.test.ts, sign-out by e2e/auth.spec.ts",
  ...Object.fromEntries(
    ["app/api/imports/ledger/route.ts#POST", "app/api/imports/ledger/preview/route.ts#POST"].map((ref) => [
      ref,
      "the 台账 upload is authorized row by row: any unit may upload, and rows of a subject it does not lead are refused with 400 naming the row (not 403), so one verdict per persona does not fit; every persona is tested in app/supervision/outputs-authorization.test.ts and the rows in app/api/imports/ledger/ledger.test.ts",
    ]),
  ),
};

export function isAllowed(rule: Rule, persona: Persona): boolean {
  if (rule.allowed === "public") return true;
  if (persona === "signedOut") return false;
  return rule.allowed === "signedIn" || rule.allowed.includes(persona);
}
