import { z } from "zod";
import { id, positiveInt } from "@/lib/schemas/common";

import { REASONING_MAX_LENGTH } from "@/lib/vocabulary";

/** Longest reasoning a scholar may give with an assessment. */
export { REASONING_MAX_LENGTH };

export const assessmentItemSchema = z.object({ agendaItemId: id });
export type AssessmentItemInput = z.output<typeof assessmentItemSchema>;

export const assessmentSessionSchema = z.object({ sessionId: id });

/** The assessment form: a point of the scale (checked against the scale on the server) and a short reasoning. */
export const assessmentFormSchema = z.object({
  position: z.number({ message: "Choose a point of the scale" }).int("Choose a point of the scale"),
  reasoning: z
    .string()
    .trim()
    .max(REASONING_MAX_LENGTH, `Keep the reasoning under ${REASONING_MAX_LENGTH.toLocaleString("en")} characters`)
    .default(""),
});
export type AssessmentFormInput = z.input<typeof assessmentFormSchema>;
export type AssessmentFormValues = z.output<typeof assessmentFormSchema>;

/** Save (create or revise): a revision carries the version it started from; a first assessment carries none. */
export const saveAssessmentSchema = assessmentFormSchema.extend({
  agendaItemId: id,
  version: positiveInt.optional(),
});
export type SaveAssessmentInput = z.output<typeof saveAssessmentSchema>;
