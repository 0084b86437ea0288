import { z } from "zod";
import { authedProcedure, router } from "@/server/trpc/init";
import { id } from "@/lib/schemas/common";
import { advanceSessionStatusSchema, createSessionSchema, setCurrentItemSchema, stepBackSessionStatusSchema, updateSessionSchema } from "@/lib/schemas/sessions";
import { setCurrentItem } from "@/server/services/sessions/current-item";
import { advanceSessionStatus, createSession, getSession, stepBackSessionStatus, updateSession } from "@/server/services/sessions/sessions";

export const sessionRouter = router({
  /** One session with the agenda items the viewer may see (drafts only for convenors). */
  get: authedProcedure.input(z.object({ sessionId: id })).query(({ ctx, input }) => getSession(ctx.db, ctx.viewer, input.sessionId)),

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

  /** Back one step, by convenors, while nothing rests on the later status (README, "Session rules"). */
  stepBack: authedProcedure
    .input(stepBackSessionStatusSchema)
    .mutation(({ ctx, input }) => stepBackSessionStatus(ctx.db, ctx.viewer, input)),

  /** Convenors mark the agenda item now under discussion (or clear it) while in session; audited, live for everyone. */
  setCurrentItem: authedProcedure.input(setCurrentItemSchema).mutation(({ ctx, input }) => setCurrentItem(ctx.db, ctx.viewer, input)),
});
