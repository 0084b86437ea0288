import { acceptInvitationSchema, createInvitationSchema, invitationIdSchema, seriesIdSchema, tokenSchema } from "@/lib/schemas/members";
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from "@/server/services/invitations/invitations";
import { listInvitableAgendaItems } from "@/server/services/invitations/invitable-items";
import { authedProcedure, publicProcedure, router } from "@/server/trpc/init";

/** Invitation links: created, listed and revoked by convenors; opened and accepted by invitees. */
export const invitationRouter = router({
  create: authedProcedure.input(createInvitationSchema).mutation(({ ctx, input }) => createInvitation(ctx.db, ctx.viewer, input)),
  list: authedProcedure.input(seriesIdSchema).query(({ ctx, input }) => listInvitations(ctx.db, ctx.viewer, input.seriesId)),
  // The agenda items a scholar's invitation may name, for all the series' open sessions in one call.
  invitableItems: authedProcedure.input(seriesIdSchema).query(({ ctx, input }) => listInvitableAgendaItems(ctx.db, ctx.viewer, input.seriesId)),
  revoke: authedProcedure.input(invitationIdSchema).mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.viewer, input.invitationId)),
  // Public: an invitee is not a member yet; the token itself is the proof.
  preview: publicProcedure.input(tokenSchema).query(({ ctx, input }) => previewInvitation(ctx.db, ctx.viewer, input.token)),
  accept: publicProcedure.input(acceptInvitationSchema).mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.viewer, input)),
});
