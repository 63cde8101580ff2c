// The compiled-statement cache: the same text gets the same statement, reset to default
// modes; a statement being iterated is never handed out twice; the cache stays bounded;
// drizzle's queries and a schema change still answer correctly through it.
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appMeta } from "./schema";
import { cacheStatements } from "./statement-cache";
import { openTempDatabase, type TempDb } from "./testing/temp-db";

let sqlite: Database.Database;

beforeEach(() => {
  sqlite = cacheStatements(new Database(":memory:"), 3);
  sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('甲'), ('乙'), ('丙');");
});
afterEach(() => sqlite.close());

describe("cacheStatements", () => {
  it("returns the statement compiled before for the same text, and a new one for other text", () => {
    const a = sqlite.prepare("select name from t where id = ?");
    expect(sqlite.prepare("select name from t where id = ?")).toBe(a);
    expect(sqlite.prepare("select id from t where id = ?")).not.toBe(a);
  });

  it("hands the statement back in its default modes, whatever the last caller set", () => {
    const sql = "select id, name from t order by id";
    expect(sqlite.prepare(sql).raw().all()).toEqual([
      [1, "甲"],
      [2, "乙"],
      [3, "丙"],
    ]);
    expect(sqlite.prepare(sql).get()).toEqual({ id: 1, name: "甲" });
    expect(sqlite.prepare(sql).pluck().get()).toBe(1);
    expect(sqlite.prepare(sql).all()[2]).toEqual({ id: 3, name: "丙" });
    sqlite.prepare(sql).safeIntegers(true);
    expect(typeof sqlite.prepare(sql).pluck().get()).toBe("number");
  });

  it("gives a fresh statement while the cached one is being iterated", () => {
    const sql = "select name from t order by id";
    const outer = sqlite.prepare(sql).pluck();
    const seen: string[] = [];
    for (const name of outer.iterate() as IterableIterator<string>) {
      const inner = sqlite.prepare(sql);
      expect(inner).not.toBe(outer);
      seen.push(`${name}:${(inner.pluck().all() as string[]).length}`);
    }
    expect(seen).toEqual(["甲:3", "乙:3", "丙:3"]);
    // Once the iteration ended the cached statement is free again.
    expect(sqlite.prepare(sql)).toBe(outer);
  });

  it("keeps at most its size, dropping the least recently used", () => {
    const first = sqlite.prepare("select 1");
    sqlite.prepare("select 2");
    sqlite.prepare("select 3");
    expect(sqlite.prepare("select 1")).toBe(first); // now the most recent
    sqlite.prepare("select 4"); // drops "select 2"
    expect(sqlite.prepare("select 1")).toBe(first);
    sqlite.prepare("select 2");
    sqlite.prepare("select 5");
    sqlite.prepare("select 6");
    sqlite.prepare("select 7"); // "select 1" is the oldest now
    expect(sqlite.prepare("select 1")).not.toBe(first);
  });

  it("still answers correctly after the table the statement reads is altered", () => {
    const sql = "select * from t where id = 1";
    expect(sqlite.prepare(sql).get()).toEqual({ id: 1, name: "甲" });
    sqlite.exec("alter table t add column note text default '注'");
    expect(sqlite.prepare(sql).get()).toEqual({ id: 1, name: "甲", note: "注" });
  });

  it("passes writes through: a reused insert statement writes each time", () => {
    for (const name of ["丁", "戊"]) sqlite.prepare("insert into t (name) values (?)").run(name);
    expect(sqlite.prepare("select count(*) from t").pluck().get()).toBe(5);
  });
});

describe("the app's connection", () => {
  let temp: TempDb;
  beforeEach(() => {
    temp = openTempDatabase();
  });
  afterEach(() => temp.close());

  it("serves drizzle's repeated queries from one compiled statement with correct results", () => {
    const { db } = temp;
    db.insert(appMeta).values({ key: "缓存", value: "一" }).run();
    const read = () => db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, "缓存")).get()?.value;
    expect(read()).toBe("一");
    const compiled = new Set<Database.Statement>();
    const prepare = db.$client.prepare;
    db.$client.prepare = ((source: string) => {
      const stmt = prepare(source);
      if (source.includes('"app_meta"')) compiled.add(stmt);
      return stmt;
    }) as Database.Database["prepare"];
    try {
      db.update(appMeta).set({ value: "二" }).where(eq(appMeta.key, "缓存")).run();
      expect(read()).toBe("二");
      expect(read()).toBe("二");
      // One update statement and one select statement, however often each ran.
      expect(compiled.size).toBe(2);
    } finally {
      db.$client.prepare = prepare;
    }
  });
});
