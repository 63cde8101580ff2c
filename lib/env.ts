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
  /** Roles that sign in with a TOTP second factor (comma-separated; "" = none). */
  TOTP_REQUIRED_ROLES: z.string().default("admin,supervisor"),
  /** Days a password stays valid (0 = no expiry), and how many days ahead the user is warned. */
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  PASSWORD_EXPIRY_WARNING_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  /** The audit chain's HMAC key (created on first use when missing); keep it out of database backups. */
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** The audit checkpoint (row count + head hash), outside the database. */
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  /** Who to ask for help (忘记密码、账号锁定、开通账号), shown on the login page: e.g. "市政府督查室 系统管理员，电话 …". */
  HELP_CONTACT: z.string().trim().max(200).optional(),
  /** Fixed "today" (YYYY-MM-DD) for demos and tests; unset in production. */
  APP_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** The office that signs 通报 and 督办通知单 (落款 and 红头). */
  ISSUING_OFFICE: z.string().trim().min(2).max(40).default("汨罗市人民政府督查室"),
  /** Default 文号 prefix of a 季度通报: 汨督 → 汨督〔2026〕3号 (editable per draft). */
  BULLETIN_DOC_PREFIX: z.string().trim().min(1).max(12).default("汨督"),
  /** Agency code before a notice's number: 汨政 → 汨政督办〔2026〕3号. */
  NOTICE_AGENCY_CODE: z.string().trim().min(1).max(12).default("汨政"),
});

const parsed = schema.parse(process.env);

export const env = {
  ...parsed,
  databasePath: path.resolve(parsed.DATABASE_PATH),
  /** Evidence files live beside the database unless told otherwise. */
  dataDir: path.resolve(parsed.DATA_DIR ?? path.dirname(parsed.DATABASE_PATH)),
  demoMode: parsed.DEMO_MODE === "1",
  secureCookies: (parsed.NEXTAUTH_URL ?? "").startsWith("https://"),
  totpRoles: parsed.TOTP_REQUIRED_ROLES.split(",")
    .map((r) => r.trim())
    .filter(Boolean),
  passwordAge: { maxAgeDays: parsed.PASSWORD_MAX_AGE_DAYS, warnDays: parsed.PASSWORD_EXPIRY_WARNING_DAYS },
};

/** Today's Asia/Shanghai calendar day, or the fixed APP_TODAY of a demo or test run. */
export function appToday(): string {
  return env.APP_TODAY ?? todayInShanghai(new Date());
}

/**
 * The moment a filing is stamped with. When APP_TODAY pins the calendar (a demo or a test
 * run) it is the present time of day on that day, so a report filed "today" is judged on
 * the app's today and not on the machine's date (which differs after 16:00 UTC).
 */
export function appNow(): number {
  const now = Date.now();
  if (!env.APP_TODAY) return now;
  const midnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
  return now + midnight(env.APP_TODAY) - midnight(todayInShanghai(new Date(now)));
}
