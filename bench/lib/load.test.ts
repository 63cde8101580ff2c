import http from "node:http";
import net from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send } from "./http";
import { describeAnswer, describeError } from "./load";

let server: http.Server;
let base = "";
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/never") return; // holds the request: no answer
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = JSON.stringify({ method: req.method, length: req.headers["content-length"] ?? null, body: Buffer.concat(chunks).toString("utf8") });
      const gzip = String(req.headers["accept-encoding"]).includes("gzip");
      res.writeHead(200, { "Content-Type": "application/json", ...(gzip ? { "Content-Encoding": "gzip" } : {}), "Set-Cookie": ["a=1", "b=2"] });
      res.end(gzip ? zlib.gzipSync(text) : text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("the bench's HTTP client", () => {
  it("writes the body with its byte length and reads a gzipped answer back as text", async () => {
    const answer = await send(`${base}/save`, { method: "POST", body: "进度：已完成", timeoutMs: 5000 });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ method: "POST", length: String(Buffer.byteLength("进度：已完成")), body: "进度：已完成" });
    expect(answer.headers.get("set-cookie")).toBe("a=1, b=2");
  });

  it("gives up on a request that is not answered in time", async () => {
    const started = performance.now();
    await expect(send(`${base}/never`, { timeoutMs: 300 })).rejects.toThrow("300 ms 内没有完整应答");
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("what a failed bench request says", () => {
  it("names the network error of a request nobody answered", async () => {
    // A port that was free a moment ago: nothing listens on it.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const error = await send(`http://127.0.0.1:${port}/`, { timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(describeError(error)).toBe("Error: ECONNREFUSED");
  });

  it("keeps the status and the start of the answer on one line", () => {
    expect(describeAnswer(200, '{"ok":false,\n  "message":"该报告已被他人修改"}')).toBe('HTTP 200: {"ok":false, "message":"该报告已被他人修改"}');
    expect(describeAnswer(500, "x".repeat(500))).toHaveLength("HTTP 500: ".length + 160);
  });
});
