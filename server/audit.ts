import type { Prisma } from "@/prisma/generated/client";
import { auditScope, type AuditSubject } from "@/server/access/audit";

type AuditWriter = { auditEvent: { create: (args: { data: Prisma.AuditEventUncheckedCreateInput }) => Promise<unknown> } };

export type AuditInput = {
  actorId: string | null;
  seriesId?: string | null;
  action: string;
  /** The object, with what decides who could read it at this moment (server/access/audit.ts). */
  subject: AuditSubject;
  /** A short before/after summary; never secrets. Read only by those who may read the object at this level. */
  summary?: Prisma.InputJsonValue;
};

/** Appends an audit event; call it inside the same transaction as the change it records. */
export async function recordAudit(db: AuditWriter, input: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: input.actorId,
      seriesId: input.seriesId ?? null,
      action: input.action,
      summary: input.summary,
      ...auditScope(input.subject),
    },
  });
}
