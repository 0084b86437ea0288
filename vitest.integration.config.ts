import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Integration tests: a real PostgreSQL with the real migrations. Files share one database and
// run one at a time in one fork; tests/integration/setup.ts empties every table before each file.
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    // One fork for every file (a fresh one per file costs seconds here). setup.ts still runs before
    // each file; module state is shared, so tests must not rely on a pristine module graph.
    isolate: false,
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/integration/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
