"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/lib/trpc/client";

/** How a page's live connection stands: connecting, live, lost and retrying, or stopped for good. */
export type LiveState = "connecting" | "live" | "reconnecting" | "stopped";

/** Signals arriving within this window are one refresh (a save writes several rows). */
const BURST_MS = 150;

/**
 * Refetches everything the page shows: every active React Query (the client parts) and the server
 * components (router.refresh keeps client state, so what someone is typing stays). Signals carry
 * only ids; what is shown comes from the ordinary access-checked procedures.
 */
function useRefresher(): () => void {
  const queryClient = useQueryClient();
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries();
      router.refresh();
    }, BURST_MS);
  };
}

type LiveEventShape = { kind: string };

/** What a page does with a live stream's events: refresh on each (and on every reconnect, after the first). */
function useLiveHandlers(onPresence?: () => void) {
  const refresh = useRefresher();
  const router = useRouter();
  const [state, setState] = useState<LiveState>("connecting");
  const connectedOnce = useRef(false);
  const onData = (event: LiveEventShape) => {
    setState("live");
    if (event.kind === "resync") {
      // Every stream opens with a resync. The first follows the page's own render; later ones
      // follow a lost connection (or the server's 30-minute limit): refetch, nothing may be stale.
      if (!connectedOnce.current) {
        connectedOnce.current = true;
        return;
      }
    }
    // Someone came or went: only who is here changed.
    if (event.kind === "presence" && onPresence) {
      onPresence();
      return;
    }
    refresh();
  };
  const onConnectionStateChange = (s: { state: "idle" | "connecting" | "pending" }) => {
    if (s.state === "connecting" && connectedOnce.current) setState("reconnecting");
  };
  const onError = () => {
    // Refused for good (access withdrawn, signed out): the page itself will now say so.
    setState("stopped");
    router.refresh();
  };
  return { state, onData, onError, onConnectionStateChange };
}

/**
 * Keeps everything under a session live: agenda, items, stances, seal, papers, comments, minutes,
 * tracker (and anything else a page under the session shows through React Query or server
 * components). Mount once per page; the session layout does.
 */
export function useLiveSession(sessionId: string): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { state, ...handlers } = useLiveHandlers(() => void queryClient.invalidateQueries(trpc.live.presence.queryFilter({ sessionId })));
  useSubscription(trpc.live.session.subscriptionOptions({ sessionId }, handlers));
  return state;
}

/** The same for the pages of a series (overview, issues, tracker, members). */
export function useLiveSeries(seriesId: string): LiveState {
  const trpc = useTRPC();
  const { state, ...handlers } = useLiveHandlers();
  useSubscription(trpc.live.series.subscriptionOptions({ seriesId }, handlers));
  return state;
}
