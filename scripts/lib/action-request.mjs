// Server Action requests are checked here before Next.js decodes them: Next answers a
// cross-origin action, a malformed body, arguments nested deep enough to overflow its
// decoder's stack, or a control character in a file name with a 500 (as if the server had
// failed). These are bad requests: answer 400 with a Chinese message, and never reach the app.
import { createRequire } from "node:module";
import { Readable } from "node:stream";

const require = createRequire(import.meta.url);
const busboy = require("next/dist/compiled/busboy");

/** Deeper than any form the app sends (a few levels), far below what overflows a decoder. */
export const MAX_NESTING = 64;
const CONTROL = /[\u0000-\u001f\u007f]/;

export class BadActionRequest extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The host the browser must have sent the action from (what Next compares Origin with). */
export function checkOrigin(headers) {
  const origin = headers.origin;
  if (origin === undefined) return; // not a browser request; Next lets these through as well
  let host;
  try {
    host = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    throw new BadActionRequest(400, "请求来源无效。");
  }
  const expected = headers["x-forwarded-host"] ?? headers.host;
  if (!expected || host !== String(expected).split(",")[0].trim()) throw new BadActionRequest(400, "拒绝来自其他网站的提交。");
}

/** Nesting depth of JSON text, counted without parsing (strings skipped). */
export function jsonDepth(text) {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

function checkJsonText(text) {
  if (jsonDepth(text) > MAX_NESTING) throw new BadActionRequest(400, "提交的内容层级过深。");
  try {
    JSON.parse(text);
  } catch {
    throw new BadActionRequest(400, "提交的内容格式有误。");
  }
}

/** Parses a multipart body completely; refuses malformed framing and control characters in names. */
function checkMultipart(headers, body) {
  return new Promise((resolve, reject) => {
    let parser;
    try {
      parser = busboy({ headers, defParamCharset: "utf8", limits: { fieldSize: body.length + 1 } });
    } catch {
      reject(new BadActionRequest(400, "提交的表单格式有误。"));
      return;
    }
    const fail = (message) => reject(new BadActionRequest(400, message));
    parser.on("file", (name, stream, info) => {
      if (CONTROL.test(info.filename ?? "") || CONTROL.test(name)) fail("文件名含有控制字符，请改名后重新上传。");
      stream.resume();
    });
    parser.on("field", (name, value) => {
      if (CONTROL.test(name)) fail("提交的表单格式有误。");
      // React sends the action's arguments as JSON text in fields named by number.
      else if (/^\d+$/.test(name) && (value.startsWith("[") || value.startsWith("{"))) {
        try {
          checkJsonText(value);
        } catch (error) {
          reject(error);
        }
      }
    });
    parser.on("error", () => fail("提交的表单格式有误。"));
    parser.on("close", resolve);
    Readable.from([body]).pipe(parser);
  });
}

/** Throws BadActionRequest when the buffered action body would make Next.js fail. */
export async function checkActionBody(headers, body) {
  const type = String(headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) return checkMultipart(headers, body);
  if (type.startsWith("application/x-www-form-urlencoded")) return undefined;
  // Plain-text (or JSON) bodies carry the encoded arguments of a fetch action.
  const text = body.toString("utf8");
  if (text.length > 0) checkJsonText(text);
  return undefined;
}
