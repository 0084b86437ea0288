import { randomBytes } from "node:crypto";
import type {
  AgendaItemStatus,
  AttributionRule,
  IssueKind,
  JointTextKind,
  JointTextProposalKind,
  JointTextRelease,
  ReleaseLevel,
  SessionStatus,
  Track,
} from "@/prisma/generated/enums";
import type { Prisma } from "@/prisma/generated/client";
import type { Db } from "@/server/db";
import type { DbOrTx, Tx } from "@/server/services/kit";
import { hashPassword } from "@/server/auth/password";
import { defaultScale } from "@/lib/scales";

/** The app's client, a transaction opened on it, or a plain Prisma transaction client. */
export type DbClient = DbOrTx | Prisma.TransactionClient;

type Client = Tx;

// The members of DbClient differ only in which columns are omitted by default, so one view of
// them keeps the calls below from fighting TypeScript over union-typed Prisma methods.
function client(db: DbClient): Client {
  return db as Client;
}

/**
 * Runs `fn` in one transaction; on a transaction client Prisma nests it in the caller's, so an
 * outer rollback still undoes everything. Many small writes are several times faster in one
 * transaction than each committed on its own.
 */
export async function inTransaction<T>(db: DbClient, fn: (tx: DbClient) => Promise<T>): Promise<T> {
  if (!("$transaction" in db)) return fn(db);
  return (db as Db).$transaction((tx) => fn(tx), { maxWait: 10_000, timeout: 120_000 });
}

/** Password of every factory user created without one. */
export const FACTORY_PASSWORD = "factory-password-1234";

let counter = 0;
const runTag = randomBytes(3).toString("hex");

/** A short token unique within this process and, almost surely, across processes. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${runTag}${counter.toString(36)}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function released(level: ReleaseLevel, releasedAt: Date | null | undefined, fallback: Date): Date | null {
  if (releasedAt !== undefined) return releasedAt;
  return level === "PARTY" ? null : fallback;
}

export interface CreatePartyInput {
  code?: string;
  name?: string;
}

export async function createParty(db: DbClient, input: CreatePartyInput = {}) {
  const code = input.code ?? `P${uniqueSuffix().toUpperCase()}`;
  return client(db).party.create({ data: { code, name: input.name ?? `Party ${code}` } });
}

export interface CreateUserInput {
  email?: string;
  name?: string;
  /** Hashed here (about 50 ms) unless `passwordHash` is given. */
  password?: string;
  /** Precomputed argon2id hash: pass it to create many users without hashing each time. */
  passwordHash?: string;
  affiliation?: string | null;
  isAdmin?: boolean;
  deactivatedAt?: Date | null;
}

export async function createUser(db: DbClient, input: CreateUserInput = {}) {
  const suffix = uniqueSuffix();
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password ?? FACTORY_PASSWORD));
  return client(db).user.create({
    data: {
      email: input.email ?? `user-${suffix}@factory.test`,
      name: input.name ?? `User ${suffix}`,
      passwordHash,
      affiliation: input.affiliation ?? null,
      isAdmin: input.isAdmin ?? false,
      deactivatedAt: input.deactivatedAt ?? null,
    },
  });
}

export interface CreateSeriesInput {
  /** Two or three party ids, in display order. */
  partyIds: string[];
  name?: string;
  shortName?: string;
  description?: string;
  track?: Track;
  attribution?: AttributionRule;
  illustrative?: boolean;
  archivedAt?: Date | null;
}

export async function createSeries(db: DbClient, input: CreateSeriesInput) {
  const shortName = input.shortName ?? `S-${uniqueSuffix()}`;
  return client(db).series.create({
    data: {
      name: input.name ?? `Dialogue ${shortName}`,
      shortName,
      description: input.description ?? "",
      track: input.track ?? "TRACK_1",
      attribution: input.attribution ?? "ATTRIBUTED",
      illustrative: input.illustrative ?? false,
      archivedAt: input.archivedAt ?? null,
      parties: { create: input.partyIds.map((partyId) => ({ partyId })) },
    },
  });
}

export type AddMemberInput = {
  seriesId: string;
  userId: string;
  removedAt?: Date | null;
} & (
  | { role: "CONVENOR" }
  | { role: "DELEGATE"; partyId: string }
  | { role: "SCHOLAR"; affiliation: string }
  | { role: "OBSERVER" }
);

