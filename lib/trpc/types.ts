import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/**
 * What each procedure returns and takes, as the client sees it: the one source of client types for
 * server data (`RouterOutputs["session"]["get"]`), so a component never restates a server shape by hand.
 */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
