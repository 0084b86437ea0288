import type { JointTextRelease } from "@/prisma/generated/client";
import {
  jointTextReleaseRank,
  type CreateJointTextInput,
  type EditJointTextInput,
  type ProposalPayload,
  type ProposeJointTextInput,
  type RaiseJointTextReleaseInput,
  type SetJointTextHoldInput,
} from "@/lib/schemas/joint-texts";
import {
  can,
  membershipIn,
  orNotFound,
  requireCan,
  visibleJointTextProposalsWhere,
  visibleJointTextsWhere,
  visibleSessionsWhere,
  type Viewer,
} from "@/server/access";
import { recordAudit, type AuditAction } from "@/server/audit";
import type { Db } from "@/server/db";
import { conflict, forbidden, invalid } from "@/server/errors";
import { applyOperation, emptyBody, findBracket, type JointBody, type JointOperation } from "@/server/domain/joint-text";
import { updateVersioned, type Tx } from "@/server/services/kit";
import {
  applyRule,
  asJson,
  CONCLUDED_JOINT_TEXTS,
  newId,
  readableText,
  revisionBody,
  STALE_JOINT_TEXT,
} from "@/server/services/joint-texts/shared";

// Changes to joint texts. Every change to the text writes its next revision and an audit event in
// one transaction, guarded by the text's version (a stale change answers CONFLICT and writes
// nothing). The chair (a convenor) drafts; a delegate changes only their own party's holds and
// proposals. Concluded sessions lock their texts.

type Text = Awaited<ReturnType<typeof readableText>>;

function refuseLocked(text: Text) {
  if (text.session.status === "CONCLUDED") throw invalid(CONCLUDED_JOINT_TEXTS);
}

/** A text the actor chairs: NOT_FOUND unless readable, FORBIDDEN for other members, refused once locked. */
async function textForChair(tx: Tx | Db, actor: Viewer, textId: string) {
  const text = await readableText(tx, actor, textId);
  requireCan(actor, text.session.seriesId, can.chairJointText(actor, text.session.seriesId), "Only the chair (a convenor of the series) drafts the joint text");
  refuseLocked(text);
  return text;
}

/** A text the actor negotiates on for their party, and that party's code. */
async function textForParty(tx: Tx | Db, actor: Viewer, textId: string) {
  const text = await readableText(tx, actor, textId);
  const seriesId = text.session.seriesId;
  requireCan(actor, seriesId, can.negotiateJointText(actor, seriesId), "Only delegates propose and hold, for their own party");
  refuseLocked(text);
  const party = await tx.party.findUniqueOrThrow({ where: { id: membershipIn(actor, seriesId)!.partyId! }, select: { id: true, code: true } });
  return { text, party };
}

const subjectOf = (text: { id: string; sessionId: string; release: JointTextRelease }) => ({ kind: "jointText" as const, id: text.id, sessionId: text.sessionId, release: text.release });

/**
 * Writes the text's next revision from the version the change started from: the version guard makes
 * exactly one of concurrent changes win; the others answer CONFLICT and write nothing.
 */
async function writeRevision(
  tx: Tx,
  actor: Viewer,
  text: Text,
  version: number,
  body: JointBody,
  change: Record<string, unknown>,
  opts: { tabled?: boolean } = {},
) {
  if (text.version !== version) throw conflict(STALE_JOINT_TEXT);
  const number = text.currentRevision + 1;
  await updateVersioned(tx.jointText, { id: text.id }, version, { currentRevision: number }, STALE_JOINT_TEXT);
  const tabledNo = opts.tabled ? (await tx.jointTextRevision.count({ where: { textId: text.id, tabled: true } })) + 1 : null;
  await tx.jointTextRevision.create({
    data: { textId: text.id, number, body: asJson(body), change: asJson(change), tabled: opts.tabled ?? false, tabledNo, authorId: actor.userId },
  });
  return { id: text.id, version: version + 1, revision: number, tabledNo };
}

