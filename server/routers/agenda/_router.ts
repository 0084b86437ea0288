import { router } from "@/server/trpc/init";

/** Agenda drafting: items, order, publication, carry-over and scholar invitations per item. */
export const agendaRouter = router({});
