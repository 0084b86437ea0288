import { z } from "zod";
import { orNotFound, visibleSessionsWhere, visibleStancesWhere } from "@/server/access";
import { authedProcedure, router } from "@/server/trpc/init";
import { id } from "@/lib/schemas/common";

export const stanceRouter = router({
  /** Stances recorded at a session that the viewer may read (their own party's drafts included). */
  listForSession: authedProcedure.input(z.object({ sessionId: id })).query(async ({ ctx, input }) => {
    const { db, viewer } = ctx;
    await orNotFound(
      db.session.findFirst({ where: { AND: [{ id: input.sessionId }, visibleSessionsWhere(viewer)] }, select: { id: true } }),
      "Session not found",
    );
    return db.stance.findMany({
      where: { AND: [{ sessionId: input.sessionId }, visibleStancesWhere(viewer)] },
      select: {
        id: true,
        position: true,
        redLine: true,
        priority: true,
        releaseLevel: true,
        version: true,
        issue: { select: { id: true, title: true } },
        party: { select: { code: true } },
      },
      orderBy: [{ issue: { title: "asc" } }, { party: { code: "asc" } }],
    });
  }),

  get: authedProcedure.input(z.object({ stanceId: id })).query(({ ctx, input }) =>
    orNotFound(
      ctx.db.stance.findFirst({
        where: { AND: [{ id: input.stanceId }, visibleStancesWhere(ctx.viewer)] },
        select: {
          id: true,
          position: true,
          rationale: true,
          conditions: true,
          redLine: true,
          priority: true,
          releaseLevel: true,
          version: true,
          issue: { select: { id: true, title: true, scaleMin: true, scaleMax: true, scaleLabels: true } },
          party: { select: { code: true, name: true } },
          session: { select: { id: true, title: true } },
        },
      }),
      "Stance not found",
    ),
  ),
});
