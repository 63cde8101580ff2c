import net from "node:net";
import { describe, expect, it } from "vitest";
import { describeAnswer, describeError } from "./load";

describe("what a failed bench request says", () => {
  it("names the network error of a request nobody answered", async () => {
    // A port that was free a moment ago: nothing listens on it.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const error = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(describeError(error)).toBe("TypeError: ECONNREFUSED");
  });

  it("keeps the status and the start of the answer on one line", () => {
    expect(describeAnswer(200, '{"ok":false,\n  "message":"该报告已被他人修改"}')).toBe('HTTP 200: {"ok":false, "message":"该报告已被他人修改"}');
    expect(describeAnswer(500, "x".repeat(500))).toHaveLength("HTTP 500: ".length + 160);
  });
});
