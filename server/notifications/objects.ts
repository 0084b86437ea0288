import type { NotificationKind } from "@/prisma/generated/client";
import { jointTextMarking, releaseMarking } from "@/lib/marking";
import enNotifications from "@/lib/i18n/messages/en/notifications.json";
import type { Db } from "@/server/db";
import {
  visibleAgendaItemsWhere,
  visibleCommentsWhere,
  visibleInvitationsWhere,
  visibleJointTextsWhere,
  visibleMinutesWhere,
  visiblePaperRevisionsWhere,
  visiblePapersWhere,
  visibleSessionsWhere,
  visibleStancesWhere,
  type Viewer,
} from "@/server/access";
import type { NotifiedObjectType } from "@/server/notifications/kinds";

// What a notification says of its object, for one reader, read through server/access: an object
// the reader may not read now is simply absent — it is never shown, counted or emailed. Titles are
// read here, at showing or sending time, never stored with the notification: a later draft's title
// or a withdrawn release cannot travel through an old notification.

const EN_HEADLINES: Record<HeadlineVariant, string> = enNotifications.notifications.headline;

export type NotifiedObject = {
  type: NotifiedObjectType;
  id: string;
  /** What the object is called, as the reader may read it. */
  title: string;
  /** Where it opens (a path in the app). */
  href: string;
  seriesId: string;
  seriesShortName: string;
  /** The series follows the Chatham House rule: no person is named. */
  chathamHouse: boolean;
  /** The release marking of a paper, stance, minutes or joint text; null for the rest. */
  marking: string | null;
};

export type ObjectRef = { type: string; id: string };

type SeriesFacts = { id: string; shortName: string; attribution: string };
const SERIES = { select: { id: true, shortName: true, attribution: true } } as const;

function base(series: SeriesFacts) {
  return { seriesId: series.id, seriesShortName: series.shortName, chathamHouse: series.attribution === "CHATHAM_HOUSE" };
}

type Describer = (db: Db, viewer: Viewer, ids: string[]) => Promise<NotifiedObject[]>;

const DESCRIBERS: Record<NotifiedObjectType, Describer> = {
  async session(db, viewer, ids) {
    const rows = await db.session.findMany({ where: { AND: [{ id: { in: ids } }, visibleSessionsWhere(viewer)] }, select: { id: true, title: true, series: SERIES } });
    return rows.map((s) => ({ type: "session", id: s.id, title: s.title, href: `/sessions/${s.id}`, marking: null, ...base(s.series) }));
  },
  async agendaItem(db, viewer, ids) {
    const rows = await db.agendaItem.findMany({
      where: { AND: [{ id: { in: ids } }, visibleAgendaItemsWhere(viewer)] },
      select: { id: true, title: true, sessionId: true, session: { select: { title: true, series: SERIES } } },
    });
    return rows.map((i) => ({ type: "agendaItem", id: i.id, title: `${i.title} (${i.session.title})`, href: `/sessions/${i.sessionId}/items/${i.id}`, marking: null, ...base(i.session.series) }));
  },
  async paper(db, viewer, ids) {
    const papers = await db.positionPaper.findMany({
      where: { AND: [{ id: { in: ids } }, visiblePapersWhere(viewer)] },
      select: { id: true, releaseLevel: true, party: { select: { code: true } }, session: { select: { series: SERIES } } },
    });
    if (papers.length === 0) return [];
    // The title of the latest revision the reader may read, never a later draft's.
    const revisions = await db.paperRevision.findMany({
      where: { AND: [{ paperId: { in: papers.map((p) => p.id) } }, visiblePaperRevisionsWhere(viewer)] },
      orderBy: [{ paperId: "asc" }, { number: "desc" }],
      distinct: ["paperId"],
      select: { paperId: true, title: true, releaseLevel: true },
    });
    const latest = new Map(revisions.map((r) => [r.paperId, r]));
    return papers.flatMap((p) => {
      const revision = latest.get(p.id);
      if (!revision) return [];
      const series = p.session.series;
      return [
        {
          type: "paper" as const,
          id: p.id,
          title: revision.title,
          href: `/papers/${p.id}`,
          marking: releaseMarking({ seriesShortName: series.shortName, level: revision.releaseLevel, partyCode: p.party?.code, attribution: series.attribution }),
          ...base(series),
        },
      ];
    });
  },
  async stance(db, viewer, ids) {
    const rows = await db.stance.findMany({
      where: { AND: [{ id: { in: ids } }, visibleStancesWhere(viewer)] },
      select: { id: true, sessionId: true, releaseLevel: true, party: { select: { code: true } }, issue: { select: { title: true } }, session: { select: { series: SERIES } } },
    });
    return rows.map((s) => ({
      type: "stance",
      id: s.id,
      title: `${s.party.code} stance on “${s.issue.title}”`,
      href: `/sessions/${s.sessionId}/stances`,
      marking: releaseMarking({ seriesShortName: s.session.series.shortName, level: s.releaseLevel, partyCode: s.party.code, attribution: s.session.series.attribution }),
      ...base(s.session.series),
    }));
  },
  async minutes(db, viewer, ids) {
    const rows = await db.minutes.findMany({
      where: { AND: [{ id: { in: ids } }, visibleMinutesWhere(viewer)] },
      select: { id: true, sessionId: true, releasedAt: true, session: { select: { title: true, series: SERIES } } },
    });
    return rows.map((m) => ({
      type: "minutes",
      id: m.id,
      title: `Minutes of ${m.session.title}`,
      href: `/sessions/${m.sessionId}/minutes`,
      marking: releaseMarking({ seriesShortName: m.session.series.shortName, level: m.releasedAt ? "GOVERNMENTS" : "CONVENORS", attribution: m.session.series.attribution }),
      ...base(m.session.series),
    }));
  },
  async jointText(db, viewer, ids) {
    const rows = await db.jointText.findMany({
      where: { AND: [{ id: { in: ids } }, visibleJointTextsWhere(viewer)] },
      select: { id: true, title: true, release: true, currentRevision: true, session: { select: { series: SERIES } } },
    });
    return rows.map((t) => ({
      type: "jointText",
      id: t.id,
      title: `${t.title} (Rev. ${t.currentRevision})`,
      href: `/joint-texts/${t.id}`,
      marking: jointTextMarking({ seriesShortName: t.session.series.shortName, release: t.release, attribution: t.session.series.attribution }),
      ...base(t.session.series),
    }));
  },
  async comment(db, viewer, ids) {
    const rows = await db.comment.findMany({
      where: { AND: [{ id: { in: ids } }, visibleCommentsWhere(viewer)] },
      select: {
        id: true,
        agendaItem: { select: { id: true, title: true, sessionId: true, session: { select: { series: SERIES } } } },
        paper: { select: { id: true, session: { select: { series: SERIES } } } },
        jointText: { select: { id: true, title: true, session: { select: { series: SERIES } } } },
      },
    });
    // A paper's title as the reader may read it (the comment is readable, so the paper is).
    const paperTitles = new Map(
      (await DESCRIBERS.paper(db, viewer, rows.flatMap((c) => (c.paper ? [c.paper.id] : [])))).map((p) => [p.id, p.title]),
    );
    return rows.flatMap((c): NotifiedObject[] => {
      const anchor = `#comment-${c.id}`;
      if (c.agendaItem) {
        const i = c.agendaItem;
        return [{ type: "comment", id: c.id, title: i.title, href: `/sessions/${i.sessionId}/items/${i.id}${anchor}`, marking: null, ...base(i.session.series) }];
      }
      if (c.paper) {
        const title = paperTitles.get(c.paper.id);
        if (!title) return [];
        return [{ type: "comment", id: c.id, title, href: `/papers/${c.paper.id}${anchor}`, marking: null, ...base(c.paper.session.series) }];
      }
      if (c.jointText) {
        const t = c.jointText;
        return [{ type: "comment", id: c.id, title: t.title, href: `/joint-texts/${t.id}${anchor}`, marking: null, ...base(t.session.series) }];
      }
      return [];
    });
  },
  async invitation(db, viewer, ids) {
    const rows = await db.invitation.findMany({
      where: { AND: [{ id: { in: ids } }, visibleInvitationsWhere(viewer)] },
      select: { id: true, role: true, acceptedBy: { select: { name: true } }, party: { select: { code: true } }, series: SERIES },
    });
    return rows.map((i) => {
      const role = `${i.party ? `${i.party.code} ` : ""}${i.role.toLowerCase()}`;
      const who = i.series.attribution === "CHATHAM_HOUSE" || !i.acceptedBy ? "An invited member" : i.acceptedBy.name;
      return { type: "invitation", id: i.id, title: `${who} joined ${i.series.shortName} as ${role}`, href: `/series/${i.series.id}/members`, marking: null, ...base(i.series) };
    });
  },
};

