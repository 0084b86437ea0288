import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/*
 * The one formatter for every date and time on every page (server and browser alike): date-fns in an
 * explicit IANA zone, so the server's render and the browser's hydration produce the same text. One
 * date style everywhere ("12 Mar 2026"). Session-bound times use the session's zone; other times the
 * viewer's (VIEWER_ZONE_COOKIE, set by the browser, UTC until it is known) — each labelled with its zone.
 */

const DAY = "d MMM yyyy";
const DAY_TIME = "d MMM yyyy, HH:mm";

/** The cookie through which the browser tells the server its time zone. */
export const VIEWER_ZONE_COOKIE = "trilogue-tz";
export const DEFAULT_ZONE = "UTC";

/** The zone if it is a real IANA zone, else null (cookies are user input). */
export function validTimeZone(zone: string | null | undefined): string | null {
  if (!zone || zone.length > 64) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

function inZone(date: Date | string, timeZone: string): TZDate {
  return new TZDate(new Date(date).getTime(), timeZone);
}

/** "12 Nov 2026, 14:05" in a given zone, for places that name the zone once beside the times. */
export function formatWhen(date: Date | string, timeZone: string): string {
  return format(inZone(date, timeZone), DAY_TIME);
}

/** "12 Nov 2026, 14:05 (Asia/Tokyo)": an instant, labelled with the zone it is shown in. */
export function formatInstant(date: Date | string, timeZone: string): string {
  return `${formatWhen(date, timeZone)} (${timeZone})`;
}

/** "14:05:09 (Asia/Tokyo)": a time of today (an autosave), labelled. */
export function formatClock(date: Date | string, timeZone: string): string {
  return `${format(inZone(date, timeZone), "HH:mm:ss")} (${timeZone})`;
}

/** "12 Mar 2026" in a given zone. */
export function formatDate(date: Date | string, timeZone: string): string {
  return format(inZone(date, timeZone), DAY);
}

/** "Tue 10 Mar": the day of a slot within a session, in the session's zone. */
export function formatSlotDay(date: Date | string, timeZone: string): string {
  return format(inZone(date, timeZone), "EEE d MMM");
}

/** "09:30" in a given zone. */
export function formatTimeOfDay(date: Date | string, timeZone: string): string {
  return format(inZone(date, timeZone), "HH:mm");
}

/** "12 Mar 2026, 09:00–17:30", or "12 Mar 2026, 09:00 – 13 Mar 2026, 17:30": a session's span in its zone. */
export function formatSessionRange(startsAt: Date | string, endsAt: Date | string, timeZone: string): string {
  const start = inZone(startsAt, timeZone);
  const end = inZone(endsAt, timeZone);
  return format(start, DAY) === format(end, DAY)
    ? `${format(start, DAY_TIME)}–${format(end, "HH:mm")}`
    : `${format(start, DAY_TIME)} – ${format(end, DAY_TIME)}`;
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
