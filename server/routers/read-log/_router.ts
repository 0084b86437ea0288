import { readLogForObjectSchema } from "@/lib/schemas/read-log";
import { readLogForObject } from "@/server/services/read-log/read-log";
import { authedProcedure, router } from "@/server/trpc/init";

/** Who read an object: its owning party's delegates (papers, stances) or the series' convenors (minutes, joint texts). */
export const readLogRouter = router({
  forObject: authedProcedure.input(readLogForObjectSchema).query(({ ctx, input }) => readLogForObject(ctx.db, ctx.viewer, input)),
});
