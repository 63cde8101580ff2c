// The schema drift check (`npm run db:check`, part of `npm test`) against the real drizzle-kit:
// silent for the committed schema, and failing, with the SQL it would generate, for a schema
// that gained a column no migration adds. drizzle/ itself is never written.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkSchemaDrift } from "./schema-drift";

const root = path.resolve(__dirname, "..");
// Inside the project (ignored by git) so that the variant resolves drizzle-orm like db/schema.ts does.
fs.mkdirSync(path.join(root, ".tmp"), { recursive: true });
const dir = fs.mkdtempSync(path.join(root, ".tmp", "schema-drift-"));
const drizzleDir = path.join(root, "drizzle");
const listing = () => fs.readdirSync(drizzleDir, { recursive: true }).map(String).sort();

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("schema drift check", () => {
  const committed = listing();

  it("passes when every change in db/schema.ts has its committed migration", () => {
    expect(checkSchemaDrift()).toEqual({ missing: [] });
  });

  it("fails for a schema with a column no migration adds, naming the SQL, without writing drizzle/", () => {
    // db/schema.ts as it would be after adding one column to users and forgetting `drizzle-kit generate`.
    const schema = fs
      .readFileSync(path.join(root, "db", "schema.ts"), "utf8")
      .replace(/from "(\.\.?\/[^"]+)"/g, (_m, rel: string) => `from "${path.resolve(root, "db", rel)}"`)
      .replace('totpSecret: text("totp_secret"),', 'totpSecret: text("totp_secret"),\n    driftProbe: text("drift_probe"),');
    expect(schema).toContain("drift_probe");
    const file = path.join(dir, "schema.ts");
    fs.writeFileSync(file, schema);

    const { missing } = checkSchemaDrift({ schema: path.relative(root, file) });

    expect(missing).toHaveLength(1);
    expect(missing[0]!.sql.trim()).toBe("ALTER TABLE `users` ADD `drift_probe` text;");
    expect(listing()).toEqual(committed);
  });
});
