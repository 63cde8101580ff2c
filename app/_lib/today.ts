import "server-only";

export { appToday } from "@/lib/env";
