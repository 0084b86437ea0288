import { z } from "zod";
import { id, RELEASE_LEVELS, positiveInt } from "@/lib/schemas/common";

export { releaseRank } from "@/lib/vocabulary";
export type { ReleaseLevelName } from "@/lib/vocabulary";

const wholeNumber = z.number({ message: "Choose a point on the scale" }).int("Choose a point on the scale");

/** The fields a delegate fills in; the position is checked against the issue's scale on the server. */
export const stanceFields = z.object({
  position: wholeNumber,
  rationale: z.string().max(20_000, "Keep the rationale under 20,000 characters").default(""),
  conditions: z.string().max(20_000, "Keep the conditions under 20,000 characters").default(""),
  redLine: z.boolean().default(false),
  priority: z
    .number({ message: "Choose a priority from 1 to 3" })
    .int("Choose a priority from 1 to 3")
    .min(1, "Choose a priority from 1 to 3")
    .max(3, "Choose a priority from 1 to 3"),
});

/** The stance form (client); the scale check is added with `stanceFormSchemaFor`. */
export const stanceFormSchema = stanceFields;
export type StanceFormInput = z.input<typeof stanceFormSchema>;
export type StanceFormValues = z.output<typeof stanceFormSchema>;

/** The form's schema for one issue: the position must be a point of its scale. */
export function stanceFormSchemaFor(scale: { scaleMin: number; scaleMax: number }) {
  return stanceFields.superRefine((v, ctx) => {
    if (v.position < scale.scaleMin || v.position > scale.scaleMax) {
      ctx.addIssue({ code: "custom", path: ["position"], message: `Choose a point from ${scale.scaleMin} to ${scale.scaleMax}` });
    }
  });
}

export const createStanceSchema = stanceFields.extend({ sessionId: id, issueId: id });
export type CreateStanceInput = z.output<typeof createStanceSchema>;

export const saveStanceSchema = stanceFields.extend({ stanceId: id, version: positiveInt });
export type SaveStanceInput = z.output<typeof saveStanceSchema>;

export const releaseStanceSchema = z.object({
  stanceId: id,
  version: positiveInt,
  releaseLevel: z.enum(RELEASE_LEVELS, { message: "Choose a release level" }),
});
export type ReleaseStanceInput = z.output<typeof releaseStanceSchema>;

export const stanceIdSchema = z.object({ stanceId: id });
export const stanceSessionSchema = z.object({ sessionId: id });
