// The app's clock when APP_TODAY pins the calendar: filings are stamped on that day, at the
// present time of day, whatever the machine's date is.
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function clockAt(machine: string, appToday: string | undefined) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(machine));
  if (appToday) vi.stubEnv("APP_TODAY", appToday);
  vi.resetModules();
  return import("./env");
}

describe("appNow", () => {
  it("is the machine's time when the calendar is not pinned", async () => {
    const { appNow } = await clockAt("2026-12-01T18:30:00Z", undefined);
    expect(appNow()).toBe(Date.parse("2026-12-01T18:30:00Z"));
  });

  it("keeps the time of day but moves to APP_TODAY once Shanghai has passed midnight", async () => {
    // 18:30 UTC is 02:30 on 12-02 in Shanghai: the pinned day is 12-01.
    const { appNow, appToday } = await clockAt("2026-12-01T18:30:00Z", "2026-12-01");
    expect(appToday()).toBe("2026-12-01");
    expect(new Date(appNow()).toISOString()).toBe("2026-11-30T18:30:00.000Z");
  });

  it("changes nothing when the machine's Shanghai day is the pinned day", async () => {
    const { appNow } = await clockAt("2026-12-01T03:00:00Z", "2026-12-01");
    expect(appNow()).toBe(Date.parse("2026-12-01T03:00:00Z"));
  });
});
