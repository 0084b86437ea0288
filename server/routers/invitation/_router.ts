import { createHash } from "node:crypto";
import { requestClientAddress } from "@/server/client-address";
import { trustedProxies } from "@/server/env";
import { limitFailures } from "@/server/rate-limit";
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
  /** Failed attempts limited per address and per link (server/rate-limit.ts): a link is a secret, guessing is slowed. */
  accept: publicProcedure.input(acceptInvitationSchema).mutation(({ ctx, input }) => {
    const address = requestClientAddress(ctx.headers, trustedProxies());
    const link = createHash("sha256").update(input.token).digest("hex").slice(0, 32);
    return limitFailures(ctx.db, "invitation", [`addr:${address}`, `link:${link}`], () => acceptInvitation(ctx.db, ctx.viewer, input));
  }),
});
