/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (node --require) has no other way to load modules */
// Preloaded into the benchmark server only (NODE_OPTIONS=--require …): times every
// better-sqlite3 statement the server executes, so each page's SQL cost can be reported
// beside its total cost with no change to the app. Totals are written to
// $BENCH_SQL_DIR/sql-<pid>.json every 200 ms.
const fs = require("node:fs");
const path = require("node:path");

const dir = process.env.BENCH_SQL_DIR;
if (dir) {
  const Database = require("better-sqlite3");
  const probe = new Database(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("select 1"));
  probe.close();
  // Totals, and per statement text (to name the slow ones).
  const totals = { ms: 0, statements: 0, bySql: {} };
  const record = (stmt, ms, count) => {
    totals.ms += ms;
    totals.statements += count;
    const key = String(stmt.source).replace(/\s+/g, " ").slice(0, 400);
    const entry = (totals.bySql[key] ??= { ms: 0, n: 0 });
    entry.ms += ms;
    entry.n += count;
  };
  for (const method of ["run", "get", "all"]) {
    const original = proto[method];
    proto[method] = function timed(...args) {
      const start = process.hrtime.bigint();
      try {
        return original.apply(this, args);
      } finally {
        record(this, Number(process.hrtime.bigint() - start) / 1e6, 1);
      }
    };
  }
  const iterate = proto.iterate;
  proto.iterate = function* timedIterate(...args) {
    const it = iterate.apply(this, args);
    let ms = 0;
    for (;;) {
      const start = process.hrtime.bigint();
      const step = it.next();
      ms += Number(process.hrtime.bigint() - start) / 1e6;
      if (step.done) break;
      yield step.value;
    }
    record(this, ms, 1);
  };
  const file = path.join(dir, `sql-${process.pid}.json`);
  let written = -1;
  setInterval(() => {
    if (totals.statements === written) return;
    written = totals.statements;
    // Write then rename, so the reader never sees a half-written file.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(totals));
    fs.renameSync(`${file}.tmp`, file);
  }, 200).unref();
}
