// First-load JS per route, read from the build's own manifests (Next 16 no longer prints
// sizes in the build output): the shared root chunks from build-manifest.json plus the
// chunks each route's page and layouts list in page_client-reference-manifest.js
// (`entryJSFiles`). Sizes are gzip, as the old Next route table gave them. Polyfills
// are left out: they are `nomodule` scripts that modern browsers never fetch.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export interface RouteJs {
  route: string;
  files: number;
  gzipKb: number;
  rawKb: number;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.name === "page_client-reference-manifest.js") out.push(p);
  }
  return out;
}

/** The route a manifest key like "/tasks/[no]/page" stands for. */
const routeOf = (key: string) => key.replace(/\/page$/, "") || "/";

export function firstLoadJs(distDir: string): RouteJs[] {
  const build = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const sizes = new Map<string, { gzip: number; raw: number }>();
  const sizeOf = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const buf = fs.readFileSync(path.join(distDir, file.replace(/^\/_next\//, "")));
      s = { gzip: zlib.gzipSync(buf, { level: 9 }).length, raw: buf.length };
      sizes.set(file, s);
    }
    return s;
  };

  const routes: RouteJs[] = [];
  for (const file of walk(path.join(distDir, "server", "app"))) {
    const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } };
    new Function("globalThis", fs.readFileSync(file, "utf8"))(sandbox.globalThis);
    for (const [key, manifest] of Object.entries(sandbox.globalThis.__RSC_MANIFEST ?? {})) {
      if (key.startsWith("/_")) continue; // Next's own not-found and error pages
      const files = new Set<string>(build.rootMainFiles);
      for (const chunks of Object.values(manifest.entryJSFiles ?? {})) chunks.forEach((c) => files.add(c));
      let gzip = 0;
      let raw = 0;
      for (const f of files) {
        const s = sizeOf(f);
        gzip += s.gzip;
        raw += s.raw;
      }
      routes.push({ route: routeOf(key), files: files.size, gzipKb: gzip / 1024, rawKb: raw / 1024 });
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}
