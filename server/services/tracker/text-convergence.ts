import { requireMembership, visibleJointTextsWhere, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { figuresOf, parseBody } from "@/server/domain/joint-text";
import { notFound } from "@/server/errors";
import { cachedInSeries, seriesOfSession } from "@/server/services/tracker/cache";

/*
 * Text convergence (DESIGN.md "Joint texts": figures "shown in the tracker beside stance
 * convergence, computed only from what the viewer may read"): per joint text the viewer may read,
 * its clean share and agreed paragraphs now and at each revision, for a small trend.
 *
 * Texts come through visibleJointTextsWhere (a DRAFT text counts for convenors only; scholars see
 * ALL_PARTICIPANTS texts of sessions they are invited to); figures come from the text's revisions,
 * which hold tabled material alone, so a party's untabled proposal moves nothing here. Two queries,
 * whatever the number of texts and revisions, held under the series' content stamp (which the
 * joint-text tables bump) for viewers of the same visibility class.
 */

export type TextTrendPoint = { revision: number; tabledNo: number | null; cleanShare: number; agreedParagraphs: number; paragraphs: number };

export type TextConvergenceRow = {
  id: string;
  title: string;
  kind: string;
  release: string;
  session: { id: string; title: string; startsAt: Date; timeZone: string };
  revision: number;
  lastTabled: number | null;
  cleanShare: number;
  agreedParagraphs: number;
  paragraphs: number;
  brackets: number;
  /** One point per revision from the first with any words, oldest first. */
  trend: TextTrendPoint[];
};

async function computeTextConvergence(db: Db, viewer: Viewer, seriesId: string): Promise<{ texts: TextConvergenceRow[] }> {
  const texts = await db.jointText.findMany({
    where: { AND: [visibleJointTextsWhere(viewer), { session: { seriesId } }] },
    select: {
      id: true,
      title: true,
      kind: true,
      release: true,
      currentRevision: true,
      session: { select: { id: true, title: true, startsAt: true, timeZone: true } },
    },
    orderBy: [{ session: { startsAt: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
  });
  // Always run, even for no text: the view's query count stays the same whatever the series holds.
  const revisions = await db.jointTextRevision.findMany({
    where: { textId: { in: texts.map((t) => t.id) } },
    select: { textId: true, number: true, tabledNo: true, body: true },
    orderBy: [{ textId: "asc" }, { number: "asc" }],
  });
  const trends = new Map<string, TextTrendPoint[]>();
  const current = new Map<string, ReturnType<typeof figuresOf>>();
  const revisionOf = new Map(texts.map((t) => [t.id, t.currentRevision]));
  for (const r of revisions) {
    const f = figuresOf(parseBody(r.body));
    if (r.number === revisionOf.get(r.textId)) current.set(r.textId, f);
    const list = trends.get(r.textId) ?? [];
    // From the first revision with any words: an empty text counts as clean, which says nothing.
    if (list.length === 0 && f.totalWords === 0) continue;
    list.push({ revision: r.number, tabledNo: r.tabledNo, cleanShare: f.cleanShare, agreedParagraphs: f.agreedParagraphs, paragraphs: f.paragraphs });
    trends.set(r.textId, list);
  }
  return {
    texts: texts.map((t) => {
      // Revisions written after the text was read (a concurrent change) wait for the next read.
      const trend = (trends.get(t.id) ?? []).filter((p) => p.revision <= t.currentRevision);
      const figures = current.get(t.id) ?? figuresOf({ paragraphs: [] });
      return {
        id: t.id,
        title: t.title,
        kind: t.kind,
        release: t.release,
        session: t.session,
        revision: t.currentRevision,
        lastTabled: trend.reduce<number | null>((n, p) => p.tabledNo ?? n, null),
        cleanShare: figures.cleanShare,
        agreedParagraphs: figures.agreedParagraphs,
        paragraphs: figures.paragraphs,
        brackets: figures.brackets,
        trend,
      };
    }),
  };
}

/**
 * The series' joint texts the viewer may read with their convergence; with a session, only that
 * session's (NOT_FOUND unless the viewer may see the session and it is of this series).
 */
export async function getTextConvergence(db: Db, viewer: Viewer, input: { seriesId: string; sessionId?: string }) {
  requireMembership(viewer, input.seriesId);
  if (input.sessionId && (await seriesOfSession(db, viewer, input.sessionId)) !== input.seriesId) throw notFound("Session not found");
  const all = await cachedInSeries(db, viewer, input.seriesId, "textConvergence", () => computeTextConvergence(db, viewer, input.seriesId));
  return input.sessionId ? { texts: all.texts.filter((t) => t.session.id === input.sessionId) } : all;
}

export type TextConvergence = Awaited<ReturnType<typeof getTextConvergence>>;
