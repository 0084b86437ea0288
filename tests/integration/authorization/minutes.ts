import { createMinutes, createSession } from "@/prisma/seed/factories";
import { eddConvenorOnly, eddMembers, type MatrixContext, type Rows } from "@/tests/integration/authorization/shared";

/** A fresh concluded EDD session per call, with minutes (one revision) when asked. */
async function freshEddSession({ world, db }: MatrixContext, minutes: "none" | "draft" | "released") {
  const session = await createSession(db, { seriesId: world.series.edd.id, status: "CONCLUDED" });
  if (minutes !== "none") {
    await createMinutes(db, {
      sessionId: session.id,
      authorId: world.users.eddConvenor.id,
      body: "Matrix minutes",
      releasedAt: minutes === "released" ? new Date() : null,
    });
  }
  return session;
}

export const minutesRows: Rows = {
  // Members who may see the session get an answer (null while they may not read the minutes).
  "minutes.get": { input: async (ctx) => ({ sessionId: (await freshEddSession(ctx, "released")).id }), expect: eddMembers },
  "minutes.memberNames": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddConvenorOnly },
  "minutes.revisions": { input: async (ctx) => ({ sessionId: (await freshEddSession(ctx, "released")).id }), expect: eddConvenorOnly },
  "minutes.revision": {
    input: async (ctx) => ({ sessionId: (await freshEddSession(ctx, "released")).id, number: 1 }),
    expect: eddConvenorOnly,
  },
  "minutes.save": {
    input: async (ctx) => ({ sessionId: (await freshEddSession(ctx, "none")).id, body: "## Minutes\n\nMatrix text", version: 0 }),
    expect: eddConvenorOnly,
  },
  "minutes.release": {
    input: async (ctx) => ({ sessionId: (await freshEddSession(ctx, "draft")).id, version: 1 }),
    expect: eddConvenorOnly,
  },
};
