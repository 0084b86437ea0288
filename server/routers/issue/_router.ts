import { router } from "@/server/trpc/init";

/** Issues (propositions and deterrence criteria) a series tracks across sessions. */
export const issueRouter = router({});
