import { recordRead } from "@/server/read-log";
import { authedProcedure, router } from "@/server/trpc/init";
import { createStanceSchema, releaseStanceSchema, saveStanceSchema, stanceIdSchema, stanceSessionSchema } from "@/lib/schemas/stances";
import { getStanceBoardView } from "@/server/services/stances/board";
import { getSealStatus, openSealedStances, sealStances, submitSealedStances } from "@/server/services/stances/seal";
import { createStance, getStance, getStanceHistory, listSessionStances, releaseStance, saveStance } from "@/server/services/stances/stances";

export const stanceRouter = router({
  /** Stances recorded at a session that the viewer may read (their own party's drafts included). */
  listForSession: authedProcedure.input(stanceSessionSchema).query(({ ctx, input }) => listSessionStances(ctx.db, ctx.viewer, input.sessionId)),

  /** One stance the viewer may read; NOT_FOUND otherwise (drafts of other parties, sealed sessions). */
  get: authedProcedure.input(stanceIdSchema).query(async ({ ctx, input }) => {
    const stance = await getStance(ctx.db, ctx.viewer, input.stanceId);
    recordRead(ctx, { seriesId: stance.session.seriesId, partyId: stance.partyId, objectType: "stance", objectId: stance.id });
    return stance;
  }),
  /** The revisions of a stance the viewer may read (other parties never see the drafts before a release). */
  history: authedProcedure.input(stanceIdSchema).query(async ({ ctx, input }) => {
    const history = await getStanceHistory(ctx.db, ctx.viewer, input.stanceId);
    const { stance } = history;
    recordRead(ctx, { seriesId: stance.session.seriesId, partyId: stance.partyId, objectType: "stance", objectId: stance.id, revisionId: history.revisions.at(-1)?.id ?? null });
    return history;
  }),
  /** Issues of the session's agenda × the series' parties, with carried positions. */
  board: authedProcedure.input(stanceSessionSchema).query(async ({ ctx, input }) => {
    const board = await getStanceBoardView(ctx.db, ctx.viewer, input.sessionId);
    // One read per stance shown (the buffer batches the writes).
    recordRead(
      ctx,
      board.rows.flatMap((row) =>
        Object.entries(row.cells).flatMap(([partyId, cell]) =>
          cell ? [{ seriesId: board.session.seriesId, partyId, objectType: "stance" as const, objectId: cell.stanceId }] : [],
        ),
      ),
    );
    return board;
  }),

  // Changes: delegates of the owning party; other members FORBIDDEN; everyone else NOT_FOUND.
  create: authedProcedure.input(createStanceSchema).mutation(({ ctx, input }) => createStance(ctx.db, ctx.viewer, input)),
  save: authedProcedure.input(saveStanceSchema).mutation(({ ctx, input }) => saveStance(ctx.db, ctx.viewer, input)),
  release: authedProcedure.input(releaseStanceSchema).mutation(({ ctx, input }) => releaseStance(ctx.db, ctx.viewer, input)),

  // Sealed release.
  sealStatus: authedProcedure.input(stanceSessionSchema).query(({ ctx, input }) => getSealStatus(ctx.db, ctx.viewer, input.sessionId)),
  seal: authedProcedure.input(stanceSessionSchema).mutation(({ ctx, input }) => sealStances(ctx.db, ctx.viewer, input.sessionId)),
  submitSealed: authedProcedure.input(stanceSessionSchema).mutation(({ ctx, input }) => submitSealedStances(ctx.db, ctx.viewer, input.sessionId)),
  openSeal: authedProcedure.input(stanceSessionSchema).mutation(({ ctx, input }) => openSealedStances(ctx.db, ctx.viewer, input.sessionId)),
});
