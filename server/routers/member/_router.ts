import { changeRoleSchema, removeMemberSchema, seriesIdSchema } from "@/lib/schemas/members";
import { changeMemberRole, listMembers, removeMember } from "@/server/services/members/members";
import { authedProcedure, router } from "@/server/trpc/init";

/** Members of a series: convenors change roles and remove members. */
export const memberRouter = router({
  /** The government side's member list; scholars get NOT_FOUND (they see only themselves elsewhere). */
  list: authedProcedure.input(seriesIdSchema).query(({ ctx, input }) => listMembers(ctx.db, ctx.viewer, input.seriesId)),
  changeRole: authedProcedure.input(changeRoleSchema).mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.viewer, input)),
  remove: authedProcedure.input(removeMemberSchema).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.viewer, input)),
});
