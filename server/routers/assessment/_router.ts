import { router } from "@/server/trpc/init";

export const assessmentRouter = router({});
