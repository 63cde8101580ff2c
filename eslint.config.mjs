import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The house's one-way dependencies: pages (app/) use db/ and lib/; shared UI (components/)
// and pure rules (lib/) never reach back into app/ or db/.
const layered = {
  patterns: [
    { group: ["@/app/*", "**/app/*"], message: "components/ 与 lib/ 不得依赖 app/（页面与 Server Action 属于 app/）。" },
    { group: ["@/db/*", "**/db/*"], message: "components/ 与 lib/ 不得依赖 db/（数据访问只在 db/，由页面传入数据）。" },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ["components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", layered] },
  },
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".tmp/**",
      "node_modules/**",
      "drizzle/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      "next-env.d.ts",
    ],
  },
];
export default config;
