import type { AgendaItem, Issue, PositionPaper, ReleaseLevel, Stance } from "@/prisma/generated/client";
import { hashPassword } from "@/server/auth/password";
import {
  addMember,
  createAgendaItem,
  createAssessment,
  createComment,
  createIssue,
  createPaper,
  createParty,
  createSeries,
  createSession,
  createStance,
  createUser,
  inviteScholarToItem,
  revisePaper,
  inTransaction,
  type AddMemberInput,
  type DbClient,
} from "@/prisma/seed/factories";

/** Password of every fixture account. */
export const FIXTURE_PASSWORD = "fixture-password-2026";

export interface FixtureWorldOptions {
  /** A hash of FIXTURE_PASSWORD computed once per test run, to skip hashing per file. */
  passwordHash?: string;
}

type PartyCode = "US" | "JP" | "KR";
type LevelName = "Party" | "Governments" | "AllParticipants";
type PartyName<P extends PartyCode> = Capitalize<Lowercase<P>>;

const LEVELS: readonly [LevelName, ReleaseLevel][] = [
  ["Party", "PARTY"],
  ["Governments", "GOVERNMENTS"],
  ["AllParticipants", "ALL_PARTICIPANTS"],
];

const DAY_MS = 24 * 60 * 60 * 1000;

function partyName<P extends PartyCode>(code: P): PartyName<P> {
  return (code.charAt(0) + code.slice(1).toLowerCase()) as PartyName<P>;
}

/** { US: { Party: x } } → { eddUsParty: x }, with the flat keys typed. */
function flatten<S extends string, P extends PartyCode, T>(
  prefix: S,
  byParty: Record<P, Record<LevelName, T>>,
): Record<`${S}${PartyName<P>}${LevelName}`, T> {
  const out: Record<string, T> = {};
  for (const [code, byLevel] of Object.entries(byParty) as [P, Record<LevelName, T>][]) {
    for (const [level] of LEVELS) out[`${prefix}${partyName(code)}${level}`] = byLevel[level];
  }
  return out as Record<`${S}${PartyName<P>}${LevelName}`, T>;
}

interface SeriesSetup<P extends PartyCode> {
  key: string;
  seriesId: string;
  parties: Record<P, string>;
  delegates: Record<NoInfer<P>, string>;
  /** Positions per party, distinct so a test can tell whose stance it reads. */
  positions: Record<NoInfer<P>, number>;
  /** The party whose draft at the draft session must not move anyone's convergence figure. */
  draftingParty: NoInfer<P>;
  place: string;
  timeZone: string;
}

/**
 * Per series: a published session and a draft one; issues whose stances sit at one release level
 * each, so a test can tell what leaked; a probe issue released by every party at the published
 * session and drafted (PARTY) by one party at the draft session.
 */
