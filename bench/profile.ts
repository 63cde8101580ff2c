// Where a page's server time goes: a bench server (the last `npm run bench` build and one of
// its generated databases) with V8's sampling profiler, one page requested n times after a
// warm-up, then the profile summarised by self time and by inclusive time of the build's
// own code. Usage:
//   npm run bench:profile -- /tmp/miluo-bench-cache/x100-….db supervisor|mayor|unit|reporter /dashboard [n]
// "{report}" in the path stands for the reporter's report page. PROFILE_OFF=1 only times the
// requests; PROFILE_WARMUP, PROFILE_TOP and PROFILE_MATCH (a regex on "function file:line")
// tune the run and the listing; PROFILE_SAVE=<file> keeps the first response's HTML.
// PROFILE_COLD=1 commits a row from another connection before every request, so no read
// remembered until a change (db/read-memo.ts) is reused: the cost right after a write.
// PROFILE_CALLERS=<regex> lists the call stacks under the functions it matches;
// PROFILE_NODE_OPTIONS adds node flags to the server (e.g. a heap setting to compare).
import fs from "node:fs";
import Database from "better-sqlite3";
import os from "node:os";
import path from "node:path";
import type { Credential } from "./setup";
import { sessionCookie } from "./lib/actions";
import { BENCH_TODAY } from "./lib/constants";
import { send } from "./lib/http";
import { tsxJson } from "./lib/report-load";
import { freePort, root, startServer } from "./lib/server";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[]; hitCount?: number };

async function main() {
  const [source, persona, page, n = "50"] = process.argv.slice(2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miluo-profile-"));
  const databasePath = path.join(dir, "app.db");
  fs.copyFileSync(source!, databasePath);
  fs.copyFileSync(`${source}.audit-hmac.key`, path.join(dir, "audit-hmac.key"));
  fs.copyFileSync(`${source}-audit-checkpoint.json`, `${databasePath}-audit-checkpoint.json`);
  const dbEnv = { DATABASE_PATH: databasePath, APP_TODAY: BENCH_TODAY };
  const who = tsxJson<Record<string, Credential> & { saveSlots: (Credential & { taskNo: number; quarter: string })[] }>(
    ["bench/setup.ts", "personas", "2"],
    dbEnv,
  );
  const profDir = path.join(dir, "prof");
  const server = await startServer({
    databasePath,
    port: await freePort(),
    env: {
      APP_TODAY: BENCH_TODAY,
      NODE_OPTIONS: `--require ${path.join(root, "bench/lib/cpu-profile.cjs")} ${process.env.PROFILE_NODE_OPTIONS ?? ""}`,
      PROFILE_DIR: profDir,
    },
  });
  const cred = persona === "reporter" ? who.saveSlots[0]! : who[persona!]!;
  const cookie = await sessionCookie({ secret: server.secret, ...cred });
  const target = page!.replace("{report}", `/tasks/${who.saveSlots[0]!.taskNo}/report/${who.saveSlots[0]!.quarter}`);
  for (let i = 0; i < Number(process.env.PROFILE_WARMUP ?? 30); i++) await send(`${server.url}${target}`, { headers: { Cookie: cookie } });
  if (!process.env.PROFILE_OFF) process.kill(server.pid, "SIGUSR2");
  await new Promise((r) => setTimeout(r, 200));
  const times: number[] = [];
  const writer = process.env.PROFILE_COLD ? new Database(databasePath, { timeout: 5000 }) : null;
  const touch = writer?.prepare("INSERT INTO app_meta (key, value) VALUES ('bench_cold', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  for (let i = 0; i < Number(n); i++) {
    touch?.run(String(i));
    const t = performance.now();
    const res = await send(`${server.url}${target}`, { headers: { Cookie: cookie } });
    const body = res.body;
    if (i === 0) {
      console.log(`${Buffer.byteLength(body)} bytes, ${(body.match(/<tr/g) ?? []).length} <tr>, ${(body.match(/<a /g) ?? []).length} <a>`);
      if (process.env.PROFILE_SAVE) fs.writeFileSync(process.env.PROFILE_SAVE, body);
    }
    times.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  }
  times.sort((a, b) => a - b);
  console.log(`${target}: p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms`);
  writer?.close();
  await server.stop();
  if (process.env.PROFILE_OFF) return fs.rmSync(dir, { recursive: true, force: true });
  const file = fs
    .readdirSync(profDir)
    .map((f) => path.join(profDir, f))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
  const prof = JSON.parse(fs.readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(prof.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const shortUrl = (x: Node) => x.callFrame.url.replace(/^.*\/(\.next-bench|node_modules)\//, "$1/");
  const label = (x: Node) => `${x.callFrame.functionName || "(anon)"} ${shortUrl(x)}:${x.callFrame.lineNumber}`;
  const self = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    const x = byId.get(id)!;
    self.set(label(x), (self.get(label(x)) ?? 0) + dt);
    const file = shortUrl(x) || x.callFrame.functionName;
    selfByFile.set(file, (selfByFile.get(file) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      incl.set(l, (incl.get(l) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>, k: number, f: (l: string) => boolean = () => true) =>
    [...m]
      .filter(([l]) => f(l) && !l.startsWith("(idle)"))
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([l, us]) => `${(us / 1000 / Number(n)).toFixed(2).padStart(7)} ms/req  ${l}`)
      .join("\n");
  console.log(
    `total ${(total / 1000 / Number(n)).toFixed(1)} ms/req, idle ${((self.get("(idle) :-1") ?? 0) / 1000 / Number(n)).toFixed(1)}, gc ${((self.get("(garbage collector) :-1") ?? 0) / 1000 / Number(n)).toFixed(1)}`,
  );
  console.log("--- self by file\n" + top(selfByFile, 25));
  console.log("--- self\n" + top(self, 40));
  console.log(
    "--- inclusive (app chunks)\n" +
      top(incl, Number(process.env.PROFILE_TOP ?? 60), (l) => new RegExp(process.env.PROFILE_MATCH ?? "server/(chunks|app)").test(l)),
  );
  if (process.env.PROFILE_CALLERS) {
    // Who calls the functions matching PROFILE_CALLERS: their stacks (5 frames up), by self time.
    const callers = new Map<string, number>();
    const wanted = new RegExp(process.env.PROFILE_CALLERS);
    prof.samples.forEach((id, i) => {
      if (!wanted.test(label(byId.get(id)!))) return;
      const stack: string[] = [];
      for (let cur = parent.get(id); cur !== undefined && stack.length < 5; cur = parent.get(cur)) stack.push(label(byId.get(cur)!));
      const key = stack.join(" < ");
      callers.set(key, (callers.get(key) ?? 0) + (prof.timeDeltas[i] ?? 0));
    });
    console.log(`--- callers of /${wanted.source}/\n` + top(callers, 8));
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
void main();
