import type { Prisma } from "@/prisma/generated/client";
import type { SecurityListInput } from "@/lib/schemas/admin";
import { summariseUserAgent } from "@/lib/user-agent";
import type { Viewer } from "@/server/access";
import { auditSessionsEnded } from "@/server/auth/session-audit";
import { revokeSessions, sessionIdleMs, sessionState, type SessionState } from "@/server/auth/sessions";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { securityEvent } from "@/server/security-log";

/*
 * The admin Security page and an account's sessions: sign-in attempts, sign-in sessions (opened,
 * ended, browser, address) and the actions administrators take. Only account-level records: no
 * paper, stance, comment or read of delegation material is ever listed here.
 */

export const SECURITY_PAGE_SIZE = 50;

/** Admin actions outside the ADMINS audience that are still administration (series and convenors). */
const ADMIN_SERIES_ACTIONS = ["series.created", "series.updated", "membership.convenor_appointed"];

type Paged<T> = { rows: T[]; page: number; pages: number; total: number };

function paged<T>(rows: T[], total: number, page: number): Paged<T> {
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / SECURITY_PAGE_SIZE)) };
}

export type SessionRow = {
  id: string;
  user: { id: string; name: string; email: string };
  browser: string | null;
  system: string | null;
  address: string;
  signedInWith: string;
  openedAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  state: SessionState;
};

const SESSION_SELECT = {
  id: true,
  userAgent: true,
  address: true,
  signedInWith: true,
  createdAt: true,
  lastSeenAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.SignInSessionSelect;

function sessionRow(row: Prisma.SignInSessionGetPayload<{ select: typeof SESSION_SELECT }>, now: number, idleMs: number): SessionRow {
  const state = sessionState(row, now, idleMs);
  return {
    id: row.id,
    user: row.user,
    ...summariseUserAgent(row.userAgent),
    address: row.address,
    signedInWith: row.signedInWith,
    openedAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    // Idle or expired sessions ended when their time ran out, whether or not anyone noticed.
    endedAt: row.revokedAt ?? (state === "live" ? null : state === "expired" ? new Date(row.createdAt.getTime() + 12 * 3_600_000) : new Date(row.lastSeenAt.getTime() + idleMs)),
    state,
  };
}

export async function listSecurity(db: Db, input: SecurityListInput & { list: "sign_ins" | "sessions" | "admin"; page: number; q: string; outcome: string }) {
  const skip = (input.page - 1) * SECURITY_PAGE_SIZE;
  const q = input.q;
  if (input.list === "sign_ins") {
    const where: Prisma.SignInAttemptWhereInput = {
      ...(q ? { email: { contains: q, mode: "insensitive" } } : {}),
      ...(input.outcome === "succeeded" ? { succeeded: true } : input.outcome === "failed" ? { succeeded: false } : {}),
    };
    const [rows, total] = await Promise.all([
      db.signInAttempt.findMany({ where, select: { id: true, email: true, address: true, succeeded: true, createdAt: true }, orderBy: { createdAt: "desc" }, skip, take: SECURITY_PAGE_SIZE }),
      db.signInAttempt.count({ where }),
    ]);
    return { list: "sign_ins" as const, ...paged(rows, total, input.page) };
  }
  if (input.list === "sessions") {
    const now = Date.now();
    const idleMs = sessionIdleMs();
    const userWhere: Prisma.SignInSessionWhereInput = q
      ? { user: { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] } }
      : {};
    const live: Prisma.SignInSessionWhereInput = {
      revokedAt: null,
      createdAt: { gt: new Date(now - 12 * 3_600_000) },
      lastSeenAt: { gt: new Date(now - idleMs) },
    };
    const where: Prisma.SignInSessionWhereInput = {
      AND: [userWhere, input.outcome === "live" ? live : input.outcome === "ended" ? { NOT: live } : {}],
    };
    const [rows, total] = await Promise.all([
      db.signInSession.findMany({ where, select: SESSION_SELECT, orderBy: { createdAt: "desc" }, skip, take: SECURITY_PAGE_SIZE }),
      db.signInSession.count({ where }),
    ]);
    return { list: "sessions" as const, ...paged(rows.map((r) => sessionRow(r, now, idleMs)), total, input.page) };
  }
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      { OR: [{ audience: "ADMINS" }, { action: { in: ADMIN_SERIES_ACTIONS } }] },
      q ? { OR: [{ action: { contains: q, mode: "insensitive" } }, { actor: { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] } }] } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      select: { id: true, action: true, objectType: true, objectId: true, summary: true, createdAt: true, actor: { select: { id: true, name: true, email: true } } },
      orderBy: { id: "desc" },
      skip,
      take: SECURITY_PAGE_SIZE,
    }),
    db.auditEvent.count({ where }),
  ]);
  // The object of an account event is the account: give its name, not only its id.
  const userIds = [...new Set(rows.filter((r) => r.objectType === "User").map((r) => r.objectId))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    list: "admin" as const,
    ...paged(
      rows.map((r) => ({ ...r, id: String(r.id), subjectUser: r.objectType === "User" ? (byId.get(r.objectId) ?? null) : null })),
      total,
      input.page,
    ),
  };
}

/** An account's sign-in sessions, latest first (live and ended), for its admin page. */
export async function userSessionsForAdmin(db: Db, userId: string): Promise<SessionRow[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw notFound("User not found");
  const now = Date.now();
  const idleMs = sessionIdleMs();
  const rows = await db.signInSession.findMany({ where: { userId }, select: SESSION_SELECT, orderBy: { createdAt: "desc" }, take: 50 });
  return rows.map((r) => sessionRow(r, now, idleMs));
}

/** An administrator's "sign out everywhere" for an account: every session ends now; audited. */
export async function signOutUserEverywhere(db: Db, admin: Viewer, userId: string): Promise<{ ended: number }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw notFound("User not found");
    const ended = await revokeSessions(tx, userId, null);
    await auditSessionsEnded(tx, { actorId: admin.userId, userId, reason: "admin_signed_out", ended });
    securityEvent("session.ended", { actorId: admin.userId, userId, objectType: "user", objectId: userId, reason: "revoked" });
    return { ended };
  });
}
