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
