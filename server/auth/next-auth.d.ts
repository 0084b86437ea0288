import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string };
    authAt: number;
  }
  interface User {
    /** The SignInSession opened by this sign-in (server/auth/sessions.ts). */
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    authAt?: number;
    /** The SignInSession this JWT belongs to; checked live on every request. */
    sid?: string;
  }
}
