import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI wants a native schema engine it downloads from its own servers. Offline machines
// have none; `prisma generate` only needs the file to exist, so point it at a stub there and let
// machines that do have the engine keep `prisma migrate` and `prisma studio`.
function hasNativeSchemaEngine(): boolean {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY) return true;
  const dir = path.join(import.meta.dirname, "node_modules", "@prisma", "engines");
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith("schema-engine"));
}

if (!hasNativeSchemaEngine()) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(import.meta.dirname, "scripts", "schema-engine-stub.sh");
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/trilogue" },
});
