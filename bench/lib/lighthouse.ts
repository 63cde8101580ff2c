// Lighthouse 12.2.3 in Debian's Chromium, default (mobile) profile with its simulated
// throttling. Signed-in pages get the session cookie through extraHeaders.
import * as chromeLauncher from "chrome-launcher";
import { freePort } from "./server";

export const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Audits that lost points outside performance, to act on. */
  failing: string[];
}

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1);

export async function runLighthouse(pages: { url: string; cookie: string }[]): Promise<Map<string, LighthouseScores>> {
  const { default: lighthouse } = await import("lighthouse");
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
    // Its debugging port from the benchmark's range too, so a run keeps to the ports it was given.
    port: await freePort(),
  });
  const out = new Map<string, LighthouseScores>();
  try {
    for (const page of pages) {
      const runs: LighthouseScores[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(page.url, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices"],
          extraHeaders: { Cookie: page.cookie },
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse 未返回结果：${page.url}`);
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const failing = ["accessibility", "best-practices"].flatMap((id) =>
          (lhr.categories[id]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => {
              // Say what the console error was, so it can be fixed.
              const items = (lhr.audits[ref.id]?.details as { items?: { description?: string }[] } | undefined)?.items ?? [];
              const said =
                ref.id === "errors-in-console"
                  ? items
                      .map((i) => i.description)
                      .filter(Boolean)
                      .join(" / ")
                      .slice(0, 200)
                  : "";
              return `${id}:${ref.id}${said ? `（${said}）` : ""}`;
            }),
        );
        runs.push({ performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"), failing });
      }
      // The median run by performance score (the noisy one).
      runs.sort((a, b) => a.performance - b.performance);
      out.set(page.url, runs[Math.floor(runs.length / 2)]!);
    }
  } finally {
    chrome.kill();
  }
  return out;
}
