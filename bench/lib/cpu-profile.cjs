/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (node --require) has no other way to load modules */
// Preloaded into a profiled bench server only (bench/profile.ts): the V8 sampling profiler
// starts on SIGUSR2 (after the warm-up requests) and the profile is written to
// $PROFILE_DIR when the server exits. `node --cpu-prof` is refused in NODE_OPTIONS.
const inspector = require("node:inspector");
const fs = require("node:fs");
const s = new inspector.Session();
s.connect();
s.post("Profiler.enable");
s.post("Profiler.setSamplingInterval", { interval: 100 });
let started = false;
process.on("SIGUSR2", () => {
  s.post("Profiler.start");
  started = true;
});
process.on("exit", () => {
  if (!started) return;
  s.post("Profiler.stop", (err, { profile }) => {
    fs.mkdirSync(process.env.PROFILE_DIR, { recursive: true });
    fs.writeFileSync(`${process.env.PROFILE_DIR}/p-${process.pid}.cpuprofile`, JSON.stringify(profile));
  });
});