export async function addMember(db: DbClient, input: AddMemberInput) {
  return client(db).membership.create({
    data: {
      seriesId: input.seriesId,
      userId: input.userId,
      role: input.role,
      partyId: input.role === "DELEGATE" ? input.partyId : null,
      affiliation: input.role === "SCHOLAR" ? input.affiliation : null,
      removedAt: input.removedAt ?? null,
    },
  });
}

export interface CreateSessionInput {
  seriesId: string;
  title?: string;
  /** Defaults to 30 days from now. */
  startsAt?: Date;
  /** Defaults to one day after `startsAt`. */
  endsAt?: Date;
  timeZone?: string;
  place?: string | null;
  isVirtual?: boolean;
  status?: SessionStatus;
  /** Defaults to two weeks before the start for any status past DRAFT. */
  agendaPublishedAt?: Date | null;
  /** Defaults to `agendaPublishedAt`; an explicit null keeps it unset. */
  agendaUpdatedAt?: Date | null;
}

export async function createSession(db: DbClient, input: CreateSessionInput) {
  const startsAt = input.startsAt ?? new Date(Date.now() + 30 * DAY_MS);
  const status = input.status ?? "DRAFT";
  const agendaPublishedAt =
    input.agendaPublishedAt !== undefined
      ? input.agendaPublishedAt
      : status === "DRAFT"
        ? null
        : new Date(Math.min(startsAt.getTime() - 14 * DAY_MS, Date.now()));
  return client(db).session.create({
    data: {
      seriesId: input.seriesId,
      title: input.title ?? `Session ${uniqueSuffix()}`,
      startsAt,
      endsAt: input.endsAt ?? new Date(startsAt.getTime() + DAY_MS),
      timeZone: input.timeZone ?? "UTC",
      place: input.place === undefined ? "Washington, D.C." : input.place,
      isVirtual: input.isVirtual ?? false,
      status,
      agendaPublishedAt,
      agendaUpdatedAt: input.agendaUpdatedAt !== undefined ? input.agendaUpdatedAt : agendaPublishedAt,
    },
  });
}

export interface CreateIssueInput {
  seriesId: string;
  title?: string;
  description?: string;
  kind?: IssueKind;
  topic?: string;
  /** The scale defaults to `defaultScale(kind)`; give all three to use another. */
  scaleMin?: number;
  scaleMax?: number;
  scaleLabels?: string[];
  archivedAt?: Date | null;
}

export async function createIssue(db: DbClient, input: CreateIssueInput) {
  const kind = input.kind ?? "PROPOSITION";
  const scale = defaultScale(kind);
  return client(db).issue.create({
    data: {
      seriesId: input.seriesId,
      title: input.title ?? `Issue ${uniqueSuffix()}`,
      description: input.description ?? "",
      kind,
      topic: input.topic ?? "",
      scaleMin: input.scaleMin ?? scale.min,
      scaleMax: input.scaleMax ?? scale.max,
      scaleLabels: input.scaleLabels ?? scale.labels,
      archivedAt: input.archivedAt ?? null,
    },
  });
}

export interface CreateAgendaItemInput {
  sessionId: string;
  /** Defaults to after the session's last item. */
  position?: number;
  title?: string;
  description?: string;
  startsAt?: Date | null;
  endsAt?: Date | null;
  /** Null (the default) makes a procedural item. */
  issueId?: string | null;
  proposingPartyId?: string | null;
  status?: AgendaItemStatus;
  carriedFromId?: string | null;
}

export async function createAgendaItem(db: DbClient, input: CreateAgendaItemInput) {
  const c = client(db);
  let position = input.position;
  if (position === undefined) {
    const last = await c.agendaItem.aggregate({ where: { sessionId: input.sessionId }, _max: { position: true } });
    position = (last._max.position ?? 0) + 1;
  }
  return c.agendaItem.create({
    data: {
      sessionId: input.sessionId,
      position,
      title: input.title ?? `Agenda item ${position}`,
      description: input.description ?? "",
      startsAt: input.startsAt ?? null,
      endsAt: input.endsAt ?? null,
      issueId: input.issueId ?? null,
      proposingPartyId: input.proposingPartyId ?? null,
      status: input.status ?? "PROPOSED",
      carriedFromId: input.carriedFromId ?? null,
    },
  });
}

