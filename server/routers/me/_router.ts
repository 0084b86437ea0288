import { changePasswordSchema } from "@/lib/schemas/account";
import { changePassword } from "@/server/services/change-password";
import { authedProcedure, router } from "@/server/trpc/init";

export const meRouter = router({
  /** The signed-in person and their role in each series they belong to. */
  get: authedProcedure.query(async ({ ctx }) => {
    const memberships = await ctx.db.membership.findMany({
      where: { userId: ctx.viewer.userId, removedAt: null },
      select: {
        role: true,
        affiliation: true,
        party: { select: { code: true, name: true } },
        series: { select: { id: true, name: true, shortName: true, track: true } },
      },
      orderBy: { series: { shortName: "asc" } },
    });
    return {
      id: ctx.viewer.userId,
      name: ctx.viewer.name,
      email: ctx.viewer.email,
      isAdmin: ctx.viewer.isAdmin,
      memberships,
    };
  }),

  changePassword: authedProcedure.input(changePasswordSchema).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.db, ctx.viewer.userId, input.currentPassword, input.newPassword);
    return { ok: true as const };
  }),
});
