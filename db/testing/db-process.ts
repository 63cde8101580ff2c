// For tests: another OS process holding a database open (as the running server does),
// optionally inserting rows in a loop, so locking and online backup are tested for real.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const driver = path.join(process.cwd(), "node_modules", "better-sqlite3");

const script = `
const Database = require(${JSON.stringify(driver)});
const db = new Database(process.argv[1], { timeout: 5000 });
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.prepare("select count(*) from sqlite_master").get();
const insert = db.prepare("insert into login_attempts (ip, at) values (?, ?)");
let n = 0;
process.stdout.write("ready\\n");
if (process.argv[2] === "write") setInterval(() => { insert.run("10.9.9." + (n % 200), Date.now()); n += 1; }, 1);
else setInterval(() => db.prepare("select count(*) from sqlite_master").get(), 50);
`;

export interface DbProcess {
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts the process and resolves once it holds the database open. */
export function startDbProcess(file: string, mode: "hold" | "write"): Promise<DbProcess> {
  const child = spawn(process.execPath, ["-e", script, file, mode], { stdio: ["ignore", "pipe", "inherit"] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`database process exited early (${code})`)));
    child.stdout!.once("data", () => resolve({ child, stop }));
  });
}
