import { publicProcedure, router } from "@/server/trpc/init";

export const healthRouter = router({
  /** Trivial procedure: the baseline the benchmark compares real views against. */
  ping: publicProcedure.query(() => ({ ok: true as const })),
});