async function buildSeriesContent<P extends PartyCode>(db: DbClient, s: SeriesSetup<P>) {
  const codes = Object.keys(s.parties) as P[];
  const now = Date.now();
  const publishedSession = await createSession(db, {
    seriesId: s.seriesId,
    title: `${s.key} published session`,
    startsAt: new Date(now + 14 * DAY_MS),
    endsAt: new Date(now + 15 * DAY_MS),
    place: s.place,
    timeZone: s.timeZone,
    status: "AGENDA_PUBLISHED",
    agendaPublishedAt: new Date(now - DAY_MS),
  });
  const draftSession = await createSession(db, {
    seriesId: s.seriesId,
    title: `${s.key} draft session`,
    startsAt: new Date(now + 60 * DAY_MS),
    endsAt: new Date(now + 61 * DAY_MS),
    place: null,
    isVirtual: true,
    status: "DRAFT",
  });

  const issueOf = (title: string) => createIssue(db, { seriesId: s.seriesId, title: `${s.key}: ${title}` });
  const issues = {
    Party: await issueOf("issue with PARTY-level stances"),
    Governments: await issueOf("issue with GOVERNMENTS-level stances"),
    AllParticipants: await issueOf("issue with ALL_PARTICIPANTS-level stances"),
    probe: await issueOf("probe issue (released everywhere, one later draft)"),
    criterion: await createIssue(db, {
      seriesId: s.seriesId,
      title: `${s.key}: a deterrence criterion`,
      kind: "DETERRENCE_CRITERION",
    }),
  } satisfies Record<LevelName | "probe" | "criterion", Issue>;

  const item = (position: number, title: string, issueId: string | null) =>
    createAgendaItem(db, { sessionId: publishedSession.id, position, title, issueId, status: "ACCEPTED" });
  const items = {
    opening: await item(1, `${s.key}: opening (procedural)`, null),
    Party: await item(2, `${s.key}: item on the PARTY-level issue`, issues.Party.id),
    Governments: await item(3, `${s.key}: item on the GOVERNMENTS-level issue`, issues.Governments.id),
    AllParticipants: await item(4, `${s.key}: item on the ALL_PARTICIPANTS-level issue`, issues.AllParticipants.id),
    probe: await item(5, `${s.key}: item on the probe issue`, issues.probe.id),
  } satisfies Record<LevelName | "opening" | "probe", AgendaItem>;
  const probeItem = items.probe;
  const draftItems = {
    procedural: await createAgendaItem(db, {
      sessionId: draftSession.id,
      position: 1,
      title: `${s.key}: draft agenda, procedural item`,
    }),
    probe: await createAgendaItem(db, {
      sessionId: draftSession.id,
      position: 2,
      title: `${s.key}: draft agenda, probe issue carried over`,
      issueId: issues.probe.id,
      carriedFromId: probeItem.id,
    }),
  };

  const stances = {} as Record<P, Record<LevelName, Stance>>;
  const probeStances = {} as Record<P, Stance>;
  const papers = {} as Record<P, Record<LevelName, PositionPaper>>;
  for (const code of codes) {
    const byLevel = {} as Record<LevelName, Stance>;
    const paperByLevel = {} as Record<LevelName, PositionPaper>;
    for (const [name, level] of LEVELS) {
      byLevel[name] = await createStance(db, {
        issueId: issues[name].id,
        sessionId: publishedSession.id,
        partyId: s.parties[code],
        authorId: s.delegates[code],
        position: s.positions[code],
        rationale: `${code} rationale at ${level}`,
        releaseLevel: level,
      });
      paperByLevel[name] = await createPaper(db, {
        sessionId: publishedSession.id,
        partyId: s.parties[code],
        authorId: s.delegates[code],
        title: `${s.key} ${code} paper at ${level}`,
        body: `Released at ${level} by ${code}.`,
        releaseLevel: level,
        agendaItemIds: [items[name].id],
      });
    }
    stances[code] = byLevel;
    papers[code] = paperByLevel;
    probeStances[code] = await createStance(db, {
      issueId: issues.probe.id,
      sessionId: publishedSession.id,
      partyId: s.parties[code],
      authorId: s.delegates[code],
      position: 1,
      rationale: `${code} released position on the probe issue`,
      releaseLevel: "GOVERNMENTS",
    });
  }
  const probeDraft = await createStance(db, {
    issueId: issues.probe.id,
    sessionId: draftSession.id,
    partyId: s.parties[s.draftingParty],
    authorId: s.delegates[s.draftingParty],
    position: -3,
    rationale: `${s.draftingParty} draft that must move no convergence figure`,
    releaseLevel: "PARTY",
  });

  return {
    publishedSession,
    draftSession,
    issues,
    items,
    draftItems,
    stances,
    probeStances,
    probeDraft,
    papers,
  };
}

interface CommentTargets {
  key: string;
  governmentsItemId: string;
  usPartyPaperId: string;
  usGovernmentsPaperId: string;
  usDelegateId: string;
  other: PartyCode;
  otherDelegateId: string;
}

