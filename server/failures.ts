import { randomBytes } from "node:crypto";

/**
 * What a person sees when something fails that is not their doing: plain words and an error id.
 * The details (the raw database or driver message) go to the server's log with the same id, and
 * nowhere else.
 */

export const UNREACHABLE_MESSAGE = "Trilogue can't reach its database; try again in a minute.";
export const BUSY_MESSAGE = "Trilogue is busy and could not finish in time; try again in a moment.";
export const INTERNAL_MESSAGE = "Something went wrong on our side.";
export const UNREADABLE_REQUEST_MESSAGE = "The request could not be read.";
/** Seconds a client is asked to wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 5;

export type DatabaseFailure = "unreachable" | "busy";

// PostgreSQL SQLSTATEs: the server refusing or losing the connection, or our own bounds firing.
const UNREACHABLE_STATES = new Set(["53300", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);
const BUSY_STATES = new Set(["57014", "55P03", "40P01"]);
// Prisma's own codes for the same: server unreachable, timed out, closed, pool timeout, transaction timeout.
const UNREACHABLE_PRISMA = new Set(["P1001", "P1002", "P1017"]);
const BUSY_PRISMA = new Set(["P1008", "P2024", "P2028"]);
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "DatabaseDoesNotExist", "ConnectionClosed", "TooManyConnections", "SocketTimeout", "TlsConnectionError"]);
const UNREACHABLE_TEXT = /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|too many clients|the database system is (starting up|shutting down)|Can't reach database server/i;

type Loose = { code?: unknown; kind?: unknown; message?: unknown; meta?: unknown; cause?: unknown };

/** Whether `error` (or what it wraps) is the database being unreachable or too slow; null otherwise. */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  for (let e = error as Loose | undefined, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const code = typeof e.code === "string" ? e.code : undefined;
    if (code && (UNREACHABLE_PRISMA.has(code) || UNREACHABLE_STATES.has(code))) return "unreachable";
    if (code && (BUSY_PRISMA.has(code) || BUSY_STATES.has(code))) return "busy";
    if (typeof e.kind === "string" && UNREACHABLE_KINDS.has(e.kind)) return "unreachable";
    if (typeof e.kind === "string" && e.kind === "postgres") {
      const state = (e as { originalCode?: unknown }).originalCode ?? code;
      if (typeof state === "string" && BUSY_STATES.has(state)) return "busy";
      if (typeof state === "string" && UNREACHABLE_STATES.has(state)) return "unreachable";
    }
    const adapter = (e.meta as { driverAdapterError?: { cause?: unknown } } | undefined)?.driverAdapterError?.cause;
    if (adapter) {
      const found = databaseFailure(adapter);
      if (found) return found;
    }
    if (typeof e.message === "string" && UNREACHABLE_TEXT.test(e.message) && !code?.startsWith("P2")) return "unreachable";
    e = e.cause as Loose | undefined;
  }
  return null;
}

const ids = new WeakMap<object, string>();

/** The id shown to the person and written to the log for one failure (stable per error object). */
export function errorIdOf(error: object): string {
  let id = ids.get(error);
  if (!id) {
    id = randomBytes(5).toString("hex");
    ids.set(error, id);
  }
  return id;
}

/**
 * An error's message as the log may keep it. Prisma's messages quote the failed call with its
 * arguments — titles, bodies, positions a delegation has not released — and the log is read by
 * operators who are not that delegation: keep only its last line (the database's own words).
 */
function loggable(error: Error): string {
  if (!error.name.startsWith("PrismaClient")) return error.message;
  const lines = error.message.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? "";
}

/** One JSON line on stderr per failure: the id the person saw, where, and every detail. */
export function logFailure(error: unknown, where: string, extra: Record<string, unknown> = {}): string {
  const id = error && typeof error === "object" ? errorIdOf(error) : randomBytes(5).toString("hex");
  const details: Record<string, unknown>[] = [];
  for (let e = error as Loose | undefined, depth = 0; e && depth < 4; depth++, e = e.cause as Loose | undefined) {
    if (typeof e !== "object") break;
    details.push({
      name: (e as Error).name,
      message: typeof e.message === "string" ? loggable(e as Error) : undefined,
      code: e.code,
      meta: e.meta,
      // The frames only: a stack's first lines repeat the message.
      stack: depth === 0 ? (e as Error).stack?.split("\n").filter((l) => /^\s+at /.test(l)).join("\n") : undefined,
    });
  }
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), errorId: id, where, ...extra, error: details }));
  return id;
}

export function withErrorId(message: string, id: string): string {
  return `${message} Error id: ${id}.`;
}
