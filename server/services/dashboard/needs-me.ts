import { viewerRoles, visibleCommentsWhere, visibleSessionsWhere, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { seriesTimelines } from "@/server/services/tracker/tracker";

/** Comments newer than this (and newer than the convenor's last visit to the thread) count as new. */
export const NEW_COMMENT_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The most new comments looked at, newest first: enough to say "12 new in 3 threads", bounded. */
const NEW_COMMENT_LIMIT = 200;

// Series names, parties and session titles come from the tracker's figures, loaded once per
// convened series anyway, so the lists below need no relation queries of their own.
const SESSION_REF = { id: true, title: true, startsAt: true, timeZone: true, seriesId: true } as const;

/**
 * "What needs me now" for a convenor, over the series they convene, and only from what they may
 * read (every query composes the access fragments): sealed sessions and the parties that have not
 * submitted, concluded sessions whose minutes are not released, new comments by others, issues
 * that turned BLOCKED or WIDENING at the series' last session, and coming sessions whose agenda is
 * not published. A viewer who convenes nothing gets empty lists. The query count does not grow with
 * sessions, comments or issues (one tracker figure set per convened series, shared with the tracker).
 */
export async function getConvenorNeeds(db: Db, viewer: Viewer, now = new Date()) {
  const convened = viewerRoles(viewer).convenor;
  if (convened.length === 0) return { convenes: false as const, seals: [], minutes: [], comments: [], turned: [], agendas: [] };
  const sessionsWhere = { AND: [visibleSessionsWhere(viewer), { seriesId: { in: convened } }] };
  const since = new Date(now.getTime() - NEW_COMMENT_DAYS * DAY_MS);

  const [sealed, unreleased, agendas, comments, visits, figures] = await Promise.all([
    db.session.findMany({
      where: { AND: [sessionsWhere, { stancesSealedAt: { not: null }, stancesRevealedAt: null }] },
      select: { ...SESSION_REF, sealSubmissions: { select: { partyId: true } } },
      orderBy: { startsAt: "asc" },
    }),
    db.session.findMany({
      where: {
        AND: [
          sessionsWhere,
          { OR: [{ status: "CONCLUDED" }, { endsAt: { lt: now } }] },
          { OR: [{ minutes: null }, { minutes: { releasedAt: null } }] },
        ],
      },
      select: { ...SESSION_REF, minutes: { select: { id: true } } },
      orderBy: { startsAt: "desc" },
      take: 20,
    }),
    db.session.findMany({
      where: { AND: [sessionsWhere, { agendaPublishedAt: null, endsAt: { gte: now }, status: { not: "CONCLUDED" } }] },
      select: SESSION_REF,
      orderBy: { startsAt: "asc" },
      take: 20,
    }),
    db.comment.findMany({
      where: {
        AND: [
          visibleCommentsWhere(viewer),
          { createdAt: { gte: since }, withdrawnAt: null, authorId: { not: viewer.userId } },
          { OR: [{ agendaItem: { session: { seriesId: { in: convened } } } }, { paper: { session: { seriesId: { in: convened } } } }] },
        ],
      },
      select: {
        createdAt: true,
        agendaItem: { select: { id: true, title: true, sessionId: true } },
        paper: { select: { id: true, title: true, sessionId: true } },
      },
      orderBy: { createdAt: "desc" },
      take: NEW_COMMENT_LIMIT,
    }),
    db.commentThreadVisit.findMany({ where: { userId: viewer.userId }, select: { targetKey: true, seenAt: true } }),
    Promise.all(convened.map((seriesId) => seriesTimelines(db, viewer, seriesId))),
  ]);

  const seriesById = new Map(figures.map((f) => [f.series.id, f] as const));
  const sessionById = new Map(figures.flatMap((f) => f.sessions.map((x) => [x.id, { id: x.id, title: x.title, seriesShortName: f.series.shortName }] as const)));
  const shortName = (seriesId: string) => seriesById.get(seriesId)?.series.shortName ?? "";
  const ref = (x: { id: string; title: string; startsAt: Date; timeZone: string; seriesId: string }) => ({
    id: x.id,
    title: x.title,
    startsAt: x.startsAt,
    timeZone: x.timeZone,
    seriesShortName: shortName(x.seriesId),
  });
  const seen = new Map(visits.map((v) => [v.targetKey, v.seenAt.getTime()] as const));
  type Thread = { kind: "item" | "paper"; id: string; title: string; sessionId: string; count: number; latestAt: Date };
  const threads = new Map<string, Thread>();
  for (const c of comments) {
    const target = c.agendaItem ? { kind: "item" as const, ...c.agendaItem } : c.paper ? { kind: "paper" as const, ...c.paper } : null;
    if (!target) continue;
    const key = `${target.kind}:${target.id}`;
    if ((seen.get(key) ?? 0) >= c.createdAt.getTime()) continue;
    const thread = threads.get(key);
    if (thread) thread.count += 1;
    else threads.set(key, { kind: target.kind, id: target.id, title: target.title, sessionId: target.sessionId, count: 1, latestAt: c.createdAt });
  }

  const turned = figures.flatMap((all) => {
    const held = all.sessions.filter((s) => s.startsAt.getTime() <= now.getTime());
    const last = held.at(-1);
    if (!last) return [];
    return all.issues.flatMap((issue) => {
      const points = all.timelines.get(issue.id) ?? [];
      const at = points.findIndex((p) => p.sessionId === last.id);
      if (at < 0) return [];
      const point = points[at]!;
      const before = at > 0 ? points[at - 1]!.status : null;
      if ((point.status !== "BLOCKED" && point.status !== "WIDENING") || before === point.status) return [];
      return [
        {
          issue: { id: issue.id, title: issue.title },
          series: { id: all.series.id, shortName: all.series.shortName },
          session: { id: last.id, title: last.title, startsAt: last.startsAt, timeZone: last.timeZone },
          status: point.status,
          previous: before,
        },
      ];
    });
  });

  return {
    convenes: true as const,
    seals: sealed.map((s) => {
      const submitted = new Set(s.sealSubmissions.map((x) => x.partyId));
      const parties = seriesById.get(s.seriesId)?.parties ?? [];
      return { session: ref(s), waitingFor: parties.filter((p) => !submitted.has(p.id)).map((p) => p.code) };
    }),
    minutes: unreleased.map((s) => ({
      session: ref(s),
      drafted: s.minutes !== null,
    })),
    comments: [...threads.values()].flatMap((t) => {
      const session = sessionById.get(t.sessionId);
      return session ? [{ kind: t.kind, id: t.id, title: t.title, count: t.count, latestAt: t.latestAt, session }] : [];
    }),
    turned,
    agendas: agendas.map((s) => ({ session: ref(s) })),
  };
}
