import { z } from "zod";
import { id, positiveInt } from "@/lib/schemas/common";
import { scaleProblems } from "@/lib/issue-scale";

import { ISSUE_KINDS } from "@/lib/vocabulary";

export { ISSUE_KINDS };
export type { IssueKindName } from "@/lib/vocabulary";

const wholeNumber = z.number({ message: "Enter a whole number" }).int("Enter a whole number");

/** The fields of the issue form, before the scale check. */
const issueFields = z.object({
  title: z.string().trim().min(3, "Enter a title of at least 3 characters").max(200, "Keep the title under 200 characters"),
  description: z.string().max(20_000, "Keep the description under 20,000 characters").default(""),
  kind: z.enum(ISSUE_KINDS, { message: "Choose a kind" }),
  topic: z.string().trim().max(60, "Keep the topic under 60 characters").default(""),
  scaleMin: wholeNumber,
  scaleMax: wholeNumber,
  scaleLabels: z.array(z.string().trim().max(80, "Keep each label under 80 characters")).max(21, "A scale has at most 21 points"),
});

type ScaleShape = { scaleMin: number; scaleMax: number; scaleLabels: string[] };

/** Puts each scale problem on its field (and a label's problem on that label's input). */
function checkScale(value: ScaleShape, ctx: z.RefinementCtx) {
  for (const p of scaleProblems({ min: value.scaleMin, max: value.scaleMax, labels: value.scaleLabels })) {
    ctx.addIssue({ code: "custom", message: p.message, path: p.index === undefined ? [p.field] : [p.field, p.index] });
  }
}

/** The form (client) and the body of create/update (server) share these rules. */
export const issueFormSchema = issueFields.superRefine(checkScale);
export type IssueFormInput = z.input<typeof issueFormSchema>;
export type IssueFormValues = z.output<typeof issueFormSchema>;

export const createIssueSchema = issueFields.extend({ seriesId: id }).superRefine(checkScale);
export type CreateIssueInput = z.output<typeof createIssueSchema>;

export const updateIssueSchema = issueFields
  .extend({ issueId: id, version: positiveInt })
  .superRefine(checkScale);
export type UpdateIssueInput = z.output<typeof updateIssueSchema>;

export const listIssuesSchema = z.object({
  seriesId: id,
  includeArchived: z.boolean().default(false),
  kind: z.enum(ISSUE_KINDS).optional(),
});

export const issueIdSchema = z.object({ issueId: id });
export const issueVersionSchema = z.object({ issueId: id, version: positiveInt });
