import pg from "pg";

/** Hosts we may wipe: the loopback interface and local Unix sockets. */
function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "" || h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || h.startsWith("/");
}

function parsePostgresUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a database URL: expected postgresql://user@host:port/database, got "${redactUrl(url)}"`);
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new Error(`Not a PostgreSQL URL (${parsed.protocol}): expected postgresql://user@host:port/database`);
  }
  return parsed;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(parsePostgresUrl(url).pathname.replace(/^\//, ""));
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = parsePostgresUrl(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

export function isLocalDatabase(url: string): boolean {
  const parsed = parsePostgresUrl(url);
  // libpq lets ?host= override the authority (e.g. a Unix socket directory): both must be local.
  const hostParam = parsed.searchParams.get("host");
  return isLoopbackHost(parsed.hostname) && (hostParam === null || isLoopbackHost(hostParam));
}

/** Refuses destructive work (dropping, truncating) anywhere but on this machine. */
export function assertLocalDatabase(url: string, action = "wipe data"): void {
  if (!isLocalDatabase(url)) {
    const host = parsePostgresUrl(url).hostname;
    throw new Error(`Refusing to ${action} on ${host}: destructive database operations only run against 127.0.0.1/localhost.`);
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function assertDatabaseName(name: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Database name "${name}" must be letters, digits and underscores (at most 63), starting with a letter`);
  }
}

/** Creates the database on the server `adminUrl` points at, unless it exists. Returns whether it was created. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  assertDatabaseName(name);
  return withClient(adminUrl, async (client) => {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
      return true;
    } catch (error) {
      // 42P04 duplicate_database: another process created it between our check and CREATE.
      if ((error as { code?: string }).code === "42P04") return false;
      throw error;
    }
  });
}

/** Drops the database after ending every session on it. Loopback servers only. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  assertDatabaseName(name);
  assertLocalDatabase(adminUrl, `drop database "${name}"`);
  if (["postgres", "template0", "template1"].includes(name) || name === databaseNameOf(adminUrl)) {
    throw new Error(`Refusing to drop "${name}": it is a system database or the one the admin connection uses`);
  }
  await withClient(adminUrl, async (client) => {
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
    // FORCE (PostgreSQL 13+) also ends any session that connected after the terminate above.
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  });
}

/** Empties every table but Prisma's migration history, resetting sequences. Loopback servers only. */
export async function truncateAppTables(url: string): Promise<string[]> {
  assertLocalDatabase(url, "truncate every table");
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename",
    );
    const tables = rows.map((r) => r.tablename);
    if (tables.length > 0) await client.query(`TRUNCATE ${tables.map(quoteIdentifier).join(", ")} RESTART IDENTITY CASCADE`);
    return tables;
  });
}
