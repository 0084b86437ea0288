import { changePasswordSchema } from "@/lib/schemas/account";
import { changePassword } from "@/server/services/account/change-password";
import { getMe } from "@/server/services/account/me";
import { authedProcedure, router } from "@/server/trpc/init";

export const meRouter = router({
  /** The signed-in person and their role in each series they belong to. */
  get: authedProcedure.query(({ ctx }) => getMe(ctx.db, ctx.viewer)),
  changePassword: authedProcedure
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.viewer.userId, input.currentPassword, input.newPassword)),
});
