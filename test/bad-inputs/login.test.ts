// The bad-input corpus against the sign-in form (next-auth credentials → authorize): every
// input is refused with one of the codes the login page shows in Chinese, never an
// exception, no session is created, and nothing but the failure counters changes. Failed
// attempts are recorded on purpose (throttling and lockout), so those rows are expected.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions, LOGIN_ERROR } from "@/app/_lib/auth-options";
import type { Db } from "@/db/client";
import { tableChecksums } from "@/db/testing/checksum";
import { CORPUS } from "./corpus";
import { openSeededAppDb } from "./fixture";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const CODES = Object.values(LOGIN_ERROR) as string[];
// Form posts carry strings only; the non-string entries of the corpus cannot reach authorize.
const STRINGS = CORPUS.filter((c) => typeof c.value === "string");

let db: Db;
let n = 0;

beforeAll(async () => {
  db = await openSeededAppDb();
});

async function expectRefused(credentials: Record<string, string>, label: string) {
  n += 1;
  const req = { headers: { "x-forwarded-for": `10.8.${Math.floor(n / 250)}.${n % 250}` } };
  const error = await authorize(credentials, req).then(
    () => new Error("signed in"),
    (e: unknown) => e as Error,
  );
  expect(CODES, `${label}: ${error.message}`).toContain(error.message);
}

// The counters a failed sign-in updates by design; everything else must stay as it was.
const guarded = () => tableChecksums(db.$client, { exclude: ["audit_log", "login_attempts", "login_locks", "__drizzle_migrations", "users"] });
const usersExceptCounters = () =>
  db.$client
    .prepare("select id, username, display_name, role, unit_id, leader_id, password_hash, must_change_password, disabled, version from users order by id")
    .all();

describe("bad inputs to the sign-in form", () => {
  it("refuses every bad username with a login code, creating no session and changing no account", async () => {
    const before = { tables: guarded(), users: usersExceptCounters() };
    for (const input of STRINGS) await expectRefused({ username: input.value as string, password: "Miluo@2026" }, `username ← ${input.label}`);
    expect(guarded()).toEqual(before.tables);
    expect(usersExceptCounters()).toEqual(before.users);
    expect(STRINGS.length).toBeGreaterThanOrEqual(200);
  });

  it("refuses every bad password for a real account the same way; only its failure counters move", async () => {
    const before = { tables: guarded(), users: usersExceptCounters() };
    for (const input of STRINGS) await expectRefused({ username: "zjj", password: input.value as string }, `password ← ${input.label}`);
    expect(guarded()).toEqual(before.tables);
    expect(usersExceptCounters()).toEqual(before.users);
  });
});
