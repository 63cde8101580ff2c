import { describe, expect, it } from "vitest";
import { leaders, units } from "@/db/seed/gazette-units";
import {
  ADMIN_USERNAME,
  LEADER_USERNAMES,
  MAYOR_USERNAME,
  SUPERVISOR_USERNAME,
  UNIT_USERNAMES,
  USERNAME_PATTERN,
  leaderUsername,
  unitUsername,
} from "./usernames";

const realUnits = units.filter((u) => u.kind !== "群体描述");

describe("seeded usernames", () => {
  it("give every real gazette unit (not 群体描述) an entry of its own", () => {
    const missing = realUnits.filter((u) => !(u.name in UNIT_USERNAMES)).map((u) => u.name);
    expect(missing).toEqual([]);
  });

  it("give no collective descriptor such as 市直相关单位 an account", () => {
    const collective = units.filter((u) => u.kind === "群体描述" && u.name in UNIT_USERNAMES);
    expect(collective).toEqual([]);
  });

  it("list only units that exist in the gazette registry", () => {
    const names = new Set(units.map((u) => u.name));
    expect(Object.keys(UNIT_USERNAMES).filter((n) => !names.has(n))).toEqual([]);
  });

  it("give every gazette 牵头领导 a login name", () => {
    expect(leaders.filter((name) => !(name in LEADER_USERNAMES))).toEqual([]);
  });

  it("are unique and well-formed across units, leaders, the mayor, 督查室 and admin", () => {
    const all = [...Object.values(UNIT_USERNAMES), ...Object.values(LEADER_USERNAMES), ADMIN_USERNAME, SUPERVISOR_USERNAME];
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((u) => !USERNAME_PATTERN.test(u))).toEqual([]);
    expect(LEADER_USERNAMES["马慧"]).toBe(MAYOR_USERNAME);
  });

  it("fall back to an id-based name for units and leaders added after the gazette", () => {
    expect(unitUsername({ id: 99, name: "新设单位" })).toBe("unit99");
    expect(leaderUsername({ id: 12, name: "新领导" })).toBe("leader12");
    expect(unitUsername({ id: 1, name: "住建局" })).toBe("zjj");
  });
});
