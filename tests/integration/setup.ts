import { afterAll, beforeAll } from "vitest";
import { disconnectTestDb, resetDatabase, testDatabaseUrl } from "./helpers/db";

// Code under test that reads the environment (server/env.ts) sees the run's database.
process.env.DATABASE_URL = testDatabaseUrl();
process.env.NEXTAUTH_SECRET ||= "integration-tests-only-secret-0123456789abcdef";

// Each file starts from empty tables, whatever the file before it left.
beforeAll(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await disconnectTestDb();
});
