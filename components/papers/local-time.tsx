"use client";

import { format } from "date-fns";

/** A timestamp in the reader's own time zone (rendered on the server first, so hydration may differ). */
export function LocalTime({ date, pattern = "d MMM yyyy, HH:mm" }: { date: Date | string; pattern?: string }) {
  const d = typeof date === "string" ? new Date(date) : date;
  return (
    <time dateTime={d.toISOString()} suppressHydrationWarning>
      {format(d, pattern)}
    </time>
  );
}
