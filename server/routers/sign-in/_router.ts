import { z } from "zod";
import { requestClientAddress } from "@/server/client-address";
import { secondFactorPasskeyOptions } from "@/server/auth/authenticate";
import { relyingParty } from "@/server/auth/factors/passkeys";
import { trustedProxies } from "@/server/env";
import { publicProcedure, router } from "@/server/trpc/init";

/** The part of signing in that is not NextAuth's own form post. */
export const signInRouter = router({
  /**
   * Sign-in's second step with a passkey: WebAuthn options for the account behind a live sign-in
   * challenge (made by the right password, five minutes, same address). The challenge id stands for
   * the password, so without it nothing is answered (UNAUTHORIZED, like an expired sign-in).
   */
  passkeyOptions: publicProcedure
    .input(z.object({ challengeId: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) =>
      secondFactorPasskeyOptions(ctx.db, input.challengeId, requestClientAddress(ctx.headers, trustedProxies()), relyingParty(ctx.headers)),
    ),
});
