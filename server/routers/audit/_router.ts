import { router } from "@/server/trpc/init";

/** A series' audit trail, for its convenors. */
export const auditRouter = router({});
