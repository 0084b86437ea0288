import { changePasswordSchema, revokeSessionSchema, setTimeZoneSchema } from "@/lib/schemas/account";
import { listMySessions, signOutOtherSessions, signOutSession } from "@/server/services/account/sessions";
import { changePassword } from "@/server/services/account/change-password";
import { getMe, setTimeZone } from "@/server/services/account/me";
import { authedProcedure, router } from "@/server/trpc/init";
import { factorsRouter } from "@/server/routers/me/factors";
import { passkeysRouter } from "@/server/routers/me/passkeys";

export const meRouter = router({
  /** The signed-in person and their role in each series they belong to. */
  get: authedProcedure.query(({ ctx }) => getMe(ctx.db, ctx.viewer)),
  /** The zone "other times" are shown in, or null to follow the browser. */
  setTimeZone: authedProcedure.input(setTimeZoneSchema).mutation(({ ctx, input }) => setTimeZone(ctx.db, ctx.viewer, input.timeZone)),
  changePassword: authedProcedure
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.viewer.userId, input.currentPassword, input.newPassword)),
  /** Passkeys and security keys (WebAuthn) as a second factor. */
  passkeys: passkeysRouter,
  /** The person's own sign-in sessions: browser, address, last seen; the current one marked. */
  sessions: router({
    list: authedProcedure.query(({ ctx }) => listMySessions(ctx.db, ctx.viewer)),
    /** Ends one session; the browser holding it is signed out at its next request. */
    revoke: authedProcedure.input(revokeSessionSchema).mutation(({ ctx, input }) => signOutSession(ctx.db, ctx.viewer, input.sessionId)),
    /** Ends every session but the current one. */
    revokeOthers: authedProcedure.mutation(({ ctx }) => signOutOtherSessions(ctx.db, ctx.viewer)),
  }),
  /** Second factors: authenticator apps, recovery codes (server/services/account/factors.ts). */
  factors: factorsRouter,
});
