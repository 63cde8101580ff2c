// Two checks beside the timings. The reference page must be what the comparison assumes: a
// page prerendered at build time and served from that file, not rendered per request. And the
// quarter statuses the write path stored must be exactly what `npm run status:rebuild`
// recomputes from the report versions: once on the generated data (every row written by
// db/'s own write functions) and once after the run's saves and submissions.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { send } from "./http";
import { bin, DIST_DIR, root, type BenchServer } from "./server";

export interface StaticCheck {
  /** /about is in the build's prerender manifest. */
  inPrerenderManifest: boolean;
  /** What the server said it served (Next marks a prerendered answer with x-nextjs-prerender). */
  prerenderHeader: string | null;
  /** The page a signed-in user got is byte for byte the HTML file the build wrote. */
  servedFromBuild: boolean;
  prerendered: boolean;
}

/** Asked as a signed-in user: the proxy sends anyone else to the login page first. */
export async function aboutIsStatic(server: BenchServer, cookie: string): Promise<StaticCheck> {
  const dist = path.join(root, DIST_DIR);
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, "prerender-manifest.json"), "utf8")) as { routes: Record<string, unknown> };
  const inPrerenderManifest = "/about" in manifest.routes;
  const built = path.join(dist, "server", "app", "about.html");
  const res = await send(`${server.url}/about`, { headers: { Cookie: cookie } });
  const body = Buffer.from(res.body);
  const prerenderHeader = res.headers.get("x-nextjs-prerender");
  const servedFromBuild = res.status === 200 && fs.existsSync(built) && body.equals(fs.readFileSync(built));
  return { inPrerenderManifest, prerenderHeader, servedFromBuild, prerendered: inPrerenderManifest && prerenderHeader !== null && servedFromBuild };
}

export interface StatusRebuildCheck {
  identical: boolean;
  seconds: number;
  /** What the command printed (its summary, and any differing rows). */
  output: string;
}

export interface StatusRebuildChecks {
  /** On the generated database, before the server wrote anything. */
  generated: StatusRebuildCheck;
  /** After the saves and submissions the server made during the run. */
  afterWrites: StatusRebuildCheck;
  /**
   * The server stamps its writes with the machine's clock; when that clock is earlier than
   * the generated timeline's last status (data set at the end of the quarter, run before it),
   * the store moves such writes forward to keep history in order and the rebuild does not,
   * so the second comparison then differs without telling anything about the write path.
   */
  clockBehindData: boolean;
}

export function statusRebuildCheck(databasePath: string): StatusRebuildCheck {
  const started = performance.now();
  const run = spawnSync(bin("tsx"), ["scripts/status-rebuild.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: databasePath },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
  return { identical: run.status === 0, seconds: (performance.now() - started) / 1000, output: output.split("\n").slice(0, 12).join("\n") };
}
