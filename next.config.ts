import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Separate build folders let several checkouts' servers (e2e, bench) coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native module: load it from node_modules at run time instead of bundling.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "exceljs"],
  // authInterrupts: forbidden()/unauthorized() give real 403/401 pages.
  experimental: { serverActions: { bodySizeLimit: "100mb" }, authInterrupts: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
