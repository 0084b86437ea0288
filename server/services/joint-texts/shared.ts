import { randomUUID } from "node:crypto";
import type { Prisma } from "@/prisma/generated/client";
import { orNotFound, visibleJointTextsWhere, type Viewer } from "@/server/access";
import { invalid } from "@/server/errors";
import type { DbOrTx } from "@/server/services/kit";
import { JointTextRuleError, parseBody, type JointBody } from "@/server/domain/joint-text";

export const STALE_JOINT_TEXT = "Someone changed this text since you opened it. Compare their revision with what you meant to do, then do it again.";
export const CONCLUDED_JOINT_TEXTS =
  "This session has concluded, so its joint texts are locked. Start the next session's text from this one to negotiate further.";

/** Short ids for paragraphs, brackets and options inside a body (unique within the text). */
export function newId(prefix: "p" | "b" | "o"): string {
  return `${prefix}${randomUUID().replace(/-/g, "").slice(0, 12)}`;
}

/** Runs a domain operation; a broken rule of the structure answers BAD_REQUEST with its message. */
export function applyRule<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof JointTextRuleError) throw invalid(error.message);
    throw error;
  }
}

export const TEXT_FACTS = {
  id: true,
  sessionId: true,
  kind: true,
  title: true,
  languageTag: true,
  release: true,
  releasedAt: true,
  currentRevision: true,
  carriedFromId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  session: { select: { id: true, title: true, seriesId: true, status: true, startsAt: true, series: { select: { id: true, shortName: true, illustrative: true, attribution: true, track: true } } } },
} satisfies Prisma.JointTextSelect;

/** A joint text the viewer may read, NOT_FOUND otherwise (exactly like a missing id). */
export function readableText(db: DbOrTx, viewer: Viewer, textId: string) {
  return orNotFound(db.jointText.findFirst({ where: { AND: [{ id: textId }, visibleJointTextsWhere(viewer)] }, select: TEXT_FACTS }), "Joint text not found");
}

/** The body of a revision of a text, parsed (the caller has checked the text is readable). */
export async function revisionBody(db: DbOrTx, textId: string, number: number): Promise<JointBody> {
  const row = await db.jointTextRevision.findUniqueOrThrow({ where: { textId_number: { textId, number } }, select: { body: true } });
  return parseBody(row.body);
}

export const asJson = (value: unknown) => value as Prisma.InputJsonValue;
