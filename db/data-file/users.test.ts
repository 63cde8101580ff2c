import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/password-hash";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { users } from "../schema";
import { gazetteProgramme } from "../seed/gazette-programme";
import { seedUsers } from "../seed/seed-users";
import { loadProgramme } from "./programme";
import { importUsers, listUsersForExport } from "./users";

const opened: { db: Db; dir: string }[] = [];
function freshDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "users-file-"));
  const db = openDatabase(path.join(dir, "u.db"));
  migrateDatabase(db);
  db.transaction((tx) => loadProgramme(tx, gazetteProgramme()), { behavior: "immediate" });
  opened.push({ db, dir });
  return db;
}
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("users in the data file", () => {
  it("export names, roles and bindings but never a hash, and import them back identically", async () => {
    const source = freshDb();
    await seedUsers(source, { initialPassword: "Miluo@2026" });
    const exported = listUsersForExport(source);
    expect(exported.find((u) => u.username === "zjj")).toEqual({ username: "zjj", displayName: "住建局", role: "unit", unit: "住建局", disabled: false });
    expect(exported.find((u) => u.username === "mayor")).toEqual({ username: "mayor", displayName: "马慧", role: "leader", leader: "马慧", disabled: false });
    expect(JSON.stringify(exported)).not.toMatch(/argon2/);

    const target = freshDb();
    // The mayor's leaders row travels with the programme's leaders in a real file; add it here.
    target.$client.prepare("insert into leaders (name, title, position) values ('马慧', '市长', 99)").run();
    const hash = await hashPassword("Miluo@2026");
    const added = target.transaction(
      (tx) =>
        importUsers(
          tx,
          exported,
          exported.map(() => hash),
        ),
      { behavior: "immediate" },
    );
    expect(added).toBe(exported.length);
    expect(listUsersForExport(target)).toEqual(exported);
    expect(
      target
        .select({ m: users.mustChangePassword })
        .from(users)
        .all()
        .every((u) => u.m),
    ).toBe(true);
  });

  it("refuses an account bound to a unit that is not in the file", async () => {
    const db = freshDb();
    const hash = await hashPassword("Miluo@2026");
    expect(() =>
      db.transaction((tx) => importUsers(tx, [{ username: "x", displayName: "x", role: "unit", unit: "不存在的局", disabled: false }], [hash])),
    ).toThrow(/不在单位列表中/);
  });
});