export async function createJointText(db: Db, actor: Viewer, input: CreateJointTextInput) {
  const session = await orNotFound(
    db.session.findFirst({ where: { AND: [{ id: input.sessionId }, visibleSessionsWhere(actor)] }, select: { id: true, seriesId: true, status: true, startsAt: true } }),
    "Session not found",
  );
  requireCan(actor, session.seriesId, can.chairJointText(actor, session.seriesId), "Only the chair (a convenor of the series) starts a joint text");
  if (session.status === "CONCLUDED") throw invalid(CONCLUDED_JOINT_TEXTS);
  let body = emptyBody();
  if (input.carriedFromId) {
    // Carry-over: the current text of an earlier session of the same series, brackets and holds as they stand.
    const source = await db.jointText.findFirst({
      where: { AND: [{ id: input.carriedFromId, session: { seriesId: session.seriesId, startsAt: { lt: session.startsAt } } }, visibleJointTextsWhere(actor)] },
      select: { id: true, currentRevision: true },
    });
    if (!source) throw invalid("Start only from a text of an earlier session of this series", "carriedFromId");
    body = await revisionBody(db, source.id, source.currentRevision);
  }
  return db.$transaction(async (tx) => {
    const text = await tx.jointText.create({
      data: {
        sessionId: session.id,
        kind: input.kind,
        title: input.title,
        languageTag: input.languageTag,
        carriedFromId: input.carriedFromId ?? null,
        createdById: actor.userId,
        revisions: {
          create: { number: 1, body: asJson(body), change: asJson({ op: input.carriedFromId ? "carriedOver" : "created", by: "chair" }), authorId: actor.userId },
        },
      },
      select: { id: true, version: true, sessionId: true, release: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: session.seriesId,
      action: input.carriedFromId ? "joint_text.carried_over" : "joint_text.created",
      subject: subjectOf(text),
      summary: { title: input.title, kind: input.kind, carriedFromId: input.carriedFromId ?? null, paragraphs: body.paragraphs.length },
    });
    return { id: text.id, version: text.version };
  });
}

/** The chair's operation with the ids the server gives new paragraphs, brackets and options. */
function chairOperation(body: JointBody, o: EditJointTextInput["operation"]): JointOperation {
  switch (o.op) {
    case "addParagraph":
      return { op: "addParagraph", paragraphId: newId("p"), text: o.text, afterId: o.afterId };
    case "bracketSpan": {
      const bracketId = newId("b");
      return { ...o, op: "bracketSpan", bracketId, alternatives: o.alternatives.map((text) => ({ id: newId("o"), text, proposedBy: null })), holds: [] };
    }
    case "addOption":
      return { op: "addOption", bracketId: o.bracketId, option: { id: newId("o"), text: o.text, proposedBy: null } };
    case "acceptOption": {
      // The rule is the domain's; checked here too so the message names the holders.
      const { bracket } = applyRule(() => findBracket(body, o.bracketId));
      if (bracket.holds.length > 0) throw invalid(`Held by ${bracket.holds.join(", ")}: an option is accepted only once no party holds the bracket`);
      return o;
    }
    default:
      return o;
  }
}

/** The chair's change to the text: paragraphs, brackets, options, accepting an option. */
export async function editJointText(db: Db, actor: Viewer, input: EditJointTextInput) {
  return db.$transaction(async (tx) => {
    const text = await textForChair(tx, actor, input.textId);
    if (text.version !== input.version) throw conflict(STALE_JOINT_TEXT);
    const body = await revisionBody(tx, text.id, text.currentRevision);
    const operation = chairOperation(body, input.operation);
    const next = applyRule(() => applyOperation(body, operation));
    const result = await writeRevision(tx, actor, text, input.version, next, { ...operation, by: "chair" });
    const action: AuditAction = operation.op === "acceptOption" ? "joint_text.option_accepted" : "joint_text.edited";
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: text.session.seriesId,
      action,
      subject: subjectOf(text),
      summary: { revision: result.revision, op: operation.op },
    });
    return result;
  });
}

