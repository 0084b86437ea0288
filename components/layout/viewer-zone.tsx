"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, type ReactNode } from "react";
import { DEFAULT_ZONE, VIEWER_ZONE_COOKIE } from "@/lib/format";

const ViewerZone = createContext<string>(DEFAULT_ZONE);

/** The zone "other times" are shown in: the server's choice, so server and browser render the same text. */
export function useViewerZone(): string {
  return useContext(ViewerZone);
}

/**
 * Provides the viewer's zone as the server chose it (the account's preference, else the cookie), and
 * tells the server the browser's zone when the cookie is missing or stale (then re-renders once in
 * that zone) unless the person chose one.
 */
export function ViewerZoneProvider({ zone, chosen = false, children }: { zone: string; chosen?: boolean; children: ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    // A zone chosen on the account page wins over the browser's.
    if (chosen) return;
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browser || browser === zone) return;
    // IANA names ("America/Los_Angeles") are valid cookie values as they are.
    document.cookie = `${VIEWER_ZONE_COOKIE}=${browser}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [zone, chosen, router]);
  return <ViewerZone.Provider value={zone}>{children}</ViewerZone.Provider>;
}
