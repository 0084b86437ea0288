import { z } from "zod";
import {
  agendaScholarSchema,
  carryOverSchema,
  clearAgendaChangesSchema,
  createAgendaItemSchema,
  deleteAgendaItemSchema,
  listAgendaSchema,
  publishAgendaSchema,
  reorderAgendaSchema,
  updateAgendaItemSchema,
} from "@/lib/schemas/agenda";
import { id } from "@/lib/schemas/common";
import { clearAgendaChanges, publishAgenda, reorderAgenda } from "@/server/services/agenda/agenda";
import { carryOverAgenda } from "@/server/services/agenda/carry-over";
import { getAgendaItemPage } from "@/server/services/agenda/item-page";
import { createAgendaItem, deleteAgendaItem, updateAgendaItem } from "@/server/services/agenda/items";
import { listAgenda } from "@/server/services/agenda/list";
import { inviteScholar, uninviteScholar } from "@/server/services/agenda/scholars";
import { authedProcedure, router } from "@/server/trpc/init";

/**
 * Agenda drafting: items, order, publication, carry-over and scholar invitations per item.
 * Every change is for convenors of the session's series (FORBIDDEN for other members); a session
 * or item the viewer may not see is NOT_FOUND.
 */
export const agendaRouter = router({
  /** The agenda the viewer may see, with updatedAt markers; convenors also get invitations and select options. */
  listForSession: authedProcedure.input(listAgendaSchema).query(({ ctx, input }) => listAgenda(ctx.db, ctx.viewer, input.sessionId)),
  /** One item for its page (NOT_FOUND unless visible), with the linked papers the viewer may read. */
  getItem: authedProcedure.input(z.object({ itemId: id })).query(({ ctx, input }) => getAgendaItemPage(ctx.db, ctx.viewer, input.itemId)),
  createItem: authedProcedure.input(createAgendaItemSchema).mutation(({ ctx, input }) => createAgendaItem(ctx.db, ctx.viewer, input)),
  updateItem: authedProcedure.input(updateAgendaItemSchema).mutation(({ ctx, input }) => updateAgendaItem(ctx.db, ctx.viewer, input)),
  /** Only while the agenda is unpublished; afterwards, set the status to DEFERRED. */
  deleteItem: authedProcedure.input(deleteAgendaItemSchema).mutation(({ ctx, input }) => deleteAgendaItem(ctx.db, ctx.viewer, input)),
  reorder: authedProcedure.input(reorderAgendaSchema).mutation(({ ctx, input }) => reorderAgenda(ctx.db, ctx.viewer, input)),
  /** Re-announcing a published agenda clears every item's "changed since publication" marks. */
  clearChanges: authedProcedure.input(clearAgendaChangesSchema).mutation(({ ctx, input }) => clearAgendaChanges(ctx.db, ctx.viewer, input)),
  publish: authedProcedure.input(publishAgendaSchema).mutation(({ ctx, input }) => publishAgenda(ctx.db, ctx.viewer, input)),
  carryOver: authedProcedure.input(carryOverSchema).mutation(({ ctx, input }) => carryOverAgenda(ctx.db, ctx.viewer, input)),
  inviteScholar: authedProcedure.input(agendaScholarSchema).mutation(({ ctx, input }) => inviteScholar(ctx.db, ctx.viewer, input)),
  uninviteScholar: authedProcedure.input(agendaScholarSchema).mutation(({ ctx, input }) => uninviteScholar(ctx.db, ctx.viewer, input)),
});