export interface InviteScholarToItemInput {
  agendaItemId: string;
  userId: string;
  invitedById: string;
}

export async function inviteScholarToItem(db: DbClient, input: InviteScholarToItemInput) {
  return client(db).agendaItemScholar.create({ data: input });
}

export interface CreatePaperInput {
  sessionId: string;
  authorId: string;
  /** Null for a scholar's own paper. */
  partyId: string | null;
  title?: string;
  body?: string;
  releaseLevel?: ReleaseLevel;
  /** Defaults to `createdAt` when released beyond the party. */
  releasedAt?: Date | null;
  withdrawnAt?: Date | null;
  agendaItemIds?: string[];
  createdAt?: Date;
}

/** A paper with its first revision (number 1). */
export async function createPaper(db: DbClient, input: CreatePaperInput) {
  const createdAt = input.createdAt ?? new Date();
  const title = input.title ?? `Position paper ${uniqueSuffix()}`;
  const body = input.body ?? "## Summary\n\nA first draft for discussion.";
  const releaseLevel = input.releaseLevel ?? "PARTY";
  return client(db).positionPaper.create({
    data: {
      sessionId: input.sessionId,
      partyId: input.partyId,
      authorId: input.authorId,
      title,
      releaseLevel,
      releasedAt: released(releaseLevel, input.releasedAt, createdAt),
      withdrawnAt: input.withdrawnAt ?? null,
      createdAt,
      revisions: { create: { number: 1, title, body, releaseLevel, authorId: input.authorId, createdAt } },
      items: { create: (input.agendaItemIds ?? []).map((agendaItemId) => ({ agendaItemId })) },
    },
  });
}

export interface RevisePaperInput {
  paperId: string;
  authorId: string;
  /** Defaults to the latest revision's title. */
  title?: string;
  /** Defaults to the latest revision's body with a line added. */
  body?: string;
  /** A new level; sets `releasedAt` the first time the paper leaves the party. */
  releaseLevel?: ReleaseLevel;
  createdAt?: Date;
}

