import "server-only";

export { appNow, appToday } from "@/lib/env";
