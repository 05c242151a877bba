// `prisma generate` needs no schema engine, but Prisma's CLI looks for one and would try to
// download it (unreachable here); pointing it at any existing file satisfies the check.
import { execFileSync } from "node:child_process";

execFileSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath },
});