/** Adds the next revision, mirrors its title on the paper and bumps the paper's version. */
export async function revisePaper(db: DbClient, input: RevisePaperInput) {
  const c = client(db);
  const createdAt = input.createdAt ?? new Date();
  const paper = await c.positionPaper.findUniqueOrThrow({
    where: { id: input.paperId },
    include: { revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  const latest = paper.revisions[0];
  const title = input.title ?? latest?.title ?? paper.title;
  const body = input.body ?? `${latest?.body ?? ""}\n\nRevised.`;
  const releaseLevel = input.releaseLevel ?? paper.releaseLevel;
  return c.positionPaper.update({
    where: { id: paper.id },
    data: {
      title,
      releaseLevel,
      releasedAt: paper.releasedAt ?? released(releaseLevel, undefined, createdAt),
      version: { increment: 1 },
      updatedAt: createdAt,
      revisions: {
        create: { number: (latest?.number ?? 0) + 1, title, body, releaseLevel, authorId: input.authorId, createdAt },
      },
    },
  });
}

export interface CreateStanceInput {
  issueId: string;
  sessionId: string;
  partyId: string;
  authorId: string;
  position?: number;
  rationale?: string;
  conditions?: string;
  redLine?: boolean;
  priority?: number;
  releaseLevel?: ReleaseLevel;
  /** Defaults to `createdAt` when released beyond the party. */
  releasedAt?: Date | null;
  createdAt?: Date;
}

/** A stance with its first revision (number 1). */
export async function createStance(db: DbClient, input: CreateStanceInput) {
  const createdAt = input.createdAt ?? new Date();
  const values = {
    position: input.position ?? 0,
    rationale: input.rationale ?? "",
    conditions: input.conditions ?? "",
    redLine: input.redLine ?? false,
    priority: input.priority ?? 2,
    releaseLevel: input.releaseLevel ?? "PARTY",
  };
  return client(db).stance.create({
    data: {
      issueId: input.issueId,
      sessionId: input.sessionId,
      partyId: input.partyId,
      ...values,
      releasedAt: released(values.releaseLevel, input.releasedAt, createdAt),
      createdAt,
      revisions: { create: { number: 1, ...values, authorId: input.authorId, createdAt } },
    },
  });
}

export interface ReviseStanceInput {
  stanceId: string;
  authorId: string;
  position?: number;
  rationale?: string;
  conditions?: string;
  redLine?: boolean;
  priority?: number;
  /** A new level; sets `releasedAt` the first time the stance leaves the party. */
  releaseLevel?: ReleaseLevel;
  createdAt?: Date;
}

/** Adds the next revision (unchanged fields carried over) and mirrors it on the stance. */
export async function reviseStance(db: DbClient, input: ReviseStanceInput) {
  const c = client(db);
  const createdAt = input.createdAt ?? new Date();
  const stance = await c.stance.findUniqueOrThrow({
    where: { id: input.stanceId },
    include: { revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } },
  });
  const values = {
    position: input.position ?? stance.position,
    rationale: input.rationale ?? stance.rationale,
    conditions: input.conditions ?? stance.conditions,
    redLine: input.redLine ?? stance.redLine,
    priority: input.priority ?? stance.priority,
    releaseLevel: input.releaseLevel ?? stance.releaseLevel,
  };
  return c.stance.update({
    where: { id: stance.id },
    data: {
      ...values,
      releasedAt: stance.releasedAt ?? released(values.releaseLevel, undefined, createdAt),
      version: { increment: 1 },
      updatedAt: createdAt,
      revisions: {
        create: { number: (stance.revisions[0]?.number ?? 0) + 1, ...values, authorId: input.authorId, createdAt },
      },
    },
  });
}

export interface CreateAssessmentInput {
  issueId: string;
  sessionId: string;
  agendaItemId: string;
  scholarId: string;
  position?: number;
  reasoning?: string;
  createdAt?: Date;
}

export async function createAssessment(db: DbClient, input: CreateAssessmentInput) {
  return client(db).assessment.create({
    data: {
      issueId: input.issueId,
      sessionId: input.sessionId,
      agendaItemId: input.agendaItemId,
      scholarId: input.scholarId,
      position: input.position ?? 0,
      reasoning: input.reasoning ?? "",
      createdAt: input.createdAt ?? new Date(),
    },
  });
}

export type CreateCommentInput = {
  authorId: string;
  body?: string;
  parentId?: string | null;
  resolvedAt?: Date | null;
  resolvedById?: string | null;
  withdrawnAt?: Date | null;
  createdAt?: Date;
} & ({ agendaItemId: string; paperId?: undefined } | { paperId: string; agendaItemId?: undefined });

/** A comment on exactly one agenda item or paper; give `parentId` to reply in a thread. */
export async function createComment(db: DbClient, input: CreateCommentInput) {
  return client(db).comment.create({
    data: {
      agendaItemId: input.agendaItemId ?? null,
      paperId: input.paperId ?? null,
      parentId: input.parentId ?? null,
      authorId: input.authorId,
      body: input.body ?? "A comment for the record.",
      resolvedAt: input.resolvedAt ?? null,
      resolvedById: input.resolvedById ?? null,
      withdrawnAt: input.withdrawnAt ?? null,
      createdAt: input.createdAt ?? new Date(),
    },
  });
}

export interface CreateMinutesInput {
  sessionId: string;
  authorId: string;
  body?: string;
  releasedAt?: Date | null;
  createdAt?: Date;
}

/** The session's minutes with their first revision (number 1). */
export async function createMinutes(db: DbClient, input: CreateMinutesInput) {
  const createdAt = input.createdAt ?? new Date();
  return client(db).minutes.create({
    data: {
      sessionId: input.sessionId,
      releasedAt: input.releasedAt ?? null,
      createdAt,
      revisions: {
        create: {
          number: 1,
          body: input.body ?? "## Summary of discussion\n\nDraft minutes.",
          authorId: input.authorId,
          createdAt,
        },
      },
    },
  });
}

export interface ReviseMinutesInput {
  minutesId: string;
  authorId: string;
  /** Defaults to the latest revision's body with a line added. */
  body?: string;
  createdAt?: Date;
}

/** Adds the next revision of a session's minutes and bumps their version. */
export async function reviseMinutes(db: DbClient, input: ReviseMinutesInput) {
  const c = client(db);
  const createdAt = input.createdAt ?? new Date();
  const minutes = await c.minutes.findUniqueOrThrow({
    where: { id: input.minutesId },
    include: { revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  const latest = minutes.revisions[0];
  return c.minutes.update({
    where: { id: minutes.id },
    data: {
      version: { increment: 1 },
      updatedAt: createdAt,
      revisions: {
        create: {
          number: (latest?.number ?? 0) + 1,
          body: input.body ?? `${latest?.body ?? ""}\n\nRevised.`,
          authorId: input.authorId,
          createdAt,
        },
      },
    },
  });
}

export interface SealSessionStancesInput {
  sessionId: string;
  /** Defaults to now. */
  sealedAt?: Date;
  /** Set to open the seal (every party submitted, or the convenor revealed). */
  revealedAt?: Date | null;
}

/** Sealed release: the session's stances stay with their own party until `revealedAt`. */
export async function sealSessionStances(db: DbClient, input: SealSessionStancesInput) {
  return client(db).session.update({
    where: { id: input.sessionId },
    data: { stancesSealedAt: input.sealedAt ?? new Date(), stancesRevealedAt: input.revealedAt ?? null, version: { increment: 1 } },
  });
}

export interface CreateSealSubmissionInput {
  sessionId: string;
  partyId: string;
  submittedById: string;
  submittedAt?: Date;
}

/** Records that a party has submitted its stances for a sealed session. */
export async function createSealSubmission(db: DbClient, input: CreateSealSubmissionInput) {
  return client(db).sealSubmission.create({
    data: {
      sessionId: input.sessionId,
      partyId: input.partyId,
      submittedById: input.submittedById,
      submittedAt: input.submittedAt ?? new Date(),
    },
  });
}

export interface CreateJointTextInput {
  sessionId: string;
  createdById: string;
  title?: string;
  kind?: JointTextKind;
  languageTag?: string;
  release?: JointTextRelease;
  /** Bodies of revisions 1…n in order (the structure of server/domain/joint-text); default one empty body. */
  revisions?: { body: unknown; tabled?: boolean; change?: unknown; createdAt?: Date }[];
  carriedFromId?: string | null;
  createdAt?: Date;
}

/** A joint text with its revisions; its version and currentRevision are the last revision's number. */
export async function createJointText(db: DbClient, input: CreateJointTextInput) {
  const createdAt = input.createdAt ?? new Date();
  const revisions = input.revisions ?? [{ body: { paragraphs: [] } }];
  let tabledNo = 0;
  const release = input.release ?? "DRAFT";
  return client(db).jointText.create({
    data: {
      sessionId: input.sessionId,
      createdById: input.createdById,
      title: input.title ?? `Joint text ${uniqueSuffix()}`,
      kind: input.kind ?? "JOINT_STATEMENT",
      languageTag: input.languageTag ?? "en",
      release,
      releasedAt: release === "DRAFT" ? null : createdAt,
      carriedFromId: input.carriedFromId ?? null,
      currentRevision: revisions.length,
      version: revisions.length,
      createdAt,
      revisions: {
        create: revisions.map((r, i) => ({
          number: i + 1,
          body: r.body as Prisma.InputJsonValue,
          change: (r.change ?? { op: i === 0 ? "created" : "edited", by: "chair" }) as Prisma.InputJsonValue,
          tabled: r.tabled ?? false,
          tabledNo: r.tabled ? ++tabledNo : null,
          authorId: input.createdById,
          createdAt: r.createdAt ?? createdAt,
        })),
      },
    },
  });
}

export interface CreateJointTextProposalInput {
  textId: string;
  partyId: string;
  authorId: string;
  kind: JointTextProposalKind;
  payload: unknown;
  note?: string;
}

/** A party's untabled (DRAFT) proposal on a joint text. */
export async function createJointTextProposal(db: DbClient, input: CreateJointTextProposalInput) {
  return client(db).jointTextProposal.create({
    data: { textId: input.textId, partyId: input.partyId, authorId: input.authorId, kind: input.kind, payload: input.payload as Prisma.InputJsonValue, note: input.note ?? "" },
  });
}
