// Every exported Server Action and every mutating route handler is either in a bad-input
// suite or exempt here with the reason; a new action cannot slip past the corpus.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routeHandlerRefs, serverActionRefs } from "@/test/entry-points";

const SUITES = ["report", "collective", "supervision", "admin", "project", "item", "register", "outputs", "programme", "deputy", "node", "units"].map((s) =>
  path.join(__dirname, `${s}-cases.ts`),
);

/** Actions that take no input at all: there is no field to send bad values in. */
const EXEMPT: Record<string, string> = {
  "app/account/actions.ts#logout": "takes no input; ends the caller's own session",

  "app/notifications/actions.ts#markAllNotificationsRead": "takes no input; acts on the caller's own notifications",
  "app/deputies/actions.ts#closeSatisfactionRound": "takes no input; closes the current year's 测评 (the 督查室 only, in the authorization matrix)",
  "app/api/session/route.ts#POST": "takes no input; only refreshes the caller's own session",
  // next-auth's handler: the credentials login is covered by ./login.test.ts.
  "app/api/auth/[...nextauth]/route.ts#POST": "login: covered by test/bad-inputs/login.test.ts",
};

describe("bad-input coverage", () => {
  it("every Server Action and mutating route is in a bad-input suite or exempt with a reason", () => {
    const registered = new Set(
      SUITES.flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/ref: `\$\{(\w+)\}#(\w+)`|ref: "([^"]+)"/g)].map((m) => m[3] ?? `${m[1]}#${m[2]}`)),
    );
    // Resolve `${CONST}#name` refs through the CONST declarations of the case files.
    const consts = new Map(SUITES.flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/const (\w+) = "([^"]+)";/g)].map((m) => [m[1]!, m[2]!] as const)));
    const refs = new Set([...registered].map((r) => r.replace(/^(\w+)#/, (_all, name: string) => `${consts.get(name) ?? name}#`)));
    const missing = [...serverActionRefs(), ...routeHandlerRefs(["POST", "PUT", "PATCH", "DELETE"])].filter((ref) => !refs.has(ref) && !(ref in EXEMPT));
    expect(refs.size).toBeGreaterThan(25);
    expect(missing).toEqual([]);
  });
});
