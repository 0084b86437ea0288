import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/server/db";
import { env, trustedProxies } from "@/server/env";
import { requestClientAddress } from "@/server/client-address";
import { authenticate } from "@/server/auth/authenticate";
import { AppError } from "@/server/errors";
import { databaseFailure, logFailure } from "@/server/failures";
import { SIGN_IN_FAILED, SIGN_IN_UNAVAILABLE } from "@/lib/sign-in-errors";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;


// Built on demand: the secret is read when a request needs it, not when `next build` loads the module.
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          try {
            return await authenticate(db(), credentials ?? {}, requestClientAddress(req.headers, trustedProxies()));
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
  };
}
