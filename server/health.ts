import type { Db } from "@/server/db";

// Liveness and readiness for load balancers and orchestrators. The process is shared by the HTTP
// server (scripts/lib/serve.ts), which marks the drain, and Next's route handlers, which answer.

const DRAINING = Symbol.for("trilogue.draining");
const store = globalThis as unknown as { [DRAINING]?: boolean };

/** From now on this server answers "not ready": it is finishing what it accepted, then stopping. */
export function markDraining(): void {
  store[DRAINING] = true;
}

export function isDraining(): boolean {
  return store[DRAINING] === true;
}

export type Readiness = { ready: boolean; reason?: "draining" | "database" };

/** Ready when not draining and PostgreSQL answers within `timeoutMs`. */
export async function readiness(db: Db, timeoutMs = 2_000): Promise<Readiness> {
  if (isDraining()) return { ready: false, reason: "draining" };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return { ready: true };
  } catch {
    return { ready: false, reason: "database" };
  } finally {
    clearTimeout(timer);
  }
}
