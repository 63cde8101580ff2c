import { env } from "@/lib/env";

// next-auth's own cookie name, set explicitly so the session reader and logout agree with it.
export const SESSION_COOKIE = `${env.secureCookies ? "__Secure-" : ""}next-auth.session-token`;
