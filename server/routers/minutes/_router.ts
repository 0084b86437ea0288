import { minutesRevisionSchema, minutesSessionSchema, releaseMinutesSchema, saveMinutesSchema } from "@/lib/schemas/minutes";
import {
  getMinutesMemberNames,
  getMinutesRevision,
  getMinutesView,
  listMinutesRevisions,
  releaseMinutes,
  saveMinutes,
} from "@/server/services/minutes/minutes";
import { recordRead } from "@/server/read-log";
import { authedProcedure, router } from "@/server/trpc/init";

/** Minutes of a session: convenors draft and release; delegates and observers read once released. */
export const minutesRouter = router({
  /** NOT_FOUND unless the viewer may see the session; null while they may not read the minutes. */
  get: authedProcedure.input(minutesSessionSchema).query(async ({ ctx, input }) => {
    const view = await getMinutesView(ctx.db, ctx.viewer, input.sessionId);
    if (view) recordRead(ctx, { seriesId: view.seriesId, objectType: "minutes", objectId: view.minutesId, revisionId: view.revisionId });
    return view;
  }),
  // Convenors of the series only; other members FORBIDDEN; everyone else NOT_FOUND.
  memberNames: authedProcedure
    .input(minutesSessionSchema)
    .query(({ ctx, input }) => getMinutesMemberNames(ctx.db, ctx.viewer, input.sessionId)),
  revisions: authedProcedure.input(minutesSessionSchema).query(({ ctx, input }) => listMinutesRevisions(ctx.db, ctx.viewer, input.sessionId)),
  revision: authedProcedure.input(minutesRevisionSchema).query(({ ctx, input }) => getMinutesRevision(ctx.db, ctx.viewer, input)),
  save: authedProcedure.input(saveMinutesSchema).mutation(({ ctx, input }) => saveMinutes(ctx.db, ctx.viewer, input)),
  release: authedProcedure.input(releaseMinutesSchema).mutation(({ ctx, input }) => releaseMinutes(ctx.db, ctx.viewer, input)),
});
