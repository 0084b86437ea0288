"use client";

import { useTranslations } from "next-intl";
import { useLiveSeries, useLiveSession, type LiveState } from "@/lib/live/use-live";
import { cn } from "@/lib/utils";
import { PresenceIndicator } from "@/components/live/presence-indicator";

const DOT: Record<LiveState, string> = {
  connecting: "bg-muted-foreground/50",
  live: "bg-emerald-600",
  reconnecting: "bg-amber-500",
  stopped: "bg-destructive",
};

/** A quiet marker of the page's live connection; its words are for screen readers and hover. */
function LiveBadge({ state }: { state: LiveState }) {
  const t = useTranslations("live");
  const hint = state === "live" ? t("liveHint") : state === "stopped" ? t("stoppedHint") : state === "reconnecting" ? t("reconnectingHint") : t(state);
  return (
    <span role="status" data-live-state={state} title={hint} className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
      <span aria-hidden className={cn("size-2 rounded-full", DOT[state])} />
      <span>{t(state)}</span>
      <span className="sr-only">{hint}</span>
    </span>
  );
}

/** Keeps every page of a session live and shows that it is, and who else has it open. */
export function LiveSession({ sessionId }: { sessionId: string }) {
  const state = useLiveSession(sessionId);
  return (
    <span className="inline-flex items-center gap-3">
      <LiveBadge state={state} />
      <PresenceIndicator sessionId={sessionId} />
    </span>
  );
}

/** Keeps every page of a series live and shows that it is. */
export function LiveSeries({ seriesId }: { seriesId: string }) {
  return <LiveBadge state={useLiveSeries(seriesId)} />;
}