/** The chair tables the current text to the parties as its next "Rev. N". */
export async function tableJointText(db: Db, actor: Viewer, input: { textId: string; version: number }) {
  return db.$transaction(async (tx) => {
    const text = await textForChair(tx, actor, input.textId);
    const body = await revisionBody(tx, text.id, text.currentRevision);
    const result = await writeRevision(tx, actor, text, input.version, body, { op: "tabled", by: "chair" }, { tabled: true });
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: text.session.seriesId,
      action: "joint_text.tabled",
      subject: subjectOf(text),
      summary: { revision: result.revision, rev: result.tabledNo },
    });
    return result;
  });
}

/** Raises the text's release (never lowers it); a revision records it, so the history shows when. */
export async function raiseJointTextRelease(db: Db, actor: Viewer, input: RaiseJointTextReleaseInput) {
  return db.$transaction(async (tx) => {
    const text = await textForChair(tx, actor, input.textId);
    if (jointTextReleaseRank(input.release) <= jointTextReleaseRank(text.release)) throw invalid("A release can only be raised", "release");
    const body = await revisionBody(tx, text.id, text.currentRevision);
    const result = await writeRevision(tx, actor, text, input.version, body, { op: "released", release: input.release, by: "chair" });
    await tx.jointText.update({ where: { id: text.id }, data: { release: input.release, releasedAt: text.releasedAt ?? new Date() } });
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: text.session.seriesId,
      action: "joint_text.released",
      subject: subjectOf({ ...text, release: input.release }),
      summary: { before: text.release, after: input.release, revision: result.revision },
    });
    return { ...result, release: input.release };
  });
}

/** A delegate holds a bracket for their party, or lifts that hold. */
export async function setJointTextHold(db: Db, actor: Viewer, input: SetJointTextHoldInput) {
  return db.$transaction(async (tx) => {
    const { text, party } = await textForParty(tx, actor, input.textId);
    if (text.version !== input.version) throw conflict(STALE_JOINT_TEXT);
    const body = await revisionBody(tx, text.id, text.currentRevision);
    const operation: JointOperation = { op: "setHold", bracketId: input.bracketId, party: party.code, held: input.held };
    const next = applyRule(() => applyOperation(body, operation));
    const result = await writeRevision(tx, actor, text, input.version, next, { ...operation, by: party.code });
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: text.session.seriesId,
      action: input.held ? "joint_text.hold_placed" : "joint_text.hold_lifted",
      subject: subjectOf(text),
      summary: { revision: result.revision, bracketId: input.bracketId, party: party.code },
    });
    return result;
  });
}

/** What tabling a proposal does to the text: the bracket or option, with the proposing party holding. */
function proposalOperations(body: JointBody, payload: ProposalPayload, party: string, ids: { bracketId: string; optionIds: string[] }): JointOperation[] {
  if (payload.kind === "BRACKET") {
    return [
      {
        op: "bracketSpan",
        paragraphId: payload.paragraphId,
        segmentIndex: payload.segmentIndex,
        start: payload.start,
        end: payload.end,
        bracketId: ids.bracketId,
        alternatives: payload.alternatives.map((text, i) => ({ id: ids.optionIds[i] ?? newId("o"), text, proposedBy: party })),
        holds: [party],
      },
    ];
  }
  const holding = findBracket(body, payload.bracketId).bracket.holds.includes(party);
  return [
    { op: "addOption", bracketId: payload.bracketId, option: { id: ids.optionIds[0] ?? newId("o"), text: payload.text, proposedBy: party } },
    ...(holding ? [] : [{ op: "setHold", bracketId: payload.bracketId, party, held: true } as const]),
  ];
}

const applyAll = (body: JointBody, ops: JointOperation[]) => ops.reduce(applyOperation, body);

