import type { Db } from "@/server/db";
import { requestClientAddress } from "@/server/client-address";
import { trustedProxies } from "@/server/env";
import { logFailure } from "@/server/failures";
import type { Viewer } from "@/server/access";
import { ReadLogBuffer, type ReadObjectType, type ReadRow } from "@/server/read-log/buffer";

/*
 * Who read what (README "Read log"): every allowed read of a paper, a stance, minutes or a joint
 * text, and every download, as a ReadEvent row. Call `recordRead` only after the access check has
 * passed (with the object the viewer was given); it queues the row and returns at once.
 * No title, body or file content is ever part of a row: ids, a format word and an address.
 */

export type { ReadObjectType, ReadRow } from "@/server/read-log/buffer";
export { ReadLogBuffer } from "@/server/read-log/buffer";

// One buffer per database client, kept on globalThis: the server script's shutdown path
// (scripts/serve.ts) and Next's bundle load this module separately but share the process.
const KEY = Symbol.for("trilogue.readLog");
type Registry = Map<Db, ReadLogBuffer>;
const holder = globalThis as unknown as Record<symbol, Registry | undefined>;

function registry(): Registry {
  return (holder[KEY] ??= new Map());
}

export function readLogFor(db: Db): ReadLogBuffer {
  let buffer = registry().get(db);
  if (!buffer) {
    buffer = new ReadLogBuffer({
      write: async (rows) => {
        await db.readEvent.createMany({ data: rows });
      },
      report: (problem) => {
        if (problem.kind === "write_failed") logFailure(problem.error, "read-log.flush", { rows: problem.rows, attempt: problem.attempt });
        else console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), where: "read-log.dropped", reason: problem.reason, rows: problem.rows }));
      },
    });
    registry().set(db, buffer);
  }
  return buffer;
}

/** Writes every read still waiting, in every buffer (graceful shutdown; tests). */
export async function flushReadLogs(): Promise<void> {
  await Promise.all([...registry().values()].map((b) => b.flush()));
}

export type ReadTarget = {
  seriesId: string | null;
  partyId?: string | null;
  objectType: ReadObjectType;
  objectId: string;
  revisionId?: string | null;
};

export type ReadContext = { db: Db; viewer: Viewer; headers?: Headers | null };

function addressOf(headers: Headers | null | undefined): string {
  if (!headers) return "";
  try {
    return requestClientAddress(headers, trustedProxies());
  } catch {
    return "";
  }
}

/** Records an allowed view of one or more objects. Never throws, never waits. */
export function recordRead(ctx: ReadContext, targets: ReadTarget | ReadTarget[]): void {
  record(ctx, Array.isArray(targets) ? targets : [targets], "view", null);
}

/** Records an allowed download (PDF, Markdown, CSV, .docx, calendar, …). */
export function recordDownload(ctx: ReadContext, target: ReadTarget, format: string): void {
  record(ctx, [target], "download", format);
}

function record(ctx: ReadContext, targets: ReadTarget[], kind: ReadRow["kind"], format: string | null): void {
  try {
    const buffer = readLogFor(ctx.db);
    const address = addressOf(ctx.headers);
    const createdAt = new Date();
    for (const t of targets) {
      buffer.push({
        userId: ctx.viewer.userId,
        seriesId: t.seriesId,
        partyId: t.partyId ?? null,
        objectType: t.objectType,
        objectId: t.objectId,
        revisionId: t.revisionId ?? null,
        kind,
        format,
        address,
        createdAt,
      });
    }
  } catch (error) {
    logFailure(error, "read-log.record");
  }
}
