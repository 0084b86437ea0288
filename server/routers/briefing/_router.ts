import { router } from "@/server/trpc/init";

export const briefingRouter = router({});
