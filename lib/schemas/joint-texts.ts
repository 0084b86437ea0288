import { z } from "zod";
import { id, positiveInt } from "@/lib/schemas/common";

// Inputs of the joint-text procedures (DESIGN.md "Joint texts"), shared by forms and the router.

export const JOINT_TEXT_KINDS = ["JOINT_STATEMENT", "CHAIRS_SUMMARY", "RECOMMENDATIONS"] as const;
export type JointTextKindName = (typeof JOINT_TEXT_KINDS)[number];
export const JOINT_TEXT_KIND_LABELS: Record<JointTextKindName, string> = {
  JOINT_STATEMENT: "Joint statement",
  CHAIRS_SUMMARY: "Chair's summary",
  RECOMMENDATIONS: "Recommendations",
};

export const JOINT_TEXT_RELEASES = ["DRAFT", "GOVERNMENTS", "ALL_PARTICIPANTS"] as const;
export type JointTextReleaseName = (typeof JOINT_TEXT_RELEASES)[number];
export const JOINT_TEXT_RELEASE_LABELS: Record<JointTextReleaseName, string> = {
  DRAFT: "Chair's draft (convenors only)",
  GOVERNMENTS: "Governments",
  ALL_PARTICIPANTS: "All participants",
};
export const jointTextReleaseRank = (r: JointTextReleaseName) => JOINT_TEXT_RELEASES.indexOf(r);

const version = positiveInt;
const paragraphText = z.string().max(20_000, "Keep a paragraph under 20,000 characters");
const optionText = z.string().trim().max(5_000, "Keep an option under 5,000 characters");
const offset = z.number().int().min(0).max(20_000);

export const jointTextTitle = z.string().trim().min(3, "Enter a title of at least 3 characters").max(200, "Keep the title under 200 characters");
export const languageTag = z
  .string()
  .trim()
  .max(35, "Use a language tag such as en, ja or ko-KR")
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language tag such as en, ja or ko-KR");

/** The create form: kind, title, language; optionally the earlier session's text to start from. */
export const jointTextFormSchema = z.object({
  kind: z.enum(JOINT_TEXT_KINDS, { message: "Choose a kind" }),
  title: jointTextTitle,
  languageTag,
});
export type JointTextFormValues = z.output<typeof jointTextFormSchema>;
/** The create dialog: "" for a text that starts empty. */
export const newJointTextFormSchema = jointTextFormSchema.extend({ carriedFromId: z.string().max(64) });
export type NewJointTextFormValues = z.output<typeof newJointTextFormSchema>;
export const createJointTextSchema = jointTextFormSchema.extend({ sessionId: id, carriedFromId: id.optional() });
export type CreateJointTextInput = z.output<typeof createJointTextSchema>;

export const jointTextIdSchema = z.object({ textId: id });
export const listJointTextsSchema = z.object({ sessionId: id });
export const compareJointTextSchema = z.object({ textId: id, from: positiveInt, to: positiveInt });

/** A span of a paragraph's text segment: characters [start, end) of segment `segmentIndex`. */
const span = { paragraphId: id, segmentIndex: z.number().int().min(0).max(400), start: offset, end: offset };

/** The chair's changes to the text; each writes a revision. */
export const chairOperationSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("addParagraph"), text: paragraphText.refine((t) => t.trim() !== "", "Write the paragraph"), afterId: id.nullish() }),
  z.object({ op: z.literal("editParagraph"), paragraphId: id, template: paragraphText }),
  z.object({ op: z.literal("removeParagraph"), paragraphId: id }),
  z.object({ op: z.literal("moveParagraph"), paragraphId: id, toIndex: z.number().int().min(0).max(1000) }),
  z.object({ op: z.literal("bracketSpan"), ...span, alternatives: z.array(optionText).max(10) }),
  z.object({ op: z.literal("addOption"), bracketId: id, text: optionText }),
  z.object({ op: z.literal("removeOption"), bracketId: id, optionId: id }),
  z.object({ op: z.literal("acceptOption"), bracketId: id, optionId: id }),
]);
export type ChairOperation = z.output<typeof chairOperationSchema>;
export const editJointTextSchema = z.object({ textId: id, version, operation: chairOperationSchema });
export type EditJointTextInput = z.output<typeof editJointTextSchema>;

export const jointTextVersionSchema = z.object({ textId: id, version });
export const raiseJointTextReleaseSchema = z.object({ textId: id, version, release: z.enum(["GOVERNMENTS", "ALL_PARTICIPANTS"]) });
export type RaiseJointTextReleaseInput = z.output<typeof raiseJointTextReleaseSchema>;

/** A delegate's hold on a bracket, for their own party. */
export const setJointTextHoldSchema = z.object({ textId: id, version, bracketId: id, held: z.boolean() });
export type SetJointTextHoldInput = z.output<typeof setJointTextHoldSchema>;

/** A party's proposal: a bracket over a span with its alternatives, or one more option ("" = delete). */
export const proposalPayloadSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("BRACKET"), ...span, alternatives: z.array(optionText).max(10) }),
  z.object({ kind: z.literal("OPTION"), bracketId: id, text: optionText }),
]);
export type ProposalPayload = z.output<typeof proposalPayloadSchema>;
export const proposeJointTextSchema = z.object({ textId: id, payload: proposalPayloadSchema, note: z.string().trim().max(2_000).default("") });
export type ProposeJointTextInput = z.output<typeof proposeJointTextSchema>;
/** Tabling applies the proposal to the text as it stands at `version`. */
export const tableProposalSchema = z.object({ proposalId: id, version });
export const withdrawProposalSchema = z.object({ proposalId: id, version });
