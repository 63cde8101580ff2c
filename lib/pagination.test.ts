import { describe, expect, it } from "vitest";
import { pageOf, pagerItems, parsePageParam, withPage } from "./pagination";

const rows = Array.from({ length: 250 }, (_, i) => i + 1);

describe("pageOf", () => {
  it("cuts 250 rows into pages of 100, 100 and 50", () => {
    expect(pageOf(rows, 1)).toMatchObject({ page: 1, pages: 3, total: 250, first: 1, last: 100 });
    expect(pageOf(rows, 3)).toMatchObject({ page: 3, first: 201, last: 250 });
    expect(pageOf(rows, 3).rows).toHaveLength(50);
    expect(pageOf(rows, 2).rows[0]).toBe(101);
  });

  it("shows the last page for a page past the end, and page 1 for nonsense", () => {
    expect(pageOf(rows, 9).page).toBe(3);
    expect(pageOf(rows, 0).page).toBe(1);
    expect(pageOf(rows, -4).page).toBe(1);
  });

  it("answers one empty page for an empty list", () => {
    expect(pageOf([], 2)).toEqual({ rows: [], page: 1, pages: 1, total: 0, first: 0, last: 0 });
  });
});

describe("parsePageParam", () => {
  it("takes a positive whole number and nothing else", () => {
    expect(parsePageParam("3")).toBe(3);
    expect(parsePageParam(["2", "5"])).toBe(2);
    for (const bad of [undefined, null, "", "0", "-1", "2.5", "abc", "1e3", "9999999"]) expect(parsePageParam(bad)).toBe(1);
  });
});

describe("withPage", () => {
  it("sets the page and keeps the rest of the view", () => {
    expect(withPage("?unit=住建局&page=4", 2)).toBe(`?unit=${encodeURIComponent("住建局")}&page=2`);
    expect(withPage("", 3)).toBe("?page=3");
  });

  it("leaves page 1 out of the URL", () => {
    expect(withPage("?page=4", 1)).toBe("");
    expect(withPage("?q=a&page=4", 1)).toBe("?q=a");
  });
});

describe("pagerItems", () => {
  it("lists every page when there are few", () => {
    expect(pagerItems(1, 1)).toEqual([1]);
    expect(pagerItems(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps the ends and the neighbours of the current page, with gaps", () => {
    expect(pagerItems(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pagerItems(1, 20)).toEqual([1, 2, 3, null, 20]);
    // A gap of one page shows that page instead of "…".
    expect(pagerItems(5, 20)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 20]);
  });
});
