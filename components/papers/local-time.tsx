"use client";

import { useViewerZone } from "@/components/layout/viewer-zone";
import { formatInstant } from "@/lib/format";

/** An instant in the viewer's zone, labelled with it; the server renders the very same text. */
export function LocalTime({ date }: { date: Date | string }) {
  const zone = useViewerZone();
  const d = typeof date === "string" ? new Date(date) : date;
  return <time dateTime={d.toISOString()}>{formatInstant(d, zone)}</time>;
}
