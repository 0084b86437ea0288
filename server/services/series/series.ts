import { SERIES_SESSIONS_PAGE_SIZE } from "@/lib/schemas/sessions";
import type { Prisma } from "@/prisma/generated/client";
import {
  can,
  visibleIssuesWhere,
  visibleMembershipsWhere,
  visibleSeriesWhere,
  visibleSessionsWhere,
  type Viewer,
  type ViewerMembership,
} from "@/server/access";
import type { Db } from "@/server/db";
import { SESSION_CARD } from "@/server/services/sessions/select";
import { cachedInSeries } from "@/server/services/tracker/cache";

/** A series' parties in the series' order (by code). */
export const SERIES_PARTIES = {
  select: { party: { select: { id: true, code: true, name: true } } },
  orderBy: { party: { code: "asc" } },
} satisfies Prisma.Series$partiesArgs;

/** A series with its parties in the series' order, the shape every series header shows. */
export const SERIES_WITH_PARTIES = {
  id: true,
  name: true,
  shortName: true,
  track: true,
  attribution: true,
  illustrative: true,
  archivedAt: true,
  parties: SERIES_PARTIES,
} satisfies Prisma.SeriesSelect;

/** The series the viewer belongs to. */
export function listSeries(db: Db, viewer: Viewer) {
  return db.series.findMany({ where: visibleSeriesWhere(viewer), select: SERIES_WITH_PARTIES, orderBy: { shortName: "asc" } });
}

/** A series page: what the viewer may see of its sessions, issues and members. */
export async function getSeries(db: Db, viewer: Viewer, membership: ViewerMembership) {
  return cachedInSeries(db, viewer, membership.seriesId, "series.get", () => readSeries(db, viewer, membership));
}

async function readSeries(db: Db, viewer: Viewer, membership: ViewerMembership) {
  const seriesId = membership.seriesId;
  const [series, issues, members] = await Promise.all([
    db.series.findUniqueOrThrow({ where: { id: seriesId }, select: { ...SERIES_WITH_PARTIES, description: true } }),
    db.issue.findMany({
      where: { AND: [visibleIssuesWhere(viewer), { seriesId, archivedAt: null }] },
      select: { id: true, title: true, kind: true, topic: true, scaleMin: true, scaleMax: true },
      orderBy: [{ kind: "asc" }, { title: "asc" }],
    }),
    db.membership.findMany({
      where: { AND: [visibleMembershipsWhere(viewer), { seriesId }] },
      select: {
        id: true,
        role: true,
        affiliation: true,
        party: { select: { code: true, name: true } },
        user: { select: { id: true, name: true } },
      },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    }),
  ]);
  return {
    ...series,
    parties: series.parties.map((p) => p.party),
    myRole: membership.role,
    myPartyId: membership.partyId,
    /** What the viewer may change here (server/access/can.ts), for the pages to offer. */
    may: {
      manageSessions: can.manageSessions(viewer, seriesId),
      editIssue: can.editIssue(viewer, seriesId),
      manageMembers: can.manageMembers(viewer, seriesId),
      readAudit: can.readAudit(viewer, seriesId),
    },
    issues,
    members,
  };
}

/** A page of the series' sessions the viewer may see, newest first, with where it stands. */
export async function listSeriesSessions(db: Db, viewer: Viewer, seriesId: string, page: number) {
  return cachedInSeries(db, viewer, seriesId, `series.sessions\u0000${page}`, () => readSeriesSessions(db, viewer, seriesId, page));
}

async function readSeriesSessions(db: Db, viewer: Viewer, seriesId: string, page: number) {
  const where = { AND: [visibleSessionsWhere(viewer), { seriesId }] };
  const [total, rows] = await Promise.all([
    db.session.count({ where }),
    db.session.findMany({
      where,
      select: SESSION_CARD,
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * SERIES_SESSIONS_PAGE_SIZE,
      take: SERIES_SESSIONS_PAGE_SIZE,
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / SERIES_SESSIONS_PAGE_SIZE));
  return { rows, page, pages, total };
}
