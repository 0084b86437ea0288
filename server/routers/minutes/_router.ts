import { router } from "@/server/trpc/init";

export const minutesRouter = router({});
