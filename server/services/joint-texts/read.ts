import type { Viewer } from "@/server/access";
import { can, membershipIn, orNotFound, visibleJointTextProposalsWhere, visibleJointTextsWhere, visibleSessionsWhere } from "@/server/access";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import {
  bracketsOf,
  CLEAN_SHARE_RULE,
  cleanParagraphs,
  figuresOf,
  isAgreed,
  notationText,
  parseBody,
  partyHolds,
  renderNotation,
  type JointBody,
} from "@/server/domain/joint-text";
import { readableText } from "@/server/services/joint-texts/shared";

// Reads of joint texts: every one through visibleJointTextsWhere / visibleJointTextProposalsWhere,
// so a party's untabled proposal never reaches another party, the chair or a scholar, and no
// figure counts it (figures come from the text's revisions only, which hold tabled material alone).

/** The viewer's party code in the series when they negotiate (a delegate), else null. */
async function negotiatingParty(db: Db, viewer: Viewer, seriesId: string): Promise<{ id: string; code: string } | null> {
  if (!can.negotiateJointText(viewer, seriesId)) return null;
  const partyId = membershipIn(viewer, seriesId)!.partyId!;
  return db.party.findUniqueOrThrow({ where: { id: partyId }, select: { id: true, code: true } });
}

/** The session's joint texts the viewer may read, with their current figures; what the chair may start. */
export async function listJointTexts(db: Db, viewer: Viewer, sessionId: string) {
  const session = await orNotFound(
    db.session.findFirst({ where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] }, select: { id: true, seriesId: true, status: true, startsAt: true } }),
    "Session not found",
  );
  const texts = await db.jointText.findMany({
    where: { AND: [{ sessionId }, visibleJointTextsWhere(viewer)] },
    select: { id: true, kind: true, title: true, languageTag: true, release: true, currentRevision: true, version: true, updatedAt: true, carriedFromId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const current = await db.jointTextRevision.findMany({
    where: { OR: texts.map((t) => ({ textId: t.id, number: t.currentRevision })) },
    select: { textId: true, body: true },
  });
  const bodies = new Map(current.map((r) => [r.textId, parseBody(r.body)]));
  const tabled = await db.jointTextRevision.groupBy({ by: ["textId"], where: { textId: { in: texts.map((t) => t.id) }, tabled: true }, _max: { tabledNo: true } });
  const tabledNo = new Map(tabled.map((t) => [t.textId, t._max.tabledNo ?? null]));
  const chair = can.chairJointText(viewer, session.seriesId);
  const open = session.status !== "CONCLUDED";
  // The chair may start a text from one of an earlier session of the series.
  const carryFrom =
    chair && open
      ? await db.jointText.findMany({
          where: { AND: [visibleJointTextsWhere(viewer), { session: { seriesId: session.seriesId, startsAt: { lt: session.startsAt } } }] },
          select: { id: true, title: true, kind: true, languageTag: true, session: { select: { title: true, startsAt: true } } },
          orderBy: [{ session: { startsAt: "desc" } }, { createdAt: "asc" }],
          take: 50,
        })
      : [];
  return {
    canCreate: chair && open,
    carryFrom: carryFrom.map((t) => ({ id: t.id, title: t.title, kind: t.kind, languageTag: t.languageTag, sessionTitle: t.session.title })),
    texts: texts.map((t) => ({ ...t, lastTabled: tabledNo.get(t.id) ?? null, figures: figuresOf(bodies.get(t.id) ?? { paragraphs: [] }) })),
  };
}

/** A body as the negotiating view shows it: each paragraph with its segments, template and state. */
function viewOf(body: JointBody) {
  const notation = renderNotation(body);
  return body.paragraphs.map((p, i) => ({
    id: p.id,
    number: i + 1,
    agreed: isAgreed(p),
    segments: p.segments,
    // The editable template (paragraphTemplate) and the whole-text notation (joinNotation) are
    // derived in the browser from these: a 60-paragraph text would otherwise send its words thrice.
    notation: notation.paragraphs[i]!,
  }));
}

/**
 * A joint text with its current revision as the negotiating view needs it (paragraphs, brackets,
 * holds, the clean view, the viewer's party's holds), its figures, the proposals the viewer may read,
 * and what the viewer may do. NOT_FOUND unless the viewer may read the text.
 */
export async function getJointText(db: Db, viewer: Viewer, textId: string) {
  const text = await readableText(db, viewer, textId);
  const seriesId = text.session.seriesId;
  const current = await db.jointTextRevision.findUniqueOrThrow({ where: { textId_number: { textId, number: text.currentRevision } }, select: { id: true, body: true } });
  const body = parseBody(current.body);
  const [party, proposals, lastTabled, carriedFrom] = await Promise.all([
    negotiatingParty(db, viewer, seriesId),
    db.jointTextProposal.findMany({
      where: { AND: [{ textId }, visibleJointTextProposalsWhere(viewer)] },
      select: { id: true, kind: true, payload: true, note: true, status: true, tabledAt: true, tabledRevision: true, createdAt: true, version: true, party: { select: { code: true } } },
      orderBy: { createdAt: "desc" },
    }),
    db.jointTextRevision.findFirst({ where: { textId, tabled: true }, orderBy: { number: "desc" }, select: { number: true, tabledNo: true, createdAt: true } }),
    text.carriedFromId
      ? db.jointText.findFirst({ where: { AND: [{ id: text.carriedFromId }, visibleJointTextsWhere(viewer)] }, select: { id: true, title: true, session: { select: { title: true } } } })
      : null,
  ]);
  const locked = text.session.status === "CONCLUDED";
  const chair = can.chairJointText(viewer, seriesId);
  return {
    ...text,
    /** The revision shown (for the read log). */
    currentRevisionId: current.id,
    carriedFrom: carriedFrom ? { id: carriedFrom.id, title: carriedFrom.title, sessionTitle: carriedFrom.session.title } : null,
    lastTabled,
    paragraphs: viewOf(body),
    clean: cleanParagraphs(body),
    footnotes: renderNotation(body).footnotes,
    figures: figuresOf(body),
    figuresRule: CLEAN_SHARE_RULE,
    brackets: bracketsOf(body).map((b) => ({ id: b.bracket.id, paragraphNo: b.paragraphIndex + 1, holds: b.bracket.holds, options: b.bracket.options })),
    party: party ? { code: party.code, holds: partyHolds(body, party.code) } : null,
    proposals: proposals.map(({ party: p, ...rest }) => ({ ...rest, party: p.code, own: party?.code === p.code })),
    locked,
    /** The viewer chairs the text (a convenor of its series) and it is not locked. */
    canChair: chair && !locked,
    /** The viewer convenes the text's series (sees its read log), locked or not. */
    convenes: chair,
    /** The viewer negotiates for a party (a delegate) and the text is open to the parties. */
    canNegotiate: party !== null && !locked && text.release !== "DRAFT",
  };
}

/** The revisions the viewer may read (all of a readable text's), newest first, with the figures of each for the trend. */
export async function listJointTextRevisions(db: Db, viewer: Viewer, textId: string) {
  const text = await readableText(db, viewer, textId);
  const rows = await db.jointTextRevision.findMany({
    where: { textId: text.id },
    select: { number: true, tabled: true, tabledNo: true, change: true, createdAt: true, body: true },
    orderBy: { number: "desc" },
  });
  // No person's name: a revision says whether the chair or which party made it (Chatham House safe).
  return rows.map(({ body, change, ...r }) => ({ ...r, change: change as { op: string; by: string }, figures: figuresOf(parseBody(body)) }));
}

/** Two revisions in the conventional notation (for the jsdiff compare), with their figures. */
export async function compareJointTextRevisions(db: Db, viewer: Viewer, input: { textId: string; from: number; to: number }) {
  const text = await readableText(db, viewer, input.textId);
  const rows = await db.jointTextRevision.findMany({
    where: { textId: text.id, number: { in: [input.from, input.to] } },
    select: { number: true, tabled: true, tabledNo: true, createdAt: true, body: true },
  });
  const pick = (n: number) => {
    const row = rows.find((r) => r.number === n);
    if (!row) throw notFound("Revision not found");
    const body = parseBody(row.body);
    return { number: row.number, tabled: row.tabled, tabledNo: row.tabledNo, createdAt: row.createdAt, text: notationText(body), figures: figuresOf(body) };
  };
  return { from: pick(input.from), to: pick(input.to) };
}
