import type { ReadLogForObjectInput } from "@/lib/schemas/read-log";
import {
  can,
  visibleJointTextsWhere,
  visibleMembershipsWhere,
  visibleMinutesWhere,
  visiblePapersWhere,
  visibleStancesWhere,
  type Viewer,
} from "@/server/access";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";

/*
 * Who read an object (README "Read log"): for the owning party's delegates on a party's paper or
 * stance (a scholar's own paper: its author), and for the series' convenors on minutes and joint
 * texts. Anyone else — including a reader of the object who does not own it — gets NOT_FOUND,
 * exactly like a missing id.
 *
 * Readers are named only when they are members of the object's series whom the viewer may see in
 * the member list; everyone else is counted as "others", so the log never tells that a reader
 * belongs to another series. Under Chatham House no name is given: parties and counts only.
 * The log is never part of an export.
 */

export type ReadLogReader = { name: string; partyCode: string | null; views: number; downloads: number; lastReadAt: Date };

export type ReadLogSummary = {
  /** Distinct people who read the object (views or downloads). */
  people: number;
  /** Distinct parties among the readers named or counted by party. */
  parties: number;
  views: number;
  downloads: number;
  chathamHouse: boolean;
  /** Named readers, latest first; empty under Chatham House. */
  readers: ReadLogReader[];
  /** People per party (members of the series with a party), for Chatham House and the summary. */
  byParty: { code: string; name: string; people: number }[];
  /** Readers the viewer may not see in this series' member list, or without a party. */
  others: number;
};

type Subject = { seriesId: string; attribution: string };

async function subjectFor(db: Db, viewer: Viewer, input: ReadLogForObjectInput): Promise<Subject> {
  const { objectType, objectId } = input;
  if (objectType === "paper") {
    const paper = await db.positionPaper.findFirst({
      where: { AND: [{ id: objectId }, visiblePapersWhere(viewer)] },
      select: { partyId: true, authorId: true, session: { select: { seriesId: true, series: { select: { attribution: true } } } } },
    });
    if (paper && can.editPaper(viewer, { seriesId: paper.session.seriesId, partyId: paper.partyId, authorId: paper.authorId })) {
      return { seriesId: paper.session.seriesId, attribution: paper.session.series.attribution };
    }
  } else if (objectType === "stance") {
    const stance = await db.stance.findFirst({
      where: { AND: [{ id: objectId }, visibleStancesWhere(viewer)] },
      select: { partyId: true, session: { select: { seriesId: true, series: { select: { attribution: true } } } } },
    });
    if (stance && can.editStance(viewer, { seriesId: stance.session.seriesId, partyId: stance.partyId })) {
      return { seriesId: stance.session.seriesId, attribution: stance.session.series.attribution };
    }
  } else if (objectType === "minutes") {
    const minutes = await db.minutes.findFirst({
      where: { AND: [{ id: objectId }, visibleMinutesWhere(viewer)] },
      select: { session: { select: { seriesId: true, series: { select: { attribution: true } } } } },
    });
    if (minutes && can.readAudit(viewer, minutes.session.seriesId)) {
      return { seriesId: minutes.session.seriesId, attribution: minutes.session.series.attribution };
    }
  } else {
    const text = await db.jointText.findFirst({
      where: { AND: [{ id: objectId }, visibleJointTextsWhere(viewer)] },
      select: { session: { select: { seriesId: true, series: { select: { attribution: true } } } } },
    });
    if (text && can.chairJointText(viewer, text.session.seriesId)) {
      return { seriesId: text.session.seriesId, attribution: text.session.series.attribution };
    }
  }
  throw notFound("Not found");
}

export async function readLogForObject(db: Db, viewer: Viewer, input: ReadLogForObjectInput): Promise<ReadLogSummary> {
  const subject = await subjectFor(db, viewer, input);
  const rows = await db.readEvent.groupBy({
    by: ["userId", "kind"],
    where: { objectType: input.objectType, objectId: input.objectId },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  const perUser = new Map<string, { views: number; downloads: number; lastReadAt: Date }>();
  for (const r of rows) {
    const entry = perUser.get(r.userId) ?? { views: 0, downloads: 0, lastReadAt: new Date(0) };
    if (r.kind === "download") entry.downloads += r._count._all;
    else entry.views += r._count._all;
    if (r._max.createdAt && r._max.createdAt > entry.lastReadAt) entry.lastReadAt = r._max.createdAt;
    perUser.set(r.userId, entry);
  }
  // Only members of this series the viewer may see in its member list; nothing about other series.
  const members = perUser.size
    ? await db.membership.findMany({
        where: { AND: [visibleMembershipsWhere(viewer), { seriesId: subject.seriesId, userId: { in: [...perUser.keys()] } }] },
        select: { userId: true, user: { select: { name: true } }, party: { select: { code: true, name: true } } },
      })
    : [];
  const memberOf = new Map(members.map((m) => [m.userId, m]));
  const chathamHouse = subject.attribution === "CHATHAM_HOUSE";
  const readers: ReadLogReader[] = [];
  const byParty = new Map<string, { code: string; name: string; people: number }>();
  let others = 0;
  let views = 0;
  let downloads = 0;
  for (const [userId, entry] of perUser) {
    views += entry.views;
    downloads += entry.downloads;
    const m = memberOf.get(userId);
    if (!m) {
      others++;
      continue;
    }
    if (m.party) {
      const p = byParty.get(m.party.code) ?? { code: m.party.code, name: m.party.name, people: 0 };
      p.people++;
      byParty.set(m.party.code, p);
    }
    if (!chathamHouse) readers.push({ name: m.user.name, partyCode: m.party?.code ?? null, ...entry });
    else if (!m.party) others++;
  }
  readers.sort((a, b) => b.lastReadAt.getTime() - a.lastReadAt.getTime() || a.name.localeCompare(b.name));
  return {
    people: perUser.size,
    parties: byParty.size,
    views,
    downloads,
    chathamHouse,
    readers,
    byParty: [...byParty.values()].sort((a, b) => a.code.localeCompare(b.code)),
    others,
  };
}
