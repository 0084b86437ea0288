import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/server/db";
import { env, trustedProxies } from "@/server/env";
import { requestClientAddress } from "@/server/client-address";
import { authenticate, authenticateSecondFactor } from "@/server/auth/authenticate";
import { relyingParty } from "@/server/auth/factors/passkeys";
import { authCookies } from "@/server/auth/cookies";
import { openSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "@/server/auth/sessions";
import { runningChangeFeed } from "@/server/changes/feed";
import { AppError } from "@/server/errors";
import { databaseFailure, logFailure } from "@/server/failures";
import { securityEvent } from "@/server/security-log";
import { SIGN_IN_FAILED, SIGN_IN_UNAVAILABLE } from "@/lib/sign-in-errors";
import { auditSessionsEnded } from "@/server/auth/session-audit";

export { SESSION_MAX_AGE_SECONDS } from "@/server/auth/sessions";

/** NextAuth hands authorize the request's headers as a plain object. */
function headerPairs(headers: Record<string, unknown> | undefined): [string, string][] {
  return Object.entries(headers ?? {}).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as [string, string]] : []));
}

function userAgentOf(headers: Record<string, unknown> | undefined): string {
  const value = headers?.["user-agent"];
  return typeof value === "string" ? value : "";
}

// Built on demand: the secret is read when a request needs it, not when `next build` loads the module.
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    cookies: authCookies(),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        // Two steps through one provider: email and password, then — when the account has a second
        // factor — the challenge the first step named with a code (server/auth/authenticate.ts).
        credentials: {
          email: { type: "email" },
          password: { type: "password" },
          challengeId: { type: "hidden" },
          code: { type: "text" },
          method: { type: "hidden" },
          assertion: { type: "hidden" },
        },
        async authorize(credentials, req) {
          try {
            const address = requestClientAddress(req.headers, trustedProxies());
            const client = { userAgent: userAgentOf(req.headers), address };
            if (credentials?.challengeId) {
              const user = await authenticateSecondFactor(db(), credentials, address, new Date(), relyingParty(new Headers(headerPairs(req.headers))));
              const sessionId = await openSession(db(), user.id, { ...client, signedInWith: user.method });
              return { id: user.id, email: user.email, name: user.name, sessionId };
            }
            const user = await authenticate(db(), credentials ?? {}, address);
            // The server-side record this browser's JWT will name (server/auth/sessions.ts).
            const sessionId = await openSession(db(), user.id, client);
            return { ...user, sessionId };
          } catch (error) {
            // NextAuth passes the message to the sign-in form as `error`: only our own plain
            // words, or a code the form turns into them; details go to the log.
            if (error instanceof AppError) throw new Error(error.message);
            const id = logFailure(error, "sign-in");
            throw new Error(`${databaseFailure(error) ? SIGN_IN_UNAVAILABLE : SIGN_IN_FAILED}:${id}`);
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = user.sessionId;
          // Kept across token refreshes (unlike iat) so revoking sessions can compare against it.
          token.authAt = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          user: { id: token.sub ?? "", name: token.name ?? "", email: token.email ?? "" },
          authAt: typeof token.authAt === "number" ? token.authAt : 0,
        };
      },
    },
    events: {
      // Sign-out ends the session on the server: a copy of the cookie is dead from now on.
      async signOut({ token }) {
        if (!token?.sub || typeof token.sid !== "string") return;
        try {
          if (await revokeSession(db(), token.sub, token.sid)) {
            securityEvent("session.ended", { actorId: token.sub, userId: token.sub, objectType: "session", objectId: token.sid, reason: "signed_out" });
            await auditSessionsEnded(db(), { actorId: token.sub, userId: token.sub, reason: "signed_out", sessionId: token.sid });
          }
          // This server's held accounts forget it before the next request, not when the feed echoes.
          runningChangeFeed()?.localWrite();
        } catch (error) {
          logFailure(error, "sign-out");
        }
      },
    },
  };
}
