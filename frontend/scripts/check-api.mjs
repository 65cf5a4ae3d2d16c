// Fails when src/lib/api/schema.d.ts is not exactly what openapi-typescript
// generates from openapi.yaml, so the committed client never drifts from the schema.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const committed = join(root, "src/lib/api/schema.d.ts");
const dir = mkdtempSync(join(tmpdir(), "check-api-"));
const fresh = join(dir, "schema.d.ts");

try {
  execFileSync(
    process.execPath,
    [join(root, "node_modules/openapi-typescript/bin/cli.js"), join(root, "openapi.yaml"), "-o", fresh],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  let current = "";
  try {
    current = readFileSync(committed, "utf8");
  } catch {
    console.error(`check:api: ${committed} is missing; run \`npm run gen:api\`.`);
    process.exit(1);
  }
  if (readFileSync(fresh, "utf8") !== current) {
    console.error(
      "check:api: src/lib/api/schema.d.ts differs from what openapi.yaml generates; " +
        "run `npm run gen:api` and commit the result.",
    );
    process.exit(1);
  }
  console.log("check:api: src/lib/api/schema.d.ts matches openapi.yaml");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
