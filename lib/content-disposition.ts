// Content-Disposition for downloads with Chinese file names (RFC 6266 + RFC 5987):
// an ASCII fallback for old clients and filename* in UTF-8 for everyone else.

/** encodeURIComponent leaves ' ( ) * unescaped; RFC 5987's attr-char does not allow them. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(filename: string, type: "attachment" | "inline" = "attachment"): string {
  const dot = filename.lastIndexOf(".");
  const ext = dot > 0 ? filename.slice(dot).replace(/[^A-Za-z0-9.]/g, "") : "";
  const base = filename
    .slice(0, dot > 0 ? dot : undefined)
    .replace(/[^\x20-\x7e]|["\\%;]/g, "_")
    .trim();
  const ascii = `${base || "file"}${ext}`;
  return `${type}; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`;
}
