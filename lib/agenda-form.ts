import type { AgendaItemFormValues } from "@/lib/schemas/agenda";
import { zonedInstant } from "@/lib/zoned-time";

/** The form's values as the procedures take them (times in the session's zone). */
export function formToItemFields(v: AgendaItemFormValues, timeZone: string) {
  return {
    title: v.title,
    description: v.description,
    startsAt: v.day && v.startTime ? zonedInstant(v.day, v.startTime, timeZone) : null,
    endsAt: v.day && v.endTime ? zonedInstant(v.day, v.endTime, timeZone) : null,
    issueId: v.issueId || null,
    proposingPartyId: v.proposingPartyId || null,
    status: v.status,
  };
}
