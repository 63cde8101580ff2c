// The CSP hash sources of the inline scripts and style elements in the build's prerendered
// HTML pages (/about, the 404 page): those pages were rendered before any request, so they
// carry no nonce.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INLINE = { scripts: /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g, styles: /<style[^>]*>([\s\S]*?)<\/style>/g };

function* htmlFiles(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith(".html")) yield full;
  }
}

const hashSource = (text) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** "'sha256-…'" for every distinct inline script and style element of every prerendered page. */
export function staticInlineHashes(distDir) {
  const found = { scripts: new Set(), styles: new Set() };
  for (const file of htmlFiles(path.join(distDir, "server", "app"))) {
    const html = fs.readFileSync(file, "utf8");
    for (const kind of ["scripts", "styles"]) {
      for (const match of html.matchAll(INLINE[kind])) if (match[1]) found[kind].add(hashSource(match[1]));
    }
  }
  return { scripts: [...found.scripts].sort(), styles: [...found.styles].sort() };
}
