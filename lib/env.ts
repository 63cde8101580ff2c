// Every environment variable the app reads, validated once. See .env.example.
import path from "node:path";
import { z } from "zod";
import { todayInShanghai } from "./periods";

const schema = z.object({
  DATABASE_PATH: z.string().min(1).default("./data/app.db"),
  DATA_DIR: z.string().min(1).optional(),
  INITIAL_PASSWORD: z.string().min(8).default("Miluo@2026"),
  DEMO_MODE: z.enum(["0", "1"]).default("0"),
  NEXTAUTH_SECRET: z.string().optional(),
  /** The public URL; an https:// URL turns on __Secure- cookies. */
  NEXTAUTH_URL: z.string().optional(),
  /** Fixed "today" (YYYY-MM-DD) for demos and tests; unset in production. */
  APP_TODAY: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

const parsed = schema.parse(process.env);

export const env = {
  ...parsed,
  databasePath: path.resolve(parsed.DATABASE_PATH),
  /** Evidence files live beside the database unless told otherwise. */
  dataDir: path.resolve(parsed.DATA_DIR ?? path.dirname(parsed.DATABASE_PATH)),
  demoMode: parsed.DEMO_MODE === "1",
  secureCookies: (parsed.NEXTAUTH_URL ?? "").startsWith("https://"),
};

/** Today's Asia/Shanghai calendar day, or the fixed APP_TODAY of a demo or test run. */
export function appToday(): string {
  return env.APP_TODAY ?? todayInShanghai(new Date());
}
