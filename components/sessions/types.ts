import type { RouterOutputs } from "@/lib/trpc/types";

/** What session.get returns: the session page's data, shared by its panels. */
export type SessionView = RouterOutputs["session"]["get"];