/** A thread on the GOVERNMENTS item; an internal US comment on the US draft; another party on the released US paper. */
async function commentsOn(db: DbClient, t: CommentTargets) {
  const governmentsItem = await createComment(db, {
    agendaItemId: t.governmentsItemId,
    authorId: t.usDelegateId,
    body: `${t.key}: US comment on the GOVERNMENTS item`,
  });
  const governmentsItemReply = await createComment(db, {
    agendaItemId: t.governmentsItemId,
    parentId: governmentsItem.id,
    authorId: t.otherDelegateId,
    body: `${t.key}: ${t.other} reply on the GOVERNMENTS item`,
  });
  const usPartyPaper = await createComment(db, {
    paperId: t.usPartyPaperId,
    authorId: t.usDelegateId,
    body: `${t.key}: US internal comment on the US draft paper`,
  });
  const usGovernmentsPaper = await createComment(db, {
    paperId: t.usGovernmentsPaperId,
    authorId: t.otherDelegateId,
    body: `${t.key}: ${t.other} comment on the released US paper`,
  });
  return { governmentsItem, governmentsItemReply, usPartyPaper, usGovernmentsPaper };
}

/**
 * The world the access-rule tests run against (see DESIGN.md "Release levels"). Expects a
 * database with no parties US/JP/KR and no fixture accounts yet (truncate between files).
 */
export async function createFixtureWorld(db: DbClient, options: FixtureWorldOptions = {}) {
  const passwordHash = options.passwordHash ?? (await hashPassword(FIXTURE_PASSWORD));
  return inTransaction(db, (tx) => buildWorld(tx, passwordHash));
}

