import { TZDate } from "@date-fns/tz";

/** "2026-03-12" + "09:30" in a zone → the instant. */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, 0, timeZone).getTime());
}

/** The local calendar day ("2026-03-12") and time ("09:30") of an instant in a zone. */
export function zonedParts(at: Date, timeZone: string): { day: string; time: string } {
  const z = new TZDate(at.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { day: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`, time: `${pad(z.getHours())}:${pad(z.getMinutes())}` };
}

/** The calendar days a session spans in its own zone, first to last. */
export function sessionDays(startsAt: Date, endsAt: Date, timeZone: string): string[] {
  const first = zonedParts(startsAt, timeZone).day;
  const last = zonedParts(endsAt, timeZone).day;
  const days: string[] = [];
  const [y, m, d] = first.split("-").map(Number) as [number, number, number];
  for (let i = 0; i < 62; i++) {
    const day = new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10);
    if (day > last) break;
    days.push(day);
  }
  return days;
}

/** "2026-03-12T09:00": what a datetime-local input gives, read as a wall-clock time in the session's zone. */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** True for an IANA zone name this runtime knows (and "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones offered in the session form: UTC first, then every IANA zone the runtime knows. */
export function timeZoneOptions(): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...all.filter((z) => z !== "UTC")];
}

/** The UTC instant of a wall-clock time in a zone ("2026-03-12T09:00" in Asia/Tokyo → 00:00Z). */
export function zonedLocalToInstant(local: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m || !isTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const date = new TZDate(year, month - 1, day, hour, minute, timeZone);
  // 31 February and the like roll over: refuse them rather than guess.
  if (date.getDate() !== day || date.getMonth() !== month - 1) return null;
  return new Date(date.getTime());
}

/** The wall-clock time of an instant in a zone, in datetime-local form ("2026-03-12T09:00"). */
export function instantToZonedLocal(instant: Date, timeZone: string): string {
  const d = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
