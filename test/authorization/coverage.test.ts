// Every exported Server Action and every route handler method is in the authorization matrix
// or exempt with its reason, and the matrix names nothing that no longer exists.
import { describe, expect, it } from "vitest";
import { routeHandlerRefs, serverActionRefs } from "@/test/entry-points";
import { entryPointOf, EXEMPT, MATRIX } from "./matrix";

describe("authorization matrix coverage", () => {
  const entryPoints = [...serverActionRefs(), ...routeHandlerRefs()];

  it("has a row for every Server Action and route handler, or an exemption with a reason", () => {
    expect(entryPoints.length).toBeGreaterThan(40);
    expect(entryPoints.filter((ref) => !(ref in MATRIX) && !(ref in EXEMPT))).toEqual([]);
  });

  it("names only entry points that exist, each once", () => {
    expect([...Object.keys(MATRIX), ...Object.keys(EXEMPT)].filter((ref) => !entryPoints.includes(entryPointOf(ref)))).toEqual([]);
    expect(Object.keys(MATRIX).filter((ref) => ref in EXEMPT)).toEqual([]);
    expect(Object.values(EXEMPT).every((reason) => reason.length > 20)).toBe(true);
  });
});
