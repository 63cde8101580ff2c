// `npm test`: typecheck, lint, formatting, the schema drift check, unit + integration (vitest), then Playwright against a
// production build on a throwaway database: the chromium project directly, and the nginx
// project through a real nginx with TLS. Ends with one plain "N passed, N failed" line.
import fs from "node:fs";
import path from "node:path";
import { bin, buildIfNeeded, ensureDependencies, root, run } from "./lib/steps.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureDependencies();

const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
const check = (name, code) => {
  if (code === 0) passed += 1;
  else {
    failed += 1;
    console.error(`✗ ${name} 未通过`);
  }
};
const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

// The production build first: it generates the route types the typecheck reads.
// NEXT_DIST_DIR (and E2E_PORT, read by playwright.config.ts) let checkouts test side by side.
const distDir = process.env.NEXT_DIST_DIR ?? ".next-test";
const buildCode = buildIfNeeded(distDir);
check("next build", buildCode);
// Static checks count as one test each.
check("typecheck", run(bin("tsc"), ["--noEmit"]));
check("lint", run(bin("eslint"), [".", "--max-warnings=0"]));
check("format", run(bin("prettier"), ["--check", "."]));
// A schema change without its committed migration (drizzle-kit generate would write one).
check("schema drift", run(bin("tsx"), ["scripts/schema-drift.ts"]));

const vitestJson = path.join(results, "vitest.json");
fs.rmSync(vitestJson, { force: true });
const vitestCode = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`]);
const unit = readJson(vitestJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (vitestCode !== 0 && unit.numFailedTests === 0 ? 1 : 0);
} else check("vitest", vitestCode || 1);

if (buildCode === 0) {
  const e2eJson = path.join(results, "e2e-results.json");
  fs.rmSync(e2eJson, { force: true });
  const e2eCode = run(bin("playwright"), ["test"], { env: { NEXT_DIST_DIR: distDir } });
  const e2e = readJson(e2eJson);
  if (e2e?.stats) {
    passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected;
    if (e2eCode !== 0 && e2e.stats.unexpected === 0) failed += 1;
  } else check("playwright", e2eCode || 1);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
