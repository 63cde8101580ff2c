/** A same-site path to go to after login; anything else (absolute or protocol-relative URLs) → "/". */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  if (path.startsWith("/login") || path.startsWith("/api/")) return "/";
  return path;
}