/** A delegate drafts a proposal inside their delegation; it changes the text only once tabled. */
export async function proposeOnJointText(db: Db, actor: Viewer, input: ProposeJointTextInput) {
  const { text, party } = await textForParty(db, actor, input.textId);
  if (text.release === "DRAFT") throw forbidden("The chair has not opened this text to the parties yet");
  const body = await revisionBody(db, text.id, text.currentRevision);
  // It must apply to the text as it stands now (it is checked again when tabled).
  applyRule(() => applyAll(body, proposalOperations(body, input.payload, party.code, { bracketId: newId("b"), optionIds: [] })));
  return db.$transaction(async (tx) => {
    const proposal = await tx.jointTextProposal.create({
      data: { textId: text.id, partyId: party.id, authorId: actor.userId, kind: input.payload.kind, payload: asJson(input.payload), note: input.note },
      select: { id: true, version: true, status: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: text.session.seriesId,
      action: "joint_text.proposal_drafted",
      subject: { kind: "jointTextProposal", textId: text.id, sessionId: text.sessionId, partyId: party.id, tabled: false, release: text.release },
      summary: { proposalId: proposal.id, kind: input.payload.kind },
    });
    return proposal;
  });
}

/** A proposal the actor's party may change: NOT_FOUND unless visible, FORBIDDEN for another party's tabled one. */
async function proposalForParty(tx: Tx, actor: Viewer, proposalId: string) {
  const proposal = await orNotFound(
    tx.jointTextProposal.findFirst({
      where: { AND: [{ id: proposalId }, visibleJointTextProposalsWhere(actor)] },
      select: { id: true, textId: true, partyId: true, kind: true, payload: true, status: true, version: true },
    }),
    "Proposal not found",
  );
  const { text, party } = await textForParty(tx, actor, proposal.textId);
  requireCan(actor, text.session.seriesId, can.changeJointTextProposal(actor, { seriesId: text.session.seriesId, partyId: proposal.partyId }), "Only the proposing party changes its proposal");
  if (proposal.status !== "DRAFT") throw invalid(proposal.status === "TABLED" ? "This proposal is already tabled" : "This proposal was withdrawn");
  return { proposal, text, party };
}

/** A delegate tables their party's proposal: it is applied to the text as a new revision. */
export async function tableProposal(db: Db, actor: Viewer, input: { proposalId: string; version: number }) {
  return db.$transaction(async (tx) => {
    const { proposal, text, party } = await proposalForParty(tx, actor, input.proposalId);
    if (text.version !== input.version) throw conflict(STALE_JOINT_TEXT);
    const body = await revisionBody(tx, text.id, text.currentRevision);
    const payload = proposal.payload as ProposalPayload;
    const ops = applyRule(() => proposalOperations(body, payload, party.code, { bracketId: newId("b"), optionIds: [] }));
    const next = applyRule(() => applyAll(body, ops));
    const result = await writeRevision(tx, actor, text, input.version, next, { op: "proposalTabled", proposalId: proposal.id, kind: proposal.kind, operations: ops, by: party.code });
    await updateVersioned(
      tx.jointTextProposal,
      { id: proposal.id, status: "DRAFT" },
      proposal.version,
      { status: "TABLED", tabledAt: new Date(), tabledById: actor.userId, tabledRevision: result.revision },
      "Someone in your delegation changed this proposal first",
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: text.session.seriesId,
      action: "joint_text.proposal_tabled",
      subject: { kind: "jointTextProposal", textId: text.id, sessionId: text.sessionId, partyId: party.id, tabled: true, release: text.release },
      summary: { proposalId: proposal.id, kind: proposal.kind, revision: result.revision },
    });
    return result;
  });
}

/** A delegate withdraws their party's untabled proposal; the text does not change. */
export async function withdrawProposal(db: Db, actor: Viewer, input: { proposalId: string; version: number }) {
  return db.$transaction(async (tx) => {
    const { proposal, text, party } = await proposalForParty(tx, actor, input.proposalId);
    await updateVersioned(tx.jointTextProposal, { id: proposal.id, status: "DRAFT" }, input.version, { status: "WITHDRAWN" }, "Someone in your delegation changed this proposal first");
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: text.session.seriesId,
      action: "joint_text.proposal_withdrawn",
      subject: { kind: "jointTextProposal", textId: text.id, sessionId: text.sessionId, partyId: party.id, tabled: false, release: text.release },
      summary: { proposalId: proposal.id, kind: proposal.kind },
    });
    return { id: proposal.id, status: "WITHDRAWN" as const };
  });
}
