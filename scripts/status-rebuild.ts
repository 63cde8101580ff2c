// npm run status:rebuild            recompute every quarter's judgement from the stored
//                                   events and compare with what is stored (exit 1 on a difference)
// npm run status:rebuild -- --write replace the stored judgements by the recomputed ones
import { openDatabase } from "@/db/client";
import { rebuildQuarterStatus } from "@/db/status/store";
import { env } from "@/lib/env";

const write = process.argv.includes("--write");
const db = openDatabase(env.databasePath);
try {
  const started = Date.now();
  const r = rebuildQuarterStatus(db, { write });
  const took = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`重算 ${r.years} 个年度、${r.quarters} 个有记录的季度、${r.historyRows} 条状态记录，用时 ${took} 秒。`);
  if (r.differences === 0) console.log("与已存储的状态完全一致。");
  else {
    console.log(`与已存储的状态有 ${r.differences} 处不一致${write ? "，已按重算结果改写" : ""}：`);
    for (const s of r.samples) console.log(`  ${s}`);
    if (!write) process.exitCode = 1;
  }
} finally {
  db.$client.close();
}
