import { router } from "@/server/trpc/init";

/** Invitation links: created, listed and revoked by convenors; opened and accepted by invitees. */
export const invitationRouter = router({});
