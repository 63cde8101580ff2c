/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (node --require) has no other way to load modules */
// Preloaded (`node --require`) into child processes that call real Server Actions outside
// Next: next/headers, next/navigation and next/cache resolve to the test stand-ins in
// test/next-request.ts, exactly as vi.mock does inside vitest.
const Module = require("node:module");
const path = require("node:path");

const stub = path.join(__dirname, "..", "next-request.ts");
const STUBBED = new Set(["next/headers", "next/navigation", "next/cache"]);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, STUBBED.has(request) ? stub : request, ...rest);
};
