import type { Prisma } from "@/prisma/generated/client";

type AuditWriter = { auditEvent: { create: (args: { data: Prisma.AuditEventUncheckedCreateInput }) => Promise<unknown> } };

export type AuditInput = {
  actorId: string | null;
  seriesId?: string | null;
  action: string;
  objectType: string;
  objectId: string;
  /** A short before/after summary; never secrets. */
  summary?: Prisma.InputJsonValue;
};

/** Appends an audit event; call it inside the same transaction as the change it records. */
export async function recordAudit(db: AuditWriter, input: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: input.actorId,
      seriesId: input.seriesId ?? null,
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId,
      summary: input.summary,
    },
  });
}
