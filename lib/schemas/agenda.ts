import { z } from "zod";
import { id, idList, positiveInt } from "@/lib/schemas/common";

// The zone arithmetic lives in lib/zoned-time.ts (no zod there, for client code that only formats times).
export { sessionDays, zonedInstant, zonedParts } from "@/lib/zoned-time";
export { formToItemFields } from "@/lib/agenda-form";

import { AGENDA_ITEM_STATUSES, type AgendaItemStatusName } from "@/lib/vocabulary";

export { AGENDA_ITEM_STATUSES };
export type { AgendaItemStatusName };

/** Statuses carried over by default: everything not yet discussed. */
export const CARRIED_BY_DEFAULT: readonly AgendaItemStatusName[] = ["PROPOSED", "ACCEPTED", "DEFERRED"];

const title = z.string().trim().min(1, "Enter a title").max(200, "Keep the title under 200 characters");
const description = z.string().max(20_000, "Keep the description under 20,000 characters");
const status = z.enum(AGENDA_ITEM_STATUSES, { message: "Choose a status" });
const optionalId = id.nullable().optional();
const optionalDate = z.date({ message: "Enter a valid time" }).nullable().optional();
const version = positiveInt;

function endNotBeforeStart(v: { startsAt?: Date | null; endsAt?: Date | null }, ctx: z.RefinementCtx) {
  if (v.startsAt && v.endsAt && v.endsAt.getTime() < v.startsAt.getTime()) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end is before the start" });
  }
}

export const createAgendaItemSchema = z
  .object({
    sessionId: id,
    title,
    description: description.default(""),
    startsAt: optionalDate,
    endsAt: optionalDate,
    issueId: optionalId,
    proposingPartyId: optionalId,
    status: status.default("PROPOSED"),
  })
  .superRefine(endNotBeforeStart);
export type CreateAgendaItemInput = z.input<typeof createAgendaItemSchema>;

/** Fields left out stay as they are; null clears an optional field. */
export const updateAgendaItemSchema = z
  .object({
    itemId: id,
    version,
    title: title.optional(),
    description: description.optional(),
    startsAt: optionalDate,
    endsAt: optionalDate,
    issueId: optionalId,
    proposingPartyId: optionalId,
    status: status.optional(),
  })
  .superRefine(endNotBeforeStart);
export type UpdateAgendaItemInput = z.input<typeof updateAgendaItemSchema>;

export const deleteAgendaItemSchema = z.object({ itemId: id, version });

const distinctIds = (message: string) =>
  idList
    .min(1, message)
    .refine((ids) => new Set(ids).size === ids.length, "Each item once");

export const reorderAgendaSchema = z.object({ sessionId: id, itemIds: distinctIds("List the items in their new order") });

export const publishAgendaSchema = z.object({ sessionId: id, version });

/** Re-announcing a published agenda: clears the items' "changed since publication" marks. */
export const clearAgendaChangesSchema = z.object({ sessionId: id });

export const carryOverSchema = z.object({ sessionId: id, itemIds: distinctIds("Choose at least one item").optional() });

export const agendaScholarSchema = z.object({ itemId: id, userId: id });

export const listAgendaSchema = z.object({ sessionId: id });

// The add/edit form: a day of the session and wall-clock times in the session's zone.

const clock = z.union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, e.g. 09:30")]);

export const agendaItemFormSchema = z
  .object({
    title,
    description,
    day: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a day")]),
    startTime: clock,
    endTime: clock,
    issueId: z.string().max(64),
    proposingPartyId: z.string().max(64),
    status,
  })
  .superRefine((v, ctx) => {
    if ((v.startTime || v.endTime) && !v.day) ctx.addIssue({ code: "custom", path: ["day"], message: "Choose the day of the time slot" });
    if (v.day && !v.startTime && !v.endTime) ctx.addIssue({ code: "custom", path: ["startTime"], message: "Enter a start or an end time" });
    if (v.startTime && v.endTime && v.endTime < v.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "The end is before the start" });
  });
export type AgendaItemFormValues = z.infer<typeof agendaItemFormSchema>;

