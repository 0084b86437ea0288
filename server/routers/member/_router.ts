import { router } from "@/server/trpc/init";

/** Members of a series: convenors change roles and remove members. */
export const memberRouter = router({});
