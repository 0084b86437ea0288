import type { Db } from "@/server/db";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { recordAudit } from "@/server/audit";
import { revokeSessions } from "@/server/auth/sessions";
import { auditSessionsEnded } from "@/server/auth/session-audit";
import { AppError } from "@/server/errors";

/**
 * Changes a password and ends every session of the account, this one included (ASVS V3.3.3: a
 * changed password must not leave a stolen session alive); the person signs in again.
 */
export async function changePassword(db: Db, userId: string, currentPassword: string, newPassword: string): Promise<{ ok: true }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", "Account not found");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("BAD_REQUEST", "The current password is wrong", { currentPassword: ["The current password is wrong"] });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionsValidFrom: now, version: { increment: 1 } },
    });
    const ended = await revokeSessions(tx, userId, null, now);
    await recordAudit(tx, { actorId: userId, action: "user.password_changed", subject: { kind: "user", id: userId } });
    if (ended > 0) await auditSessionsEnded(tx, { actorId: userId, userId, reason: "password_changed", ended });
  });
  return { ok: true };
}
