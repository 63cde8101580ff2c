// The 政务公开 page shows only what the 督查室 approved: an approved version's figure and its
// 可公开 photo appear; a draft, a submitted-unreviewed or a returned version's figure never
// does, nor a photo of such a version or one not marked 可公开, nor anyone's name.
import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as photoRoute } from "@/app/api/public/photos/[id]/route";
import PublicProjectsPage from "@/app/public/projects/page";
import ReviewQueuePage from "@/app/supervision/review/page";
import type { Db } from "@/db/client";
import { storeEvidence } from "@/db/evidence-store";
import { listProjectProgress } from "@/db/queries/project-progress";
import { attachments, reportPartValues, reports, reportVersions, users } from "@/db/schema";
import { yearIdOf } from "@/db/testing/programme-year";
import { env } from "@/lib/env";
import { formatNumber } from "@/lib/metric-values";
import { partKind, valueKeys } from "@/lib/project-progress";
import { actAs, openSeededAppDb, periodIdOf, userIdOf } from "@/test/bad-inputs/fixture";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));

const APPROVED = 7919;
const PENDING = 6481;
const RETURNED = 5923;
const DRAFT = 4817;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

let db: Db;
let html: string;
const photo: Record<"approved" | "pending" | "private", number> = { approved: 0, pending: 0, private: 0 };
let clerk: string;

beforeAll(async () => {
  db = await openSeededAppDb();
  const yearId = yearIdOf(db);
  const all = listProjectProgress({ yearId });
  // A project with a plainly counted part (one total, no categories), and another project.
  const first = all.find((p) => p.parts.some((x) => partKind(x) === "counted"))!;
  const second = all.find((p) => p !== first)!;
  const clerkId = userIdOf(db, "zjj");
  clerk = "李小明";
  db.update(users).set({ displayName: clerk }).where(eq(users.id, clerkId)).run();
  const stored = await storeEvidence(env.dataDir, PNG);
  const addPhoto = (reportId: number, isPublic: boolean) =>
    db
      .insert(attachments)
      .values({
        reportId,
        filename: "张三家门口.png",
        mime: "image/png",
        size: PNG.length,
        sha256: stored.sha256,
        storagePath: stored.storagePath,
        uploadedById: clerkId,
        public: isPublic,
      })
      .returning({ id: attachments.id })
      .get().id;
  const partOf = (p: typeof first) => p.parts.find((x) => partKind(x) === "counted") ?? p.parts.find((x) => valueKeys(x).length > 0)!;
  const snapshot = (p: typeof first, value: number, photos: number[], periodCode: string) => ({
    format: 1,
    periodCode,
    progress: "",
    problems: "",
    nextSteps: "",
    selfStatus: "onTrack",
    metrics: [],
    milestone: null,
    parts: [{ partId: partOf(p).id, name: partOf(p).name, category: valueKeys(partOf(p))[0], unit: partOf(p).totalUnit, value }],
    projectMilestones: [],
    attachments: photos.map((id) => ({ id, filename: "x.png", mime: "image/png", size: PNG.length, sha256: stored.sha256 })),
  });
  const report = (p: typeof first, code: string, status: "draft" | "submitted" | "returned") =>
    db
      .insert(reports)
      .values({ projectId: p.id, periodId: periodIdOf(db, code), status, updatedAt: Date.now() })
      .returning({ id: reports.id })
      .get().id;
  const version = (reportId: number, versionNo: number, snap: object, reviewStatus: "approved" | "pending" | "returned") =>
    db
      .insert(reportVersions)
      .values({
        reportId,
        versionNo,
        snapshot: snap as Record<string, unknown>,
        submittedAt: Date.parse("2026-10-05T02:00:00Z"),
        submittedById: clerkId,
        reviewStatus,
        reviewedAt: reviewStatus === "pending" ? null : Date.parse("2026-10-08T02:00:00Z"),
      })
      .run();

  // Project 1, Q3: v1 approved (with a public photo and a private one), v2 submitted and not yet reviewed.
  const q3 = report(first, "2026Q3", "submitted");
  photo.approved = addPhoto(q3, true);
  photo.private = addPhoto(q3, false);
  photo.pending = addPhoto(q3, true);
  version(q3, 1, snapshot(first, APPROVED, [photo.approved, photo.private], "2026Q3"), "approved");
  version(q3, 2, snapshot(first, PENDING, [photo.approved, photo.pending], "2026Q3"), "pending");
  // Project 1, Q4: a draft with values and no version.
  const q4 = report(first, "2026Q4", "draft");
  db.insert(reportPartValues)
    .values({ reportId: q4, partId: partOf(first).id, category: valueKeys(partOf(first))[0]!, value: DRAFT })
    .run();
  // Project 2, Q3: returned.
  const returned = report(second, "2026Q3", "returned");
  version(returned, 1, snapshot(second, RETURNED, [], "2026Q3"), "returned");

  html = renderToStaticMarkup(await PublicProjectsPage());
});

describe("the 政务公开 page", () => {
  it("shows the approved figure and the date it was approved", () => {
    expect(html).toContain(`最新累计完成 ${formatNumber(APPROVED)}`);
    expect(html).toContain("最近更新：2026年10月8日");
  });

  it("never shows a submitted-unreviewed, returned or draft figure", () => {
    for (const figure of [PENDING, RETURNED, DRAFT]) expect(html).not.toContain(formatNumber(figure));
  });

  it("shows only the approved version's photo marked 可公开", () => {
    expect(html).toContain(`/api/public/photos/${photo.approved}"`);
    expect(html).not.toContain(`/api/public/photos/${photo.private}"`);
    expect(html).not.toContain(`/api/public/photos/${photo.pending}"`);
  });

  it("names nobody: no clerk, no file name", () => {
    expect(html).not.toContain(clerk);
    expect(html).not.toContain("张三");
  });
});

describe("the public photo route", () => {
  const get = (id: number | string) => photoRoute(new Request(`http://test/api/public/photos/${id}`), { params: Promise.resolve({ id: String(id) }) });

  it("serves an approved 可公开 photo to anyone, cacheable", async () => {
    const res = await get(photo.approved);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toMatch(/^public/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
  });

  it("answers 404 for a photo not marked 可公开, one only in an unreviewed version, and nonsense", async () => {
    for (const id of [photo.private, photo.pending, 999999, "1;drop", "-1"]) expect((await get(id)).status, String(id)).toBe(404);
  });
});

describe("the 督查室's review queue", () => {
  it("marks the photos of the version under review that the unit set 可公开, and no other", async () => {
    await actAs(db, "duchashi");
    const review = renderToStaticMarkup(await ReviewQueuePage({ searchParams: Promise.resolve({}) }));
    const item = (id: number) => review.match(new RegExp(`href="/api/attachments/${id}"[^]*?</li>`))?.[0] ?? "";
    // v2 (pending) holds the approved public photo and a new public one; the private photo is only in v1.
    expect(item(photo.approved)).toContain("可公开");
    expect(item(photo.pending)).toContain("可公开");
    expect(review).not.toContain(`href="/api/attachments/${photo.private}"`);
  });
});
