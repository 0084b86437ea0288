import { createHmac, timingSafeEqual } from "node:crypto";
import type { NotificationKind } from "@/prisma/generated/client";
import type { Db } from "@/server/db";
import { NOTIFICATION_KINDS } from "@/server/notifications/kinds";

// One-click unsubscribe (README "Email"): every email links to /unsubscribe?token=… and names a
// POST endpoint for mail clients (RFC 8058). The token is the whole credential — whoever holds the
// email may stop that email, nothing more — so it names the person and the kinds it stops, signed
// with a key derived from NEXTAUTH_SECRET. It does not expire: an old email's link keeps working.

export type UnsubscribeClaim = { userId: string; kinds: NotificationKind[] };

const VERSION = 1;

/** A key of its own for unsubscribe tokens, so a token can never stand in for another use of the secret. */
function key(secret: string): Buffer {
  return createHmac("sha256", secret).update("trilogue:unsubscribe:v1").digest();
}

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", key(secret)).update(payload).digest();
}

export function signUnsubscribeToken(claim: UnsubscribeClaim, secret: string): string {
  const kinds = [...new Set(claim.kinds)].sort();
  const payload = Buffer.from(JSON.stringify({ v: VERSION, u: claim.userId, k: kinds })).toString("base64url");
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

const isKind = (k: unknown): k is NotificationKind => typeof k === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(k);

/** The claim of a token this server signed, or null for anything else (altered, truncated, forged). */
export function verifyUnsubscribeToken(token: string | null | undefined, secret: string): UnsubscribeClaim | null {
  if (typeof token !== "string" || token.length > 2_000) return null;
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length > 0) return null;
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { v?: unknown; u?: unknown; k?: unknown };
    if (body.v !== VERSION || typeof body.u !== "string" || !Array.isArray(body.k) || body.k.length === 0 || !body.k.every(isKind)) return null;
    return { userId: body.u, kinds: body.k };
  } catch {
    return null;
  }
}

export function unsubscribePageUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** Where mail clients POST "List-Unsubscribe=One-Click" (app/api/unsubscribe/route.ts). */
export function oneClickUnsubscribeUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/api/unsubscribe?token=${encodeURIComponent(token)}`;
}

export type UnsubscribeState = { email: string; kinds: NotificationKind[]; alreadyOff: boolean };

/** What a valid token's page shows: whose email, which kinds, and whether they are all off already. */
export async function unsubscribeState(db: Db, claim: UnsubscribeClaim): Promise<UnsubscribeState | null> {
  const user = await db.user.findUnique({ where: { id: claim.userId }, select: { email: true } });
  if (!user) return null;
  const off = await db.notificationPreference.count({ where: { userId: claim.userId, kind: { in: claim.kinds }, email: "OFF" } });
  return { email: user.email, kinds: claim.kinds, alreadyOff: off === claim.kinds.length };
}

/** Turns the claimed kinds' email OFF for the person (repeating it changes nothing); false when the account is gone. */
export async function applyUnsubscribe(db: Db, claim: UnsubscribeClaim): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: claim.userId }, select: { id: true } });
    if (!user) return false;
    for (const kind of claim.kinds) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: claim.userId, kind } },
        create: { userId: claim.userId, kind, email: "OFF" },
        update: { email: "OFF" },
      });
    }
    return true;
  });
}

/** "j…@example.org": enough for the person to recognise their address, not to harvest it. */
export function maskAddress(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "…";
  return `${email.slice(0, 1)}…${email.slice(at)}`;
}
