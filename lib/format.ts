const DAY_AND_TIME = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
} as const satisfies Intl.DateTimeFormatOptions;

/** "12 Nov 2026, 14:05" in a given time zone, so server and browser render the same text. */
export function formatWhen(date: Date, timeZone: string, locale = "en"): string {
  return new Intl.DateTimeFormat(locale, { timeZone, ...DAY_AND_TIME }).format(date);
}

/** "12–13 Mar 2026, 09:00–17:30 (Asia/Tokyo)": a session's span in the zone it is held in. */
export function formatSessionRange(startsAt: Date, endsAt: Date, timeZone: string, locale = "en"): string {
  const fmt = new Intl.DateTimeFormat(locale, { timeZone, ...DAY_AND_TIME });
  return fmt.formatRange(startsAt, endsAt);
}

export function formatDate(date: Date, timeZone: string, locale = "en"): string {
  return new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short", year: "numeric" }).format(date);
}

/** Offset-qualified zone name for labels, e.g. "Asia/Tokyo (GMT+9)". */
export function describeTimeZone(timeZone: string, at: Date, locale = "en"): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part ? `${timeZone} (${part.value})` : timeZone;
}

/** Only same-site relative paths are followed after sign-in; anything else goes to the dashboard. */
export function safeCallbackUrl(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  return raw;
}
