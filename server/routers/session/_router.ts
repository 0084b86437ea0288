import { z } from "zod";
import { orNotFound, visibleAgendaItemsWhere, visibleSessionsWhere } from "@/server/access";
import { authedProcedure, router } from "@/server/trpc/init";
import { id } from "@/lib/schemas/common";
import { advanceSessionStatusSchema, createSessionSchema, updateSessionSchema } from "@/lib/schemas/sessions";
import { advanceSessionStatus, createSession, updateSession } from "@/server/services/sessions/sessions";

export const sessionRouter = router({
  /** One session with the agenda items the viewer may see (drafts only for convenors). */
  get: authedProcedure.input(z.object({ sessionId: id })).query(async ({ ctx, input }) => {
    const { db, viewer } = ctx;
    const [session, items] = await Promise.all([
      orNotFound(
        db.session.findFirst({
          where: { AND: [{ id: input.sessionId }, visibleSessionsWhere(viewer)] },
          select: {
            id: true,
            title: true,
            startsAt: true,
            endsAt: true,
            timeZone: true,
            place: true,
            isVirtual: true,
            status: true,
            version: true,
            agendaPublishedAt: true,
            agendaUpdatedAt: true,
            stancesSealedAt: true,
            stancesRevealedAt: true,
            series: { select: { id: true, name: true, shortName: true, illustrative: true, attribution: true } },
          },
        }),
        "Session not found",
      ),
      db.agendaItem.findMany({
        where: { AND: [{ sessionId: input.sessionId }, visibleAgendaItemsWhere(viewer)] },
        select: {
          id: true,
          position: true,
          title: true,
          description: true,
          startsAt: true,
          endsAt: true,
          status: true,
          issue: { select: { id: true, title: true, kind: true } },
          proposingParty: { select: { code: true } },
        },
        orderBy: { position: "asc" },
      }),
    ]);
    const membership = ctx.viewer.memberships.find((m) => m.seriesId === session.series.id);
    return { ...session, agenda: items, myRole: membership?.role ?? null, myPartyId: membership?.partyId ?? null };
  }),

  /** Convenors of the series schedule a session; it starts as a draft. */
  create: authedProcedure
    .input(createSessionSchema)
    .mutation(({ ctx, input }) => createSession(ctx.db, ctx.viewer, input)),

  /** Convenors edit title, times, zone and place; a stale version is a CONFLICT. */
  update: authedProcedure
    .input(updateSessionSchema)
    .mutation(({ ctx, input }) => updateSession(ctx.db, ctx.viewer, input)),

  /** Forward one step (AGENDA_PUBLISHED → IN_SESSION → CONCLUDED), by convenors. */
  advanceStatus: authedProcedure
    .input(advanceSessionStatusSchema)
    .mutation(({ ctx, input }) => advanceSessionStatus(ctx.db, ctx.viewer, input)),
});
