import { beforeAll, describe, expect, it } from "vitest";
import {
  loadViewer,
  visibleAgendaItemsWhere,
  visibleCommentsWhere,
  visibleIssuesWhere,
  visiblePaperRevisionsWhere,
  visiblePapersWhere,
  visibleStanceRevisionsWhere,
  visibleSessionsWhere,
  visibleStancesWhere,
  type Viewer,
} from "@/server/access";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { callerFor, outcomeOf, signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// Each rule of DESIGN.md "Release levels", on a world of two bilateral series and a trilateral one.
const db = testDb();
let w: FixtureWorld;
const viewers: Record<string, Viewer> = {};

async function viewer(key: keyof FixtureWorld["users"]): Promise<Viewer> {
  if (!viewers[key]) {
    const v = await loadViewer(db, w.users[key].id, signedInNow());
    if (!v) throw new Error(`${key} has no viewer`);
    viewers[key] = v;
  }
  return viewers[key];
}

const ids = <T extends { id: string }>(rows: T[]) => rows.map((r) => r.id).sort();

async function seen(key: keyof FixtureWorld["users"]) {
  const v = await viewer(key);
  const [sessions, items, issues, papers, stances, released, comments] = await Promise.all([
    db.session.findMany({ where: visibleSessionsWhere(v), select: { id: true, seriesId: true } }),
    db.agendaItem.findMany({ where: visibleAgendaItemsWhere(v), select: { id: true, session: { select: { seriesId: true } } } }),
    db.issue.findMany({ where: visibleIssuesWhere(v), select: { id: true, seriesId: true } }),
    db.positionPaper.findMany({ where: visiblePapersWhere(v), select: { id: true, partyId: true, releaseLevel: true } }),
    db.stance.findMany({ where: visibleStancesWhere(v), select: { id: true, partyId: true, releaseLevel: true } }),
    db.stance.findMany({ where: visibleStancesWhere(v, { releasedOnly: true }), select: { id: true } }),
    db.comment.findMany({ where: visibleCommentsWhere(v), select: { id: true } }),
  ]);
  return { sessions, items, issues, papers, stances, released, comments };
}

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

describe("series membership", () => {
  it("a ROK delegate sees nothing of the US-Japan EDD, on any path", async () => {
    const s = await seen("krDelegate");
    const edd = w.series.edd.id;
    expect(s.sessions.filter((x) => x.seriesId === edd)).toEqual([]);
    expect(s.items.filter((x) => x.session.seriesId === edd)).toEqual([]);
    expect(s.issues.filter((x) => x.seriesId === edd)).toEqual([]);
    const eddPapers = await db.positionPaper.findMany({ where: { session: { seriesId: edd } }, select: { id: true } });
    expect(eddPapers.length).toBeGreaterThan(0);
    expect(ids(s.papers).some((id) => ids(eddPapers).includes(id))).toBe(false);

    const kr = await callerFor(db, w.users.krDelegate.id);
    expect((await kr.series.list()).map((x) => x.shortName)).toEqual(["EDSCG", "TRI"]);
    expect(await outcomeOf(() => kr.series.get({ seriesId: edd }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => kr.session.get({ sessionId: w.sessions.eddPublished.id }))).toBe("NOT_FOUND");
    const dashboard = await kr.dashboard.get();
    expect(dashboard.series.map((x) => x.shortName)).not.toContain("EDD");
    expect(dashboard.upcoming.every((x) => x.series.shortName !== "EDD")).toBe(true);
    expect((await kr.tracker.overview()).rows.every((x) => x.series.id !== edd)).toBe(true);
  });

  it("a Japanese delegate sees nothing of the US-ROK EDSCG", async () => {
    const s = await seen("jpDelegate");
    expect(s.sessions.some((x) => x.seriesId === w.series.edscg.id)).toBe(false);
    expect(s.items.some((x) => x.session.seriesId === w.series.edscg.id)).toBe(false);
    const jp = await callerFor(db, w.users.jpDelegate.id);
    expect(await outcomeOf(() => jp.series.get({ seriesId: w.series.edscg.id }))).toBe("NOT_FOUND");
  });

  it("a removed member and an outsider see nothing; a deactivated account has no viewer at all", async () => {
    const removed = await seen("removedDelegate");
    const outsider = await seen("outsider");
    for (const s of [removed, outsider]) {
      expect(s.sessions).toEqual([]);
      expect(s.items).toEqual([]);
      expect(s.papers).toEqual([]);
      expect(s.stances).toEqual([]);
      expect(s.comments).toEqual([]);
    }
    expect(await loadViewer(db, w.users.deactivated.id, Date.now())).toBeNull();
  });

  it("an administrator has no automatic access to delegation material", async () => {
    const s = await seen("admin");
    expect(s.sessions).toEqual([]);
    expect(s.papers).toEqual([]);
    expect(s.stances).toEqual([]);
  });
});

describe("release levels", () => {
  it("a PARTY draft is visible to its own party's delegates only", async () => {
    const draft = w.papers.eddJpParty.id;
    expect(ids((await seen("jpDelegate")).papers)).toContain(draft);
    for (const other of ["usDelegate", "eddConvenor", "observer", "scholarA", "krDelegate"] as const) {
      expect(ids((await seen(other)).papers)).not.toContain(draft);
    }
    const stance = w.stances.eddJpParty.id;
    expect(ids((await seen("jpDelegate")).stances)).toContain(stance);
    expect(ids((await seen("usDelegate")).stances)).not.toContain(stance);
    expect(ids((await seen("eddConvenor")).stances)).not.toContain(stance);
  });

  it("GOVERNMENTS reaches all delegates, convenors and observers of the series, but no scholar", async () => {
    for (const key of ["usDelegate", "jpDelegate", "krDelegate", "triConvenor", "observer"] as const) {
      expect(ids((await seen(key)).papers)).toContain(w.papers.triJpGovernments.id);
      expect(ids((await seen(key)).stances)).toContain(w.stances.triJpGovernments.id);
    }
    expect(ids((await seen("scholarA")).papers)).not.toContain(w.papers.triKrGovernmentsOnInvitedItem.id);
    expect(ids((await seen("scholarA")).stances)).not.toContain(w.stances.triJpGovernments.id);
  });

  it("a scholar sees only ALL_PARTICIPANTS material linked to an item they were invited to", async () => {
    const s = await seen("scholarA");
    expect(ids(s.papers)).toEqual(
      [
        w.papers.triUsAllParticipants.id,
        w.papers.triJpAllParticipants.id,
        w.papers.triKrAllParticipants.id,
        w.papers.triScholarAOnInvitedItem.id,
      ].sort(),
    );
    expect(ids(s.papers)).not.toContain(w.papers.triUsAllParticipantsNotOnInvitedItem.id);
    expect(ids(s.papers)).not.toContain(w.papers.triJpPartyOnInvitedItem.id);
    expect(ids(s.stances)).toEqual(
      [w.stances.triUsAllParticipants.id, w.stances.triJpAllParticipants.id, w.stances.triKrAllParticipants.id].sort(),
    );
  });

  it("a scholar sees exactly the published items they were invited to, and the sessions holding them", async () => {
    const s = await seen("scholarA");
    expect(ids(s.items)).toEqual([w.items.triInvited.id]);
    expect(ids(s.sessions)).toEqual([w.sessions.triPublished.id]);
    expect(ids(s.issues)).toEqual([w.issues.triAllParticipants.id]);
    const b = await seen("scholarB");
    expect(b.items).toEqual([]);
    expect(b.sessions).toEqual([]);
    expect(b.papers).toEqual([]);
  });
});

describe("agenda drafts", () => {
  it("a draft agenda is visible to convenors only until published", async () => {
    const draftItems = [w.items.eddDraftProcedural.id, w.items.eddDraftProbe.id].sort();
    expect(ids((await seen("eddConvenor")).items)).toEqual(expect.arrayContaining(draftItems));
    for (const key of ["jpDelegate", "usDelegate", "observer"] as const) {
      expect(ids((await seen(key)).items).filter((id) => draftItems.includes(id))).toEqual([]);
    }
    const jp = await callerFor(db, w.users.jpDelegate.id);
    expect((await jp.session.get({ sessionId: w.sessions.eddDraft.id })).agenda).toEqual([]);

    await db.session.update({ where: { id: w.sessions.eddDraft.id }, data: { agendaPublishedAt: new Date() } });
    expect(ids((await jp.session.get({ sessionId: w.sessions.eddDraft.id })).agenda)).toEqual(draftItems);
    await db.session.update({ where: { id: w.sessions.eddDraft.id }, data: { agendaPublishedAt: null } });
  });
});

describe("comments", () => {
  it("a comment is never more visible than the item or paper it is on", async () => {
    const scholar = ids((await seen("scholarA")).comments);
    expect(scholar).toEqual(
      [w.comments.triInvitedItemByScholarA.id, w.comments.triInvitedItemByJp.id, w.comments.triJpAllParticipantsPaperByScholarA.id].sort(),
    );
    const kr = ids((await seen("krDelegate")).comments);
    expect(kr).not.toContain(w.comments.eddGovernmentsItemByUs.id);
    expect(kr).not.toContain(w.comments.triUsPartyPaperByUs.id);
    expect(ids((await seen("usDelegate")).comments)).toContain(w.comments.triUsPartyPaperByUs.id);
    expect(ids((await seen("usDelegate")).comments)).not.toContain(w.comments.triDraftItemByConvenor.id);
    expect(ids((await seen("triConvenor")).comments)).toContain(w.comments.triDraftItemByConvenor.id);
  });
});

describe("denied looks like missing", () => {
  it("answers a denied id exactly as a missing one", async () => {
    const us = await callerFor(db, w.users.usDelegate.id);
    const denied = await us.paper.get({ paperId: w.papers.eddJpParty.id }).catch((e: unknown) => e);
    const missing = await us.paper.get({ paperId: "cl-no-such-paper" }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(Error);
    expect(missing).toBeInstanceOf(Error);
    const shape = (e: unknown) => ({ code: (e as { code: string }).code, message: (e as Error).message });
    expect(shape(denied)).toEqual(shape(missing));
    expect(shape(denied).code).toBe("NOT_FOUND");

    const kr = await callerFor(db, w.users.krDelegate.id);
    const deniedSeries = await kr.series.get({ seriesId: w.series.edd.id }).catch((e: unknown) => e);
    const missingSeries = await kr.series.get({ seriesId: "cl-no-such-series" }).catch((e: unknown) => e);
    expect(shape(deniedSeries)).toEqual(shape(missingSeries));
  });
});

describe("aggregates", () => {
  it("drafts never count, not even for their own party, and never leak into another party's counts", async () => {
    for (const key of ["jpDelegate", "krDelegate", "usDelegate"] as const) {
      const s = await seen(key);
      const released = await db.stance.findMany({ where: { id: { in: ids(s.released) } }, select: { releaseLevel: true } });
      expect(released.every((r) => r.releaseLevel !== "PARTY")).toBe(true);
    }
    const jp = await callerFor(db, w.users.jpDelegate.id);
    const kr = await callerFor(db, w.users.krDelegate.id);
    const triDraftSession = w.sessions.triDraft.id;
    // The JP draft on the probe issue at the TRI draft session is the only stance there.
    expect((await jp.tracker.overview()).rows.find((r) => r.id === triDraftSession)?.releasedPositions).toBe(0);
    expect((await kr.tracker.overview()).rows.find((r) => r.id === triDraftSession)?.releasedPositions).toBe(0);
    // At the published TRI session: GOVERNMENTS + ALL_PARTICIPANTS per party (3 × 2) + 3 probe stances.
    expect((await kr.tracker.overview()).rows.find((r) => r.id === w.sessions.triPublished.id)?.releasedPositions).toBe(9);
  });

  it("a sealed session's stances stay with their own party until revealed", async () => {
    const session = w.sessions.triPublished.id;
    await db.session.update({ where: { id: session }, data: { stancesSealedAt: new Date() } });
    try {
      const us = await seen("usDelegate");
      const atSession = await db.stance.findMany({ where: { id: { in: ids(us.stances) }, sessionId: session }, select: { partyId: true } });
      expect(new Set(atSession.map((s) => s.partyId))).toEqual(new Set([w.parties.us.id]));
      expect(ids((await seen("triConvenor")).stances).some((id) => id === w.stances.triJpGovernments.id)).toBe(false);
      expect(ids((await seen("scholarA")).stances)).toEqual([]);

      await db.session.update({ where: { id: session }, data: { stancesRevealedAt: new Date() } });
      expect(ids((await seen("usDelegate")).stances)).toContain(w.stances.triJpGovernments.id);
    } finally {
      await db.session.update({ where: { id: session }, data: { stancesSealedAt: null, stancesRevealedAt: null } });
    }
  });
});

describe("delegates seated in several series", () => {
  // The fragments build one branch per party spoken for (not per seat) and distribute the revision
  // rule over the branches; these viewers hold seats for one party in two series and for two
  // parties in two series. Expected sets are worked out here from the raw rows, rule by rule.
  const LEVELS_TO_GOVERNMENTS = ["GOVERNMENTS", "ALL_PARTICIPANTS"];

  async function check(memberships: { seriesId: string; partyId: string }[]) {
    const v: Viewer = {
      userId: w.users.jpDelegate.id,
      email: "mixed@fixture.test",
      name: "Mixed",
      isAdmin: false,
      memberships: memberships.map((m, i) => ({ membershipId: `m${i}`, seriesId: m.seriesId, role: "DELEGATE", partyId: m.partyId })),
    };
    const seat = (seriesId: string) => memberships.find((m) => m.seriesId === seriesId);
    const stances = await db.stance.findMany({
      select: { id: true, partyId: true, releaseLevel: true, session: { select: { seriesId: true, stancesSealedAt: true, stancesRevealedAt: true } } },
    });
    const stanceReadable = (s: (typeof stances)[number]) => {
      const m = seat(s.session.seriesId);
      if (!m) return false;
      if (m.partyId === s.partyId) return true;
      const sealOpen = !s.session.stancesSealedAt || !!s.session.stancesRevealedAt;
      return LEVELS_TO_GOVERNMENTS.includes(s.releaseLevel) && sealOpen;
    };
    const expectedStances = stances.filter(stanceReadable).map((s) => s.id).sort();
    expect(expectedStances.length).toBeGreaterThan(0);
    expect(ids(await db.stance.findMany({ where: visibleStancesWhere(v), select: { id: true } }))).toEqual(expectedStances);

    const stanceRevisions = await db.stanceRevision.findMany({ select: { id: true, releaseLevel: true, stanceId: true } });
    const byStance = new Map(stances.map((s) => [s.id, s]));
    const expectedStanceRevisions = stanceRevisions
      .filter((r) => {
        const s = byStance.get(r.stanceId)!;
        if (!stanceReadable(s)) return false;
        return seat(s.session.seriesId)!.partyId === s.partyId || LEVELS_TO_GOVERNMENTS.includes(r.releaseLevel);
      })
      .map((r) => r.id)
      .sort();
    expect(ids(await db.stanceRevision.findMany({ where: visibleStanceRevisionsWhere(v), select: { id: true } }))).toEqual(expectedStanceRevisions);

    const papers = await db.positionPaper.findMany({ select: { id: true, partyId: true, releaseLevel: true, session: { select: { seriesId: true } } } });
    const paperReadable = (p: (typeof papers)[number]) => {
      const m = seat(p.session.seriesId);
      return !!m && (m.partyId === p.partyId || LEVELS_TO_GOVERNMENTS.includes(p.releaseLevel));
    };
    const expectedPapers = papers.filter(paperReadable).map((p) => p.id).sort();
    expect(ids(await db.positionPaper.findMany({ where: visiblePapersWhere(v), select: { id: true } }))).toEqual(expectedPapers);

    const paperRevisions = await db.paperRevision.findMany({ select: { id: true, releaseLevel: true, paperId: true } });
    const byPaper = new Map(papers.map((p) => [p.id, p]));
    const expectedPaperRevisions = paperRevisions
      .filter((r) => {
        const p = byPaper.get(r.paperId)!;
        if (!paperReadable(p)) return false;
        return seat(p.session.seriesId)!.partyId === p.partyId || LEVELS_TO_GOVERNMENTS.includes(r.releaseLevel);
      })
      .map((r) => r.id)
      .sort();
    expect(ids(await db.paperRevision.findMany({ where: visiblePaperRevisionsWhere(v), select: { id: true } }))).toEqual(expectedPaperRevisions);
    return { stances: expectedStances, papers: expectedPapers };
  }

  it("one party in two series: that party's drafts in both, nobody else's", async () => {
    const seen = await check([
      { seriesId: w.series.edd.id, partyId: w.parties.jp.id },
      { seriesId: w.series.tri.id, partyId: w.parties.jp.id },
    ]);
    expect(seen.stances).toContain(w.stances.eddJpParty.id);
  });

  it("two parties in two series: each party's drafts only in the series it is spoken for there", async () => {
    const seen = await check([
      { seriesId: w.series.edd.id, partyId: w.parties.jp.id },
      { seriesId: w.series.tri.id, partyId: w.parties.kr.id },
    ]);
    expect(seen.stances).toContain(w.stances.eddJpParty.id);
  });
});
