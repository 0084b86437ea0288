import type { AppRouter } from "@/server/trpc/root";
import type { inferRouterOutputs } from "@trpc/server";

/** What session.get returns: the session page's data, shared by its panels. */
export type SessionView = inferRouterOutputs<AppRouter>["session"]["get"];
