import path from "node:path";
import { pathToFileURL } from "node:url";
import { existsSync } from "node:fs";
import { ensureDatabase, redactUrl } from "./database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { DATA_DIR, REPO_ROOT } from "./paths";
import type { Db } from "@/server/db";

export const DEV_DATABASE_NAME = "trilogue";
export const DEV_DATA_DIR = path.join(DATA_DIR, "pg");
export const DEFAULT_EMBEDDED_PORT = 54320;

export interface ResolvedDatabase {
  url: string;
  /**
   * A session-mode connection to the same database, for migrations (they hold an advisory lock for
   * their whole run): DATABASE_LISTEN_URL when set, since DATABASE_URL may go through a
   * transaction-pooling PgBouncer; else `url`.
   */
  sessionUrl: string;
  /** True when this process started the embedded demo cluster (no DATABASE_URL). */
  embedded: boolean;
  /** Where the data lives, for messages: the data directory or the redacted URL. */
  description: string;
  /** Stops the embedded cluster if we started it; close Prisma clients before. */
  stop(): Promise<void>;
  /** Settles if the embedded cluster exits; never for an external DATABASE_URL. */
  exited: Promise<void>;
}

export function parsePort(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port number (1-65535), got "${value}"`);
  }
  return port;
}

/**
 * DATABASE_URL when set (any PostgreSQL ≥ 15, used as is); otherwise the embedded dev cluster in
 * .data/pg on 127.0.0.1:54320 (EMBEDDED_PG_PORT), database "trilogue", created on first use.
 */
export async function resolveDatabase(env: NodeJS.ProcessEnv = process.env): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) {
    return {
      url: env.DATABASE_URL,
      sessionUrl: env.DATABASE_LISTEN_URL || env.DATABASE_URL,
      embedded: false,
      description: redactUrl(env.DATABASE_URL),
      stop: async () => undefined,
      exited: new Promise(() => undefined),
    };
  }
  const port = parsePort("EMBEDDED_PG_PORT", env.EMBEDDED_PG_PORT, DEFAULT_EMBEDDED_PORT);
  let server: EmbeddedPostgres;
  try {
    server = await startEmbeddedPostgres({ dataDir: DEV_DATA_DIR, port });
  } catch (error) {
    if (error instanceof Error && /already in use/i.test(error.message)) {
      throw new Error(`${error.message}\nPort ${port} is taken: set EMBEDDED_PG_PORT to a free one.`, { cause: error });
    }
    throw error;
  }
  try {
    await ensureDatabase(server.adminUrl, DEV_DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const url = server.urlFor(DEV_DATABASE_NAME);
  return {
    url,
    sessionUrl: url,
    embedded: true,
    description: `embedded PostgreSQL on 127.0.0.1:${port}, data in ${path.relative(process.cwd(), DEV_DATA_DIR) || DEV_DATA_DIR}`,
    stop: server.stop,
    exited: server.exited,
  };
}

export interface DemoAccount {
  email: string;
  password: string;
  role: string;
}

export interface DemoSeed {
  seedDemo(db: Db): Promise<void>;
  DEMO_ACCOUNTS: DemoAccount[];
}

const SEED_MODULE = path.join(REPO_ROOT, "prisma", "seed.ts");

/** prisma/seed.ts, when it exists yet. */
export async function loadDemoSeed(): Promise<DemoSeed | undefined> {
  if (!existsSync(SEED_MODULE)) return undefined;
  const module = (await import(pathToFileURL(SEED_MODULE).href)) as Partial<DemoSeed>;
  if (typeof module.seedDemo !== "function") {
    throw new Error("prisma/seed.ts must export `async function seedDemo(db: Db): Promise<void>`");
  }
  return { seedDemo: module.seedDemo, DEMO_ACCOUNTS: Array.isArray(module.DEMO_ACCOUNTS) ? module.DEMO_ACCOUNTS : [] };
}

export type SeedOutcome = "seeded" | "already-has-users" | "no-seed-module";

/** Seeds the demo data when the database has no users; never touches a database that has some. */
export async function seedIfEmpty(url: string): Promise<{ outcome: SeedOutcome; accounts: DemoAccount[] }> {
  const seed = await loadDemoSeed();
  if (!seed) return { outcome: "no-seed-module", accounts: [] };
  const { createDb } = await import("@/server/db");
  const db = createDb(url);
  try {
    if ((await db.user.count()) > 0) return { outcome: "already-has-users", accounts: seed.DEMO_ACCOUNTS };
    await seed.seedDemo(db);
    return { outcome: "seeded", accounts: seed.DEMO_ACCOUNTS };
  } finally {
    await db.$disconnect();
  }
}
