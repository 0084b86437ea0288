"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useTRPC } from "@/lib/trpc/client";
import type { RouterOutputs } from "@/lib/trpc/types";

/** What agenda.listForSession returns. */
export type AgendaView = RouterOutputs["agenda"]["listForSession"];

/** One item as the views show it: the time slot already formatted in the session's zone. */
export type AgendaItemView = AgendaView["items"][number] & { slot: string | null };

export type AgendaOptions = NonNullable<AgendaView["options"]>;

/** After a change: reload the agenda, and the page around it (its status badge, for one). */
export function useAgendaRefresh(sessionId: string): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return useCallback(async () => {
    await queryClient.invalidateQueries(trpc.agenda.listForSession.queryFilter({ sessionId }));
    router.refresh();
  }, [queryClient, router, sessionId, trpc]);
}
