import { describe, expect, it } from "vitest";
import { leadersText } from "./leader-handover";

describe("leadersText", () => {
  it("names the leaders with their titles, or a dash for none", () => {
    expect(leadersText([], [])).toBe("—");
    expect(
      leadersText(
        [
          { name: "杨盛", title: null },
          { name: "马慧", title: "市长" },
        ],
        [],
      ),
    ).toBe("杨盛、马慧（市长）");
  });
  it("says whom a leader took over from, and since when", () => {
    const handovers = [{ to: "付文勇", from: "李岳星", effectiveOn: "2026-06-30" }];
    expect(
      leadersText(
        [
          { name: "杨盛", title: null },
          { name: "付文勇", title: null },
        ],
        handovers,
      ),
    ).toBe("杨盛、付文勇（2026-06-30 起接替 原牵头领导 李岳星）");
  });
  it("shows no line for a leader who took nothing over", () => {
    expect(leadersText([{ name: "杨盛", title: null }], [{ to: "付文勇", from: "李岳星", effectiveOn: "2026-06-30" }])).toBe("杨盛");
  });
});
