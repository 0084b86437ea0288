/** "12 Nov 2026, 14:05" in the session's time zone, so server and browser render the same text. */
export function formatWhen(date: Date, timeZone: string, locale = "en"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}
