import { defineConfig, devices } from "@playwright/test";

// E2E runs against a production build (`next build`, done by scripts/test.mjs) on
// its own throwaway database, in Debian's Chromium (browsers cannot be downloaded here).
// The "nginx" project runs through a real nginx with TLS (scripts/e2e-nginx.mjs) in front of
// a second app server whose public URL is https and which trusts only nginx's address.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const nginxPort = port + 1;
const behindProxyPort = port + 2;
const nginxURL = `https://127.0.0.1:${nginxPort}`;
const chromium = process.env.CHROME_PATH ?? process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
// The server's "today": fixed so every spec sees the same programme state whatever day CI runs.
const today = process.env.E2E_TODAY ?? "2026-12-01";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: "nginx/**", use: { ...devices["Desktop Chrome"] } },
    // The suite's sign-in, lockout and header checks again, through nginx, plus the deployment's own.
    {
      name: "nginx",
      testMatch: ["nginx/**/*.spec.ts", "auth.spec.ts", "security.spec.ts"],
      use: { ...devices["Desktop Chrome"], baseURL: nginxURL, ignoreHTTPSErrors: true },
    },
  ],
  webServer: [
    {
      command: `node scripts/e2e-server.mjs`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { E2E_PORT: String(port), APP_TODAY: today, HELP_CONTACT: "市政府督查室 系统管理员" },
    },
    {
      command: `node scripts/e2e-server.mjs`,
      url: `http://127.0.0.1:${behindProxyPort}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { E2E_PORT: String(behindProxyPort), E2E_PUBLIC_URL: nginxURL, TRUSTED_PROXIES: "127.0.0.2", APP_TODAY: today },
    },
    {
      command: `node scripts/e2e-nginx.mjs`,
      url: `${nginxURL}/api/health`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { NGINX_PORT: String(nginxPort), UPSTREAM_PORT: String(behindProxyPort) },
    },
  ],
});
