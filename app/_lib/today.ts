import "server-only";
import { env } from "@/lib/env";
import { todayInShanghai } from "@/lib/periods";

/** Today's Asia/Shanghai calendar day, or the fixed APP_TODAY of a demo or test run. */
export function appToday(): string {
  return env.APP_TODAY ?? todayInShanghai(new Date());
}
