import type { NextConfig } from "next";
import { MAX_EVIDENCE_BYTES } from "./lib/file-sniff";
import { MAX_FILES_PER_SAVE } from "./lib/report-form";

// Headers that are the same for every response. The Content-Security-Policy (per-request
// nonce) comes from proxy.ts, HSTS from scripts/serve.mjs (only when the public URL is https).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

// The largest Server Action body: a report save with the most evidence files it accepts, each
// at the size limit, plus 1 MB for the text fields and multipart framing. Files are the only
// large thing any action receives.
const MAX_ACTION_BODY_BYTES = MAX_FILES_PER_SAVE * MAX_EVIDENCE_BYTES + 1024 * 1024;

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Separate build folders let several checkouts' servers (e2e, bench) coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native module: load it from node_modules at run time instead of bundling.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "exceljs"],
  // authInterrupts: forbidden()/unauthorized() give real 403/401 pages.
  experimental: { serverActions: { bodySizeLimit: MAX_ACTION_BODY_BYTES }, authInterrupts: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
