"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useTRPC } from "@/lib/trpc/client";
import type { RouterOutputs } from "@/lib/trpc/types";

type Outputs = RouterOutputs;

/** What stance.board returns. */
export type BoardView = Outputs["stance"]["board"];
export type BoardRow = BoardView["rows"][number];
export type BoardCell = NonNullable<BoardRow["cells"][string]>;
export type BoardParty = BoardView["parties"][number];
export type IssueView = BoardRow["issue"];
export type StanceView = Outputs["stance"]["get"];

/** After a change: reload the board and any open history, and the page around it (the sealed banner). */
export function useStanceRefresh(sessionId: string): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.stance.board.queryFilter({ sessionId })),
      queryClient.invalidateQueries(trpc.stance.history.queryFilter()),
      queryClient.invalidateQueries(trpc.stance.get.queryFilter()),
    ]);
    router.refresh();
  }, [queryClient, router, sessionId, trpc]);
}
