import { describe, expect, it } from "vitest";
import { checkActionBody, checkOrigin, jsonDepth, MAX_NESTING } from "./action-request.mjs";

const multipart = (parts: string) => Buffer.from(parts.replace(/\n/g, "\r\n"));
const headers = { "content-type": "multipart/form-data; boundary=XX" };

describe("Server Action request checks", () => {
  it("refuses an action posted from another site, and lets same-site and origin-less requests through", () => {
    expect(() => checkOrigin({ origin: "http://evil.example", host: "127.0.0.1:3000" })).toThrow(/其他网站/);
    expect(() => checkOrigin({ origin: "null", host: "127.0.0.1:3000" })).toThrow(/其他网站/);
    expect(() => checkOrigin({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).not.toThrow();
    expect(() => checkOrigin({ host: "127.0.0.1:3000" })).not.toThrow();
  });

  it("counts nesting outside strings only", () => {
    expect(jsonDepth('[{"a":[1]}]')).toBe(3);
    expect(jsonDepth('["[[[[{{{"]')).toBe(1);
    expect(jsonDepth('["\\\\"]')).toBe(1);
  });

  it("refuses malformed or too deeply nested arguments", async () => {
    await expect(checkActionBody({ "content-type": "text/plain" }, Buffer.from("[{"))).rejects.toThrow(/格式有误/);
    const deep = "[".repeat(MAX_NESTING + 1) + "]".repeat(MAX_NESTING + 1);
    await expect(checkActionBody({ "content-type": "text/plain" }, Buffer.from(deep))).rejects.toThrow(/层级过深/);
    await expect(checkActionBody({ "content-type": "text/plain" }, Buffer.from('[{"a":1},"$K1"]'))).resolves.toBeUndefined();
  });

  it("refuses a cut-off multipart body and a control character in a file name", async () => {
    await expect(checkActionBody(headers, multipart('--XX\nContent-Disposition: form-data; name="1"\n\nabc'))).rejects.toThrow(/表单格式有误/);
    const tabName = multipart('--XX\nContent-Disposition: form-data; name="1_f"; filename="a\tb.pdf"\nContent-Type: application/pdf\n\n%PDF\n--XX--\n');
    await expect(checkActionBody(headers, tabName)).rejects.toThrow(/控制字符/);
    const fine = multipart(
      '--XX\nContent-Disposition: form-data; name="1_f"; filename="佐证.pdf"\nContent-Type: application/pdf\n\n%PDF\n--XX\nContent-Disposition: form-data; name="0"\n\n["$K1"]\n--XX--\n',
    );
    await expect(checkActionBody(headers, fine)).resolves.toBeUndefined();
  });
});
