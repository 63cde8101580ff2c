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
  /** Categories Lighthouse could not score (and why), then audits that lost points outside performance, to act on. */
  failing: string[];
}

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1);
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
/** Extra attempts for a run in which a category came back unscored. */
const UNSCORED_RETRIES = 2;

export async function runLighthouse(pages: { url: string; cookie: string }[]): Promise<Map<string, LighthouseScores>> {
  const { default: lighthouse } = await import("lighthouse");
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
    // Its debugging port from the benchmark's range too, so a run keeps to the ports it was given.
    port: await freePort(),
  });
  const audit = async (page: { url: string; cookie: string }) => {
    const result = await lighthouse(page.url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      extraHeaders: { Cookie: page.cookie },
    });
    if (!result?.lhr) throw new Error(`Lighthouse 未返回结果：${page.url}`);
    return result.lhr;
  };
  type Lhr = Awaited<ReturnType<typeof audit>>;
  const unscoredIn = (lhr: Lhr) => CATEGORIES.filter((id) => lhr.categories[id]?.score == null);
  const out = new Map<string, LighthouseScores>();
  try {
    for (const page of pages) {
      const runs: LighthouseScores[] = [];
      for (let i = 0; i < RUNS; i++) {
        // A category Lighthouse could not score (score null) is tried again; if it stays
        // unscored it is kept as 0 with the reason Lighthouse gave.
        let lhr = await audit(page);
        for (let retry = 0; retry < UNSCORED_RETRIES && unscoredIn(lhr).length; retry++) lhr = await audit(page);
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        runs.push({
          performance: score("performance"),
          accessibility: score("accessibility"),
          bestPractices: score("best-practices"),
          failing: [...unscoredReason(lhr, unscoredIn(lhr)), ...failingAudits(lhr)],
        });
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

type Report = {
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { score: number | null; errorMessage?: string; details?: unknown } | undefined>;
};

function unscoredReason(lhr: Report, unscored: readonly string[]): string[] {
  if (unscored.length === 0) return [];
  const causes = [
    lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : "",
    ...unscored.flatMap((id) =>
      (lhr.categories[id]?.auditRefs ?? []).flatMap((ref) => {
        const message = lhr.audits[ref.id]?.errorMessage;
        return message ? [`${ref.id}: ${message}`] : [];
      }),
    ),
  ].filter(Boolean);
  return [`未得分 ${unscored.join("/")}（${causes.join(" / ").slice(0, 300) || "Lighthouse 未说明原因"}）`];
}

/** Audits that lost points outside performance, with what a console error said. */
function failingAudits(lhr: Report): string[] {
  return ["accessibility", "best-practices"].flatMap((id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => {
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
}
