import { createTranslator } from "next-intl";
import { describeTimeZone, formatSessionRange } from "@/lib/format";
import briefingMessages from "@/lib/i18n/messages/en/briefing.json";
import commonMessages from "@/lib/i18n/messages/en/common.json";
import type { BookAttribution, BriefingBook } from "@/server/services/briefing/book";

/*
 * Wording shared by the book's two renderings (print page and Markdown), so both say the same
 * thing in the same words. Renderers outside a request (Markdown export) use the English catalogue.
 */

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/** The briefing and common catalogues as one translator (keys "briefing.…", "itemStatus.…"). */
export function bookTranslator(): Translate {
  const t = createTranslator({ locale: "en", messages: { ...commonMessages, ...briefingMessages } });
  return (key, values) => (t as unknown as Translate)(key, values);
}

/** "A participant", "US", or "Jane Doe (US)" / "Jane Doe, Institute" under ATTRIBUTED. */
export function attributionLabel(by: BookAttribution, t: Translate): string {
  switch (by.kind) {
    case "participant":
      return t("briefing.comments.participant");
    case "party":
      return by.name && by.name !== by.code ? `${by.code} (${by.name})` : by.code;
    case "person": {
      const tail = [by.partyCode, by.affiliation].filter(Boolean).join(", ");
      return tail ? `${by.name} (${tail})` : by.name;
    }
  }
}

const time = (zone: string) =>
  new Intl.DateTimeFormat("en", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const day = (zone: string) => new Intl.DateTimeFormat("en", { timeZone: zone, day: "numeric", month: "short", year: "numeric" });

/** An agenda item's slot in the session's zone, e.g. "10 Mar 09:30–10:45", or null. */
export function slotLabel(startsAt: Date | null, endsAt: Date | null, zone: string): string | null {
  if (!startsAt) return null;
  const d = new Intl.DateTimeFormat("en", { timeZone: zone, day: "numeric", month: "short" }).format(startsAt);
  return endsAt ? `${d} ${time(zone).format(startsAt)}–${time(zone).format(endsAt)}` : `${d} ${time(zone).format(startsAt)}`;
}

/** A date (and time) in the session's zone. */
export function dateLabel(at: Date, zone: string, withTime = false): string {
  return withTime ? `${day(zone).format(at)} ${time(zone).format(at)}` : day(zone).format(at);
}

export function sessionDates(book: BriefingBook): string {
  return formatSessionRange(book.session.startsAt, book.session.endsAt, book.session.timeZone);
}

export function sessionZone(book: BriefingBook): string {
  return describeTimeZone(book.session.timeZone, book.session.startsAt);
}

export function placeLabel(book: BriefingBook, t: Translate): string {
  if (book.session.isVirtual) return book.session.place ? `${t("briefing.cover.virtual")} (${book.session.place})` : t("briefing.cover.virtual");
  return book.session.place ?? "—";
}

export function preparedFor(book: BriefingBook, t: Translate): string {
  return book.reader.role === "CONVENOR" || !book.reader.partyCode
    ? t("briefing.cover.preparedForConvenor")
    : t("briefing.cover.preparedForDelegation", { party: book.reader.partyCode });
}

/** A figure on a scale, one decimal when needed. */
export function figure(n: number | null): string {
  if (n === null) return "—";
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function percent(n: number | null): string {
  return n === null ? "—" : `${Math.round(n * 100)}%`;
}

/** The book's sections in order, as present for this book (used for numbering and contents). */
export function sectionsOf(book: BriefingBook): (keyof typeof briefingMessages.briefing.sections)[] {
  const out: (keyof typeof briefingMessages.briefing.sections)[] = ["agenda", "items"];
  out.push("papers", "stances");
  if (book.tracker) out.push("tracker");
  if (book.panels.length > 0) out.push("panels");
  if (book.minutes) out.push("minutes");
  return out;
}
