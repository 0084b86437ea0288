import { z } from "zod";
import { id, RELEASE_LEVELS, positiveInt } from "@/lib/schemas/common";

export { RELEASE_LEVELS };
export { higherLevels, releaseRank } from "@/lib/vocabulary";
export type { ReleaseLevelName } from "@/lib/vocabulary";

export const paperTitle = z
  .string()
  .trim()
  .min(3, "Enter a title of at least 3 characters")
  .max(200, "Keep the title under 200 characters");
export const paperBody = z.string().max(100_000, "Keep the paper under 100,000 characters");
const version = positiveInt;

/** The editor form (client) and the text part of create/save (server). */
export const paperTextSchema = z.object({ title: paperTitle, body: paperBody });
export type PaperTextValues = z.output<typeof paperTextSchema>;

export const createPaperSchema = paperTextSchema.extend({
  sessionId: id,
  agendaItemIds: z
    .array(id)
    .min(1, "Link the paper to at least one agenda item")
    .max(50)
    .transform((ids) => [...new Set(ids)]),
});
export type CreatePaperInput = z.output<typeof createPaperSchema>;

/** A save carries the version the text started from; someone else's save in between is a CONFLICT. */
export const savePaperSchema = paperTextSchema.extend({ paperId: id, version });
export type SavePaperInput = z.output<typeof savePaperSchema>;

/** The editor's autosaved working copy: no title rule, so half-typed text is kept as it is. */
export const savePaperDraftSchema = z.object({
  paperId: id,
  baseVersion: version,
  title: z.string().max(500),
  body: paperBody,
});
export type SavePaperDraftInput = z.output<typeof savePaperDraftSchema>;

export const raisePaperReleaseSchema = z.object({
  paperId: id,
  version,
  releaseLevel: z.enum(RELEASE_LEVELS, { message: "Choose a release level" }),
});
export type RaisePaperReleaseInput = z.output<typeof raisePaperReleaseSchema>;

export const paperIdSchema = z.object({ paperId: id });
export const paperVersionSchema = z.object({ paperId: id, version });
export const listPapersSchema = z.object({ sessionId: id });
export const comparePaperRevisionsSchema = z.object({
  paperId: id,
  from: positiveInt,
  to: positiveInt,
});