async function buildWorld(db: DbClient, passwordHash: string) {
  const user = (key: string, name: string, extra: { isAdmin?: boolean; deactivatedAt?: Date; affiliation?: string } = {}) =>
    createUser(db, { email: `${key.toLowerCase()}@fixture.test`, name, passwordHash, ...extra });

  const parties = {
    us: await createParty(db, { code: "US", name: "United States" }),
    jp: await createParty(db, { code: "JP", name: "Japan" }),
    kr: await createParty(db, { code: "KR", name: "Republic of Korea" }),
  };

  const series = {
    edd: await createSeries(db, {
      name: "Fixture US-Japan Extended Deterrence Dialogue",
      shortName: "EDD",
      track: "TRACK_1",
      attribution: "ATTRIBUTED",
      partyIds: [parties.us.id, parties.jp.id],
    }),
    edscg: await createSeries(db, {
      name: "Fixture US-ROK Extended Deterrence Strategy and Consultation Group",
      shortName: "EDSCG",
      track: "TRACK_1",
      attribution: "ATTRIBUTED",
      partyIds: [parties.us.id, parties.kr.id],
    }),
    tri: await createSeries(db, {
      name: "Fixture Trilateral Track 1.5 Dialogue",
      shortName: "TRI",
      track: "TRACK_1_5",
      attribution: "CHATHAM_HOUSE",
      partyIds: [parties.us.id, parties.jp.id, parties.kr.id],
    }),
  };

  const users = {
    admin: await user("admin", "Fixture Admin", { isAdmin: true }),
    eddConvenor: await user("eddConvenor", "EDD Convenor"),
    edscgConvenor: await user("edscgConvenor", "EDSCG Convenor"),
    triConvenor: await user("triConvenor", "TRI Convenor"),
    usDelegate: await user("usDelegate", "US Delegate"),
    jpDelegate: await user("jpDelegate", "JP Delegate"),
    krDelegate: await user("krDelegate", "KR Delegate"),
    observer: await user("observer", "Observer"),
    scholarA: await user("scholarA", "Scholar A", { affiliation: "University A" }),
    scholarB: await user("scholarB", "Scholar B", { affiliation: "University B" }),
    outsider: await user("outsider", "Outsider"),
    deactivated: await user("deactivated", "Deactivated Delegate", { deactivatedAt: new Date(Date.now() - DAY_MS) }),
    removedDelegate: await user("removedDelegate", "Removed Delegate"),
  };

  const memberships = [
    { seriesId: series.edd.id, userId: users.eddConvenor.id, role: "CONVENOR" },
    { seriesId: series.edscg.id, userId: users.edscgConvenor.id, role: "CONVENOR" },
    { seriesId: series.tri.id, userId: users.triConvenor.id, role: "CONVENOR" },
    { seriesId: series.edd.id, userId: users.usDelegate.id, role: "DELEGATE", partyId: parties.us.id },
    { seriesId: series.edscg.id, userId: users.usDelegate.id, role: "DELEGATE", partyId: parties.us.id },
    { seriesId: series.tri.id, userId: users.usDelegate.id, role: "DELEGATE", partyId: parties.us.id },
    { seriesId: series.edd.id, userId: users.jpDelegate.id, role: "DELEGATE", partyId: parties.jp.id },
    { seriesId: series.tri.id, userId: users.jpDelegate.id, role: "DELEGATE", partyId: parties.jp.id },
    { seriesId: series.edscg.id, userId: users.krDelegate.id, role: "DELEGATE", partyId: parties.kr.id },
    { seriesId: series.tri.id, userId: users.krDelegate.id, role: "DELEGATE", partyId: parties.kr.id },
    { seriesId: series.tri.id, userId: users.observer.id, role: "OBSERVER" },
    { seriesId: series.edd.id, userId: users.observer.id, role: "OBSERVER" },
    { seriesId: series.tri.id, userId: users.scholarA.id, role: "SCHOLAR", affiliation: "University A" },
    { seriesId: series.tri.id, userId: users.scholarB.id, role: "SCHOLAR", affiliation: "University B" },
    { seriesId: series.edd.id, userId: users.deactivated.id, role: "DELEGATE", partyId: parties.jp.id },
    {
      seriesId: series.edscg.id,
      userId: users.removedDelegate.id,
      role: "DELEGATE",
      partyId: parties.kr.id,
      removedAt: new Date(Date.now() - DAY_MS),
    },
  ] as const satisfies readonly AddMemberInput[];
  for (const m of memberships) await addMember(db, m);

  const edd = await buildSeriesContent(db, {
    key: "EDD",
    seriesId: series.edd.id,
    parties: { US: parties.us.id, JP: parties.jp.id },
    delegates: { US: users.usDelegate.id, JP: users.jpDelegate.id },
    positions: { US: 2, JP: -1 },
    draftingParty: "JP",
    place: "Tokyo",
    timeZone: "Asia/Tokyo",
  });
  const edscg = await buildSeriesContent(db, {
    key: "EDSCG",
    seriesId: series.edscg.id,
    parties: { US: parties.us.id, KR: parties.kr.id },
    delegates: { US: users.usDelegate.id, KR: users.krDelegate.id },
    positions: { US: 2, KR: 0 },
    draftingParty: "KR",
    place: "Seoul",
    timeZone: "Asia/Seoul",
  });
  const triDelegates = { US: users.usDelegate.id, JP: users.jpDelegate.id, KR: users.krDelegate.id };
  const tri = await buildSeriesContent(db, {
    key: "TRI",
    seriesId: series.tri.id,
    parties: { US: parties.us.id, JP: parties.jp.id, KR: parties.kr.id },
    delegates: triDelegates,
    positions: { US: 2, JP: -1, KR: 0 },
    draftingParty: "JP",
    place: "Honolulu",
    timeZone: "Pacific/Honolulu",
  });

  // scholarA: one published item, plus one item of a draft agenda that must stay hidden from them.
  const triInvitedItem = tri.items.AllParticipants;
  await inviteScholarToItem(db, {
    agendaItemId: triInvitedItem.id,
    userId: users.scholarA.id,
    invitedById: users.triConvenor.id,
  });
  await inviteScholarToItem(db, {
    agendaItemId: tri.draftItems.probe.id,
    userId: users.scholarA.id,
    invitedById: users.triConvenor.id,
  });

  // The flat ALL_PARTICIPANTS papers of TRI are all linked to the invited item; these add the cases around it.
  const triJpAllParticipantsOnInvitedItem = await revisePaper(db, {
    paperId: tri.papers.JP.AllParticipants.id,
    authorId: users.jpDelegate.id,
    body: "Released at ALL_PARTICIPANTS by JP, second revision.",
  });
  const triUsAllParticipantsNotOnInvitedItem = await createPaper(db, {
    sessionId: tri.publishedSession.id,
    partyId: parties.us.id,
    authorId: users.usDelegate.id,
    title: "TRI US paper at ALL_PARTICIPANTS on an item scholarA was not invited to",
    releaseLevel: "ALL_PARTICIPANTS",
    agendaItemIds: [tri.items.Governments.id],
  });
  const triKrGovernmentsOnInvitedItem = await createPaper(db, {
    sessionId: tri.publishedSession.id,
    partyId: parties.kr.id,
    authorId: users.krDelegate.id,
    title: "TRI KR paper at GOVERNMENTS on the invited item",
    releaseLevel: "GOVERNMENTS",
    agendaItemIds: [triInvitedItem.id],
  });
  const triJpPartyOnInvitedItem = await createPaper(db, {
    sessionId: tri.publishedSession.id,
    partyId: parties.jp.id,
    authorId: users.jpDelegate.id,
    title: "TRI JP draft paper on the invited item",
    releaseLevel: "PARTY",
    agendaItemIds: [triInvitedItem.id],
  });
  const triScholarAOnInvitedItem = await createPaper(db, {
    sessionId: tri.publishedSession.id,
    partyId: null,
    authorId: users.scholarA.id,
    title: "TRI scholar A's own paper on the invited item",
    releaseLevel: "ALL_PARTICIPANTS",
    agendaItemIds: [triInvitedItem.id],
  });

  const commentTargets = (key: string, content: { items: { Governments: AgendaItem }; papers: { US: Record<LevelName, PositionPaper> } }) => ({
    key,
    governmentsItemId: content.items.Governments.id,
    usPartyPaperId: content.papers.US.Party.id,
    usGovernmentsPaperId: content.papers.US.Governments.id,
    usDelegateId: users.usDelegate.id,
  });
  const eddComments = await commentsOn(db, { ...commentTargets("EDD", edd), other: "JP", otherDelegateId: users.jpDelegate.id });
  const edscgComments = await commentsOn(db, { ...commentTargets("EDSCG", edscg), other: "KR", otherDelegateId: users.krDelegate.id });
  const triComments = await commentsOn(db, { ...commentTargets("TRI", tri), other: "KR", otherDelegateId: users.krDelegate.id });
  const triInvitedItemByScholarA = await createComment(db, {
    agendaItemId: triInvitedItem.id,
    authorId: users.scholarA.id,
    body: "TRI: scholar A on the invited item",
  });
  const triInvitedItemByJp = await createComment(db, {
    agendaItemId: triInvitedItem.id,
    parentId: triInvitedItemByScholarA.id,
    authorId: users.jpDelegate.id,
    body: "TRI: JP reply to scholar A on the invited item",
  });
  const triJpAllParticipantsPaperByScholarA = await createComment(db, {
    paperId: tri.papers.JP.AllParticipants.id,
    authorId: users.scholarA.id,
    body: "TRI: scholar A on the JP ALL_PARTICIPANTS paper",
  });
  const triDraftItemByConvenor = await createComment(db, {
    agendaItemId: tri.draftItems.probe.id,
    authorId: users.triConvenor.id,
    body: "TRI: convenor note on the draft agenda",
  });

  const triScholarAAssessment = await createAssessment(db, {
    issueId: tri.issues.AllParticipants.id,
    sessionId: tri.publishedSession.id,
    agendaItemId: triInvitedItem.id,
    scholarId: users.scholarA.id,
    position: 1,
    reasoning: "Scholar A's individual assessment",
  });

  return {
    password: FIXTURE_PASSWORD,
    parties,
    series,
    users,
    sessions: {
      eddPublished: edd.publishedSession,
      eddDraft: edd.draftSession,
      edscgPublished: edscg.publishedSession,
      edscgDraft: edscg.draftSession,
      triPublished: tri.publishedSession,
      triDraft: tri.draftSession,
    },
    issues: {
      eddParty: edd.issues.Party,
      eddGovernments: edd.issues.Governments,
      eddAllParticipants: edd.issues.AllParticipants,
      eddProbe: edd.issues.probe,
      eddCriterion: edd.issues.criterion,
      edscgParty: edscg.issues.Party,
      edscgGovernments: edscg.issues.Governments,
      edscgAllParticipants: edscg.issues.AllParticipants,
      edscgProbe: edscg.issues.probe,
      edscgCriterion: edscg.issues.criterion,
      triParty: tri.issues.Party,
      triGovernments: tri.issues.Governments,
      triAllParticipants: tri.issues.AllParticipants,
      triProbe: tri.issues.probe,
      triCriterion: tri.issues.criterion,
    },
    items: {
      eddOpening: edd.items.opening,
      eddParty: edd.items.Party,
      eddGovernments: edd.items.Governments,
      eddAllParticipants: edd.items.AllParticipants,
      eddProbe: edd.items.probe,
      eddDraftProcedural: edd.draftItems.procedural,
      eddDraftProbe: edd.draftItems.probe,
      edscgOpening: edscg.items.opening,
      edscgParty: edscg.items.Party,
      edscgGovernments: edscg.items.Governments,
      edscgAllParticipants: edscg.items.AllParticipants,
      edscgProbe: edscg.items.probe,
      edscgDraftProcedural: edscg.draftItems.procedural,
      edscgDraftProbe: edscg.draftItems.probe,
      triOpening: tri.items.opening,
      triParty: tri.items.Party,
      triGovernments: tri.items.Governments,
      /** scholarA is invited to this one (published). */
      triInvited: triInvitedItem,
      triProbe: tri.items.probe,
      triDraftProcedural: tri.draftItems.procedural,
      /** scholarA is invited to this one too, but its agenda is unpublished. */
      triDraftInvited: tri.draftItems.probe,
    },
    stances: {
      ...flatten("edd", edd.stances),
      ...flatten("edscg", edscg.stances),
      ...flatten("tri", tri.stances),
      eddUsProbe: edd.probeStances.US,
      eddJpProbe: edd.probeStances.JP,
      eddJpProbeDraft: edd.probeDraft,
      edscgUsProbe: edscg.probeStances.US,
      edscgKrProbe: edscg.probeStances.KR,
      edscgKrProbeDraft: edscg.probeDraft,
      triUsProbe: tri.probeStances.US,
      triJpProbe: tri.probeStances.JP,
      triKrProbe: tri.probeStances.KR,
      triJpProbeDraft: tri.probeDraft,
    },
    papers: {
      ...flatten("edd", edd.papers),
      ...flatten("edscg", edscg.papers),
      ...flatten("tri", tri.papers),
      // The same paper after its second revision, so both names carry the current version.
      triJpAllParticipants: triJpAllParticipantsOnInvitedItem,
      triJpAllParticipantsOnInvitedItem,
      triUsAllParticipantsNotOnInvitedItem,
      triKrGovernmentsOnInvitedItem,
      triJpPartyOnInvitedItem,
      triScholarAOnInvitedItem,
    },
    comments: {
      eddGovernmentsItemByUs: eddComments.governmentsItem,
      eddGovernmentsItemReplyByJp: eddComments.governmentsItemReply,
      eddUsPartyPaperByUs: eddComments.usPartyPaper,
      eddUsGovernmentsPaperByJp: eddComments.usGovernmentsPaper,
      edscgGovernmentsItemByUs: edscgComments.governmentsItem,
      edscgGovernmentsItemReplyByKr: edscgComments.governmentsItemReply,
      edscgUsPartyPaperByUs: edscgComments.usPartyPaper,
      edscgUsGovernmentsPaperByKr: edscgComments.usGovernmentsPaper,
      triGovernmentsItemByUs: triComments.governmentsItem,
      triGovernmentsItemReplyByKr: triComments.governmentsItemReply,
      triUsPartyPaperByUs: triComments.usPartyPaper,
      triUsGovernmentsPaperByKr: triComments.usGovernmentsPaper,
      triInvitedItemByScholarA,
      triInvitedItemByJp,
      triJpAllParticipantsPaperByScholarA,
      triDraftItemByConvenor,
    },
    assessments: { triScholarA: triScholarAAssessment },
  };
}

export type FixtureWorld = Awaited<ReturnType<typeof createFixtureWorld>>;
