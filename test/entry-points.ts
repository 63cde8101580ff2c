// Every public entry point of the app, read from the source: each export of a "use server"
// file under app/ (every one is a POST endpoint) and each HTTP method a route.ts exports.
// The coverage tests (bad inputs, authorization matrix) compare their lists with these.
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(__dirname, "..");
const rel = (p: string) => path.relative(root, p);

function files(dir: string, name: (f: string) => boolean, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files(p, name, out);
    else if (name(e.name)) out.push(p);
  }
  return out;
}

/** "app/…/actions.ts#name" for every export of every "use server" file (the wrappers in app/_lib excepted). */
export function serverActionRefs(): string[] {
  return files(path.join(root, "app"), (f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
    .filter((f) => /^\s*["']use server["']/.test(fs.readFileSync(f, "utf8")))
    .flatMap((f) =>
      [...fs.readFileSync(f, "utf8").matchAll(/^export (?:const|async function|function) (\w+)/gm)]
        .map((m) => `${rel(f)}#${m[1]}`)
        .filter((ref) => !ref.startsWith("app/_lib/")),
    );
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Method = (typeof METHODS)[number];

/** "app/api/…/route.ts#METHOD" for every method a route handler exports (declared or re-exported as `{ x as GET }`). */
export function routeHandlerRefs(only: readonly Method[] = METHODS): string[] {
  const wanted = only.join("|");
  const declared = new RegExp(`export (?:const|async function|function) (${wanted})\\b`, "g");
  const listed = /export \{([^}]*)\}/g;
  return files(path.join(root, "app"), (f) => f === "route.ts").flatMap((f) => {
    const text = fs.readFileSync(f, "utf8");
    const names = [...text.matchAll(declared)].map((m) => m[1]!);
    for (const m of text.matchAll(listed)) {
      for (const part of m[1]!.split(",")) {
        const name = part
          .trim()
          .split(/\s+as\s+/)
          .at(-1)!;
        if ((only as readonly string[]).includes(name)) names.push(name);
      }
    }
    return [...new Set(names)].map((name) => `${rel(f)}#${name}`);
  });
}
