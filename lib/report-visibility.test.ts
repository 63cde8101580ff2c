import { describe, expect, it } from "vitest";
import { visibleReportContent } from "./report-visibility";

const live = "live draft";
const lastSubmitted = "version 1";

describe("visibleReportContent", () => {
  it("shows the lead unit its own draft", () => {
    expect(visibleReportContent({ mayEdit: true, state: "draft", live, lastSubmitted: null })).toBe(live);
    expect(visibleReportContent({ mayEdit: true, state: "returned", live, lastSubmitted })).toBe(live);
  });

  it("shows everyone else the last submitted version while the unit is still editing", () => {
    expect(visibleReportContent({ mayEdit: false, state: "draft", live, lastSubmitted: null })).toBeNull();
    expect(visibleReportContent({ mayEdit: false, state: "returned", live, lastSubmitted })).toBe(lastSubmitted);
  });

  it("shows the report itself once it is submitted or approved", () => {
    expect(visibleReportContent({ mayEdit: false, state: "submitted", live, lastSubmitted })).toBe(live);
    expect(visibleReportContent({ mayEdit: false, state: "approved", live, lastSubmitted })).toBe(live);
    expect(visibleReportContent({ mayEdit: false, state: null, live, lastSubmitted: null })).toBeNull();
  });
});
