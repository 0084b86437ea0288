import { auditListSchema } from "@/lib/schemas/sessions";
import { authedProcedure, router } from "@/server/trpc/init";
import { listAuditEvents } from "@/server/services/sessions/audit";

/** A series' audit trail, for its convenors. */
export const auditRouter = router({
  list: authedProcedure.input(auditListSchema).query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.viewer, input)),
});
