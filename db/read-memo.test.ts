// A remembered read is reused only while nothing in the database changed: by this
// connection, by another one, never from inside a transaction, and never a rolled-back row.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { getDb, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { memoUntilChange } from "./read-memo";
import { appMeta } from "./schema";

const valueOf = (key: string) => getDb().select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key)).get()?.value ?? null;

function counted(size?: number) {
  let runs = 0;
  const read = memoUntilChange(
    ({ key }: { key: string }) => key,
    ({ key }: { key: string }) => {
      runs += 1;
      return { value: valueOf(key), list: [key] };
    },
    { size },
  );
  return { read, runs: () => runs };
}

beforeAll(() => {
  migrateDatabase(getDb());
  getDb().insert(appMeta).values({ key: "memo", value: "一" }).run();
});

describe("memoUntilChange", () => {
  it("answers repeated reads from memory while the database is unchanged", () => {
    const { read, runs } = counted();
    const first = read({ key: "memo" });
    expect(read({ key: "memo" })).toBe(first);
    expect(runs()).toBe(1);
    expect(first.value).toBe("一");
  });

  it("recomputes after this connection changes a row, even outside a transaction", () => {
    const { read, runs } = counted();
    read({ key: "memo" });
    getDb().update(appMeta).set({ value: "二" }).where(eq(appMeta.key, "memo")).run();
    expect(read({ key: "memo" }).value).toBe("二");
    expect(runs()).toBe(2);
  });

  it("recomputes after another connection commits", () => {
    const { read, runs } = counted();
    read({ key: "memo" });
    const other = openDatabase(env.databasePath);
    other.update(appMeta).set({ value: "三" }).where(eq(appMeta.key, "memo")).run();
    other.$client.close();
    expect(read({ key: "memo" }).value).toBe("三");
    expect(runs()).toBe(2);
  });

  it("never remembers what a transaction read, so a rolled-back row is not shown afterwards", () => {
    const { read, runs } = counted();
    const before = read({ key: "memo" }).value;
    expect(() =>
      getDb().transaction((tx) => {
        tx.update(appMeta).set({ value: "撤销" }).where(eq(appMeta.key, "memo")).run();
        expect(read({ key: "memo" }).value).toBe("撤销");
        expect(read({ key: "memo" }).value).toBe("撤销");
        throw new Error("rollback");
      }),
    ).toThrow("rollback");
    expect(read({ key: "memo" }).value).toBe(before);
    // Both reads inside the transaction computed, and the one after it did too.
    expect(runs()).toBe(4);
  });

  it("keeps only the most recent keys", () => {
    getDb().insert(appMeta).values({ key: "other", value: "x" }).run();
    const { read, runs } = counted(1);
    read({ key: "memo" });
    read({ key: "other" });
    read({ key: "memo" });
    expect(runs()).toBe(3);
    read({ key: "memo" });
    expect(runs()).toBe(3);
  });

  it("freezes what it shares in tests, so a caller that mutates it fails", () => {
    const { read } = counted();
    const shared = read({ key: "memo" });
    expect(() => shared.list.push("变")).toThrow(TypeError);
  });
});