export function isNotifiedObjectType(type: string): type is NotifiedObjectType {
  return Object.hasOwn(DESCRIBERS, type);
}

/** The objects the viewer may read now, described; one or two queries per type present. */
export async function describeObjects(db: Db, viewer: Viewer, refs: ObjectRef[]): Promise<Map<string, NotifiedObject>> {
  const byType = new Map<NotifiedObjectType, Set<string>>();
  for (const ref of refs) {
    if (!isNotifiedObjectType(ref.type)) continue;
    const set = byType.get(ref.type) ?? new Set<string>();
    set.add(ref.id);
    byType.set(ref.type, set);
  }
  const out = new Map<string, NotifiedObject>();
  for (const [type, ids] of byType) {
    for (const object of await DESCRIBERS[type](db, viewer, [...ids])) out.set(objectKey(object), object);
  }
  return out;
}

export function objectKey(ref: ObjectRef): string {
  return `${ref.type}:${ref.id}`;
}

/** Which sentence tells of a notification (the inbox's catalogue keys; notificationHeadline in English). */
export type HeadlineVariant = "AGENDA_PUBLISHED" | "AGENDA_REORDERED" | "AGENDA_ITEM_ADDED" | "AGENDA_ITEM_CHANGED" | Exclude<NotificationKind, "AGENDA">;

export function headlineVariant(kind: NotificationKind, object: Pick<NotifiedObject, "type">, action: string): HeadlineVariant {
  if (kind !== "AGENDA") return kind;
  if (object.type === "session") return action === "agenda.reordered" ? "AGENDA_REORDERED" : "AGENDA_PUBLISHED";
  return action === "agenda.item_created" ? "AGENDA_ITEM_ADDED" : "AGENDA_ITEM_CHANGED";
}

/**
 * What the notification says happened, in a line, in English (email; the inbox says it in the
 * reader's language from the same catalogue entry). No person is named: it reads the same to everyone.
 */
export function notificationHeadline(kind: NotificationKind, object: NotifiedObject, action: string): string {
  const sentence = EN_HEADLINES[headlineVariant(kind, object, action)];
  return sentence.replace("{title}", object.title);
}

/** Where a notification of this kind opens its object. */
export function notificationHref(kind: NotificationKind, object: NotifiedObject): string {
  if (kind === "SEAL_OPENED" && object.type === "session") return `${object.href}/stances`;
  return object.href;
}
