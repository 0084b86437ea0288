import {
  appointConvenorSchema,
  createPartySchema,
  createSeriesSchema,
  createUserSchema,
  setUserActiveSchema,
  updatePartySchema,
  updateSeriesSchema,
} from "@/lib/schemas/admin";
import { appointConvenor, createParty, createSeries, createUser, setUserActive, updateParty, updateSeries } from "@/server/services/admin";
import { adminProcedure, router } from "@/server/trpc/init";

// Admins manage accounts, parties and series; none of this reads delegation material.
export const adminRouter = router({
  users: router({
    list: adminProcedure.query(({ ctx }) =>
      ctx.db.user.findMany({
        select: {
          id: true,
          email: true,
          name: true,
          affiliation: true,
          isAdmin: true,
          deactivatedAt: true,
          createdAt: true,
          _count: { select: { memberships: { where: { removedAt: null } } } },
        },
        orderBy: { name: "asc" },
      }),
    ),
    create: adminProcedure.input(createUserSchema).mutation(({ ctx, input }) => createUser(ctx.db, ctx.viewer, input)),
    setActive: adminProcedure
      .input(setUserActiveSchema)
      .mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.viewer, input.userId, input.active)),
  }),
  parties: router({
    list: adminProcedure.query(({ ctx }) =>
      ctx.db.party.findMany({
        select: { id: true, code: true, name: true, version: true, _count: { select: { series: true } } },
        orderBy: { code: "asc" },
      }),
    ),
    create: adminProcedure.input(createPartySchema).mutation(({ ctx, input }) => createParty(ctx.db, ctx.viewer, input)),
    update: adminProcedure.input(updatePartySchema).mutation(({ ctx, input }) => updateParty(ctx.db, ctx.viewer, input)),
  }),
  series: router({
    list: adminProcedure.query(({ ctx }) =>
      ctx.db.series.findMany({
        select: {
          id: true,
          name: true,
          shortName: true,
          track: true,
          attribution: true,
          illustrative: true,
          archivedAt: true,
          description: true,
          version: true,
          parties: { select: { party: { select: { id: true, code: true } } }, orderBy: { party: { code: "asc" } } },
          memberships: {
            where: { role: "CONVENOR", removedAt: null },
            select: { user: { select: { id: true, name: true, email: true } } },
          },
        },
        orderBy: { shortName: "asc" },
      }),
    ),
    create: adminProcedure.input(createSeriesSchema).mutation(({ ctx, input }) => createSeries(ctx.db, ctx.viewer, input)),
    update: adminProcedure.input(updateSeriesSchema).mutation(({ ctx, input }) => updateSeries(ctx.db, ctx.viewer, input)),
    appointConvenor: adminProcedure
      .input(appointConvenorSchema)
      .mutation(({ ctx, input }) => appointConvenor(ctx.db, ctx.viewer, input.seriesId, input.userId)),
  }),
});
