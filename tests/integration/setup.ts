import { afterAll, beforeAll } from "vitest";
import { flushReadLogs } from "@/server/read-log";
import { disconnectTestDb, resetDatabase, testDatabaseUrl } from "./helpers/db";

// Code under test that reads the environment (server/env.ts) sees the run's database.
process.env.DATABASE_URL = testDatabaseUrl();
process.env.NEXTAUTH_SECRET ||= "integration-tests-only-secret-0123456789abcdef";

// Each file starts from empty tables, whatever the file before it left.
beforeAll(async () => {
  await resetDatabase();
});

afterAll(async () => {
  // Reads the file's calls queued (server/read-log) are written before its client closes.
  await flushReadLogs();
  await disconnectTestDb();
});
