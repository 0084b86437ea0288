import type { z } from "zod";
import type { auditListSchema } from "@/lib/schemas/sessions";
import { can, requireCan, visibleAuditEventsWhere, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";

export const AUDIT_PAGE_SIZE = 50;

/** A series' audit trail, newest first, a page at a time; for its convenors only. */
export async function listAuditEvents(db: Db, viewer: Viewer, input: z.output<typeof auditListSchema>) {
  requireCan(viewer, input.seriesId, can.readAudit(viewer, input.seriesId));
  const rows = await db.auditEvent.findMany({
    where: {
      AND: [{ seriesId: input.seriesId }, visibleAuditEventsWhere(viewer), input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}],
    },
    select: {
      id: true,
      action: true,
      objectType: true,
      objectId: true,
      summary: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    events: page.map((e) => ({ ...e, id: e.id.toString() })),
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? (page[page.length - 1]?.id.toString() ?? null) : null,
  };
}
