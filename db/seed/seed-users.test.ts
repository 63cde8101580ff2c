import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/password-hash";
import { openDatabase, type Db } from "../client";
import { loadProgramme } from "../data-file/programme";
import { migrateDatabase } from "../migrate";
import { leaders, units, users } from "../schema";
import { gazetteProgramme } from "./gazette-programme";
import { seedUsers } from "./seed-users";

let db: Db;
let dir: string;
let first: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "seed-users-"));
  db = openDatabase(path.join(dir, "s.db"));
  migrateDatabase(db);
  db.transaction((tx) => loadProgramme(tx, gazetteProgramme()), { behavior: "immediate" });
  first = (await seedUsers(db, { initialPassword: "Miluo@2026" })).created;
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const user = (username: string) => db.select().from(users).where(eq(users.username, username)).get();

describe("seedUsers", () => {
  it("creates one account per real unit, per leader plus the mayor, and 督查室 and admin", () => {
    const realUnits = db
      .select()
      .from(units)
      .all()
      .filter((u) => u.kind !== "群体描述").length;
    const leaderCount = db.select().from(leaders).all().length;
    expect(first).toHaveLength(realUnits + leaderCount + 2);
    expect(user("zjj")).toMatchObject({ role: "unit", displayName: "住建局", mustChangePassword: true, disabled: false });
    expect(user("duchashi")?.role).toBe("supervisor");
    expect(user("admin")?.role).toBe("admin");
    expect(user("市直相关单位")).toBeUndefined();
  });

  it("binds the mayor to a 市长 leaders row placed after the gazette leaders", () => {
    const mayor = db.select().from(leaders).where(eq(leaders.name, "马慧")).get();
    expect(mayor?.title).toBe("市长");
    const maxOther = Math.max(
      ...db
        .select()
        .from(leaders)
        .all()
        .filter((l) => l.name !== "马慧")
        .map((l) => l.position),
    );
    expect(mayor!.position).toBeGreaterThan(maxOther);
    expect(user("mayor")).toMatchObject({ role: "leader", leaderId: mayor!.id });
    expect(user("yangsheng")?.displayName).toBe("杨盛");
  });

  it("stores a distinct salted argon2id hash that verifies the initial password", async () => {
    const a = user("zjj")!.passwordHash;
    const b = user("fgj")!.passwordHash;
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "Miluo@2026")).toBe(true);
  });

  it("creates nothing and changes nothing on a second run", async () => {
    db.update(users).set({ disabled: true, displayName: "住建局（改）" }).where(eq(users.username, "zjj")).run();
    const before = user("zjj");
    expect((await seedUsers(db, { initialPassword: "Other@2026" })).created).toEqual([]);
    expect(user("zjj")).toEqual(before);
  });
});
