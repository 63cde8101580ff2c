// The CSP hash sources of the inline scripts in the build's prerendered HTML pages (/about,
// the 404 page): those pages were rendered before any request, so they carry no nonce.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

function* htmlFiles(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith(".html")) yield full;
  }
}

/** "'sha256-…'" for every distinct inline script of every prerendered page under distDir. */
export function staticScriptHashes(distDir) {
  const hashes = new Set();
  for (const file of htmlFiles(path.join(distDir, "server", "app"))) {
    for (const match of fs.readFileSync(file, "utf8").matchAll(INLINE_SCRIPT)) {
      if (match[1]) hashes.add(`'sha256-${crypto.createHash("sha256").update(match[1], "utf8").digest("base64")}'`);
    }
  }
  return [...hashes].sort();
}
