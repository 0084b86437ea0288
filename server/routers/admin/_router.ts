import {
  adminUserSchema,
  appointConvenorSchema,
  securityListSchema,
  createPartySchema,
  createSeriesSchema,
  createUserSchema,
  setUserActiveSchema,
  updatePartySchema,
  updateSeriesSchema,
} from "@/lib/schemas/admin";
import { appointConvenor, createParty, createSeries, createUser, setUserActive, updateParty, updateSeries } from "@/server/services/admin/admin";
import { getUserForAdmin, listParties, listSeriesForAdmin, listUsers } from "@/server/services/admin/lists";
import { listSecurity, signOutUserEverywhere, userSessionsForAdmin } from "@/server/services/admin/security";
import { adminProcedure, router } from "@/server/trpc/init";

// Admins manage accounts, parties and series; none of this reads delegation material.
export const adminRouter = router({
  users: router({
    list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
    /** One account: status, sign-in sessions and roles per series. */
    get: adminProcedure.input(adminUserSchema).query(({ ctx, input }) => getUserForAdmin(ctx.db, input.userId)),
    create: adminProcedure.input(createUserSchema).mutation(({ ctx, input }) => createUser(ctx.db, ctx.viewer, input)),
    /** The account's sign-in sessions, live and ended (browser, address, opened, ended). */
    sessions: adminProcedure.input(adminUserSchema).query(({ ctx, input }) => userSessionsForAdmin(ctx.db, input.userId)),
    /** Ends every session of the account; audited as sign_in_session.ended. */
    signOutEverywhere: adminProcedure.input(adminUserSchema).mutation(({ ctx, input }) => signOutUserEverywhere(ctx.db, ctx.viewer, input.userId)),
    setActive: adminProcedure
      .input(setUserActiveSchema)
      .mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.viewer, input.userId, input.active)),
  }),
  /** Sign-in attempts, sign-in sessions and administrators' actions (the Security page). */
  security: router({
    list: adminProcedure.input(securityListSchema).query(({ ctx, input }) => listSecurity(ctx.db, input)),
  }),
  parties: router({
    list: adminProcedure.query(({ ctx }) => listParties(ctx.db)),
    create: adminProcedure.input(createPartySchema).mutation(({ ctx, input }) => createParty(ctx.db, ctx.viewer, input)),
    update: adminProcedure.input(updatePartySchema).mutation(({ ctx, input }) => updateParty(ctx.db, ctx.viewer, input)),
  }),
  series: router({
    list: adminProcedure.query(({ ctx }) => listSeriesForAdmin(ctx.db)),
    create: adminProcedure.input(createSeriesSchema).mutation(({ ctx, input }) => createSeries(ctx.db, ctx.viewer, input)),
    update: adminProcedure.input(updateSeriesSchema).mutation(({ ctx, input }) => updateSeries(ctx.db, ctx.viewer, input)),
    appointConvenor: adminProcedure
      .input(appointConvenorSchema)
      .mutation(({ ctx, input }) => appointConvenor(ctx.db, ctx.viewer, input.seriesId, input.userId)),
  }),
});
