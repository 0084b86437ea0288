import type { Prisma } from "@/prisma/generated/client";
import { seriesIdsWhere, type Viewer } from "@/server/access/viewer";

// Who may see what, as Prisma `where` fragments built from the viewer. Every read of guarded
// material composes one of these — lists, counts, search and aggregates alike — so a rule is
// written once. See DESIGN.md "Release levels".

const RELEASED_TO_GOVERNMENTS = { in: ["GOVERNMENTS", "ALL_PARTICIPANTS"] } satisfies Prisma.EnumReleaseLevelFilter;

/**
 * Any one of the branches; none at all matches nothing. (Not `{ OR: [] }`: Prisma reads an empty
 * OR as no condition at all. An empty `id IN ()` is false for every model.)
 */
export function anyOf<T extends { OR?: unknown }>(branches: (T | false)[]): T {
  const kept = branches.filter((b): b is T => b !== false);
  if (kept.length === 0) return { id: { in: [] } } as unknown as T;
  if (kept.length === 1) return kept[0] as T;
  return { OR: kept } as T;
}

/** The series the viewer sits in, by role. */
export function viewerRoles(viewer: Viewer) {
  const convenor = seriesIdsWhere(viewer, ["CONVENOR"]);
  const delegate = viewer.memberships.filter((m) => m.role === "DELEGATE" && m.partyId);
  const observer = seriesIdsWhere(viewer, ["OBSERVER"]);
  const scholar = seriesIdsWhere(viewer, ["SCHOLAR"]);
  const governments = seriesIdsWhere(viewer, ["CONVENOR", "DELEGATE", "OBSERVER"]);
  return { convenor, delegate, observer, scholar, governments, all: viewer.memberships.map((m) => m.seriesId) };
}

/**
 * The viewer's delegate seats grouped by party: one branch per party spoken for, not per series.
 * Each relation filter in a fragment becomes a join of its own in the SQL, so a delegate of ten
 * series with one branch per seat made PostgreSQL plan and run a dozen joins of Session.
 */
export function delegateParties(viewer: Viewer): { partyId: string; seriesIds: string[] }[] {
  const byParty = new Map<string, string[]>();
  for (const m of viewer.memberships) {
    if (m.role !== "DELEGATE" || !m.partyId) continue;
    const list = byParty.get(m.partyId);
    if (list) list.push(m.seriesId);
    else byParty.set(m.partyId, [m.seriesId]);
  }
  return [...byParty].map(([partyId, seriesIds]) => ({ partyId, seriesIds }));
}

/** An item a scholar was invited to, on a published agenda. */
function invitedPublishedItem(viewer: Viewer, scholarSeries: string[]): Prisma.AgendaItemWhereInput {
  return {
    scholars: { some: { userId: viewer.userId } },
    session: { seriesId: { in: scholarSeries }, agendaPublishedAt: { not: null } },
  };
}

export function visibleSeriesWhere(viewer: Viewer): Prisma.SeriesWhereInput {
  return { id: { in: viewerRoles(viewer).all } };
}

export function visibleSessionsWhere(viewer: Viewer): Prisma.SessionWhereInput {
  const r = viewerRoles(viewer);
  return anyOf<Prisma.SessionWhereInput>([
    r.governments.length > 0 && { seriesId: { in: r.governments } },
    r.scholar.length > 0 && { agendaItems: { some: invitedPublishedItem(viewer, r.scholar) } },
  ]);
}

/** Drafts of agendas are visible to convenors only until published. */
export function visibleAgendaItemsWhere(viewer: Viewer): Prisma.AgendaItemWhereInput {
  const r = viewerRoles(viewer);
  const membersAfterPublication = [...r.delegate.map((m) => m.seriesId), ...r.observer];
  // The session conditions under one relation filter (one join), the item's own beside it.
  const bySession = anyOf<Prisma.SessionWhereInput>([
    r.convenor.length > 0 && { seriesId: { in: r.convenor } },
    membersAfterPublication.length > 0 && { seriesId: { in: membersAfterPublication }, agendaPublishedAt: { not: null } },
  ]);
  return anyOf<Prisma.AgendaItemWhereInput>([
    (r.convenor.length > 0 || membersAfterPublication.length > 0) && { session: bySession },
    r.scholar.length > 0 && invitedPublishedItem(viewer, r.scholar),
  ]);
}

export function visibleIssuesWhere(viewer: Viewer): Prisma.IssueWhereInput {
  const r = viewerRoles(viewer);
  return anyOf<Prisma.IssueWhereInput>([
    r.governments.length > 0 && { seriesId: { in: r.governments } },
    r.scholar.length > 0 && { agendaItems: { some: invitedPublishedItem(viewer, r.scholar) } },
  ]);
}

/** The paper branches of the viewer's roles: own party (one per party), governments, scholar. */
function paperBranches(viewer: Viewer) {
  const r = viewerRoles(viewer);
  const own: Prisma.PositionPaperWhereInput[] = delegateParties(viewer).map((d) => ({ session: { seriesId: { in: d.seriesIds } }, partyId: d.partyId }));
  const governments: Prisma.PositionPaperWhereInput | false = r.governments.length > 0 && {
    session: { seriesId: { in: r.governments } },
    releaseLevel: RELEASED_TO_GOVERNMENTS,
  };
  const scholarInvited: Prisma.PositionPaperWhereInput | false = r.scholar.length > 0 && {
    session: { seriesId: { in: r.scholar } },
    releaseLevel: "ALL_PARTICIPANTS",
    items: { some: { agendaItem: invitedPublishedItem(viewer, r.scholar) } },
  };
  // A scholar's own paper (no party), whatever its level.
  const scholarOwn: Prisma.PositionPaperWhereInput | false = r.scholar.length > 0 && {
    session: { seriesId: { in: r.scholar } },
    partyId: null,
    authorId: viewer.userId,
  };
  return { own, governments, scholarInvited, scholarOwn };
}

export function visiblePapersWhere(viewer: Viewer): Prisma.PositionPaperWhereInput {
  const b = paperBranches(viewer);
  return anyOf<Prisma.PositionPaperWhereInput>([...b.own, b.governments, b.scholarInvited, b.scholarOwn]);
}

/** A sealed session's stances stay with their own party until revealed (a condition on the session). */
const SEAL_OPEN: Prisma.SessionWhereInput = { OR: [{ stancesSealedAt: null }, { stancesRevealedAt: { not: null } }] };

/** The stance branches of the viewer's roles: the delegate ones (own party) first, one per party. */
function stanceBranches(viewer: Viewer) {
  const r = viewerRoles(viewer);
  const own: Prisma.StanceWhereInput[] = delegateParties(viewer).map((d) => ({ session: { seriesId: { in: d.seriesIds } }, partyId: d.partyId }));
  // Each branch's session conditions in one relation filter: one join, not two.
  const governments: Prisma.StanceWhereInput | false = r.governments.length > 0 && {
    releaseLevel: RELEASED_TO_GOVERNMENTS,
    session: { seriesId: { in: r.governments }, ...SEAL_OPEN },
  };
  const scholar: Prisma.StanceWhereInput | false = r.scholar.length > 0 && {
    releaseLevel: "ALL_PARTICIPANTS",
    session: { seriesId: { in: r.scholar }, ...SEAL_OPEN },
    issue: { agendaItems: { some: invitedPublishedItem(viewer, r.scholar) } },
  };
  return { own, governments, scholar };
}

/**
 * Stances the viewer may read. `releasedOnly` drops drafts (PARTY level) even of the viewer's own
 * party: the tracker and every aggregate count released positions only.
 */
export function visibleStancesWhere(viewer: Viewer, opts: { releasedOnly?: boolean } = {}): Prisma.StanceWhereInput {
  const b = stanceBranches(viewer);
  const readable = anyOf<Prisma.StanceWhereInput>([...b.own, b.governments, b.scholar]);
  if (!opts.releasedOnly) return readable;
  return { AND: [readable, { releaseLevel: { not: "PARTY" } }] };
}

const LEVELS_FOR_GOVERNMENTS: Prisma.EnumReleaseLevelFilter = RELEASED_TO_GOVERNMENTS;

/**
 * Revisions of a stance the viewer may read. The owning party reads the whole history; everyone
 * else only the revisions made at a level released to them, so a release never exposes the drafts
 * that led to it (raising the level writes a revision of its own).
 */
export function visibleStanceRevisionsWhere(viewer: Viewer): Prisma.StanceRevisionWhereInput {
  // (stance readable by a branch) AND (revision readable by a branch), distributed: a viewer holds
  // one role per series, so only the pairs of the same branch can both hold, and the own-party
  // branch reads every revision. One relation filter per branch.
  const b = stanceBranches(viewer);
  return anyOf<Prisma.StanceRevisionWhereInput>([
    ...b.own.map((stance) => ({ stance })),
    b.governments && { releaseLevel: LEVELS_FOR_GOVERNMENTS, stance: b.governments },
    b.scholar && { releaseLevel: "ALL_PARTICIPANTS", stance: b.scholar },
  ]);
}

/** Revisions of a paper the viewer may read: the same rule as stances; a scholar reads all of their own paper. */
export function visiblePaperRevisionsWhere(viewer: Viewer): Prisma.PaperRevisionWhereInput {
  // (paper readable by a branch) AND (revision readable by a branch), distributed as for stances:
  // one role per series, so only same-branch pairs can hold; the own party and a scholar's own
  // paper read every revision.
  const b = paperBranches(viewer);
  return anyOf<Prisma.PaperRevisionWhereInput>([
    ...b.own.map((paper) => ({ paper })),
    b.governments && { releaseLevel: LEVELS_FOR_GOVERNMENTS, paper: b.governments },
    b.scholarInvited && { releaseLevel: "ALL_PARTICIPANTS", paper: b.scholarInvited },
    b.scholarOwn && { paper: b.scholarOwn },
  ]);
}

/**
 * Joint texts (DESIGN.md "Joint texts"): the chair's DRAFT is for the series' convenors only; at
 * GOVERNMENTS also its delegates and observers; at ALL_PARTICIPANTS also the scholars of a track 1.5
 * series invited to an item of the text's session (on a published agenda).
 */
export function visibleJointTextsWhere(viewer: Viewer): Prisma.JointTextWhereInput {
  const r = viewerRoles(viewer);
  const readers = [...new Set([...r.delegate.map((m) => m.seriesId), ...r.observer])];
  return anyOf<Prisma.JointTextWhereInput>([
    r.convenor.length > 0 && { session: { seriesId: { in: r.convenor } } },
    readers.length > 0 && { release: { in: ["GOVERNMENTS", "ALL_PARTICIPANTS"] }, session: { seriesId: { in: readers } } },
    r.scholar.length > 0 && {
      release: "ALL_PARTICIPANTS",
      session: {
        seriesId: { in: r.scholar },
        series: { track: "TRACK_1_5" },
        agendaItems: { some: { scholars: { some: { userId: viewer.userId } }, session: { agendaPublishedAt: { not: null } } } },
      },
    },
  ]);
}

/**
 * A party's proposals on joint texts: its own delegates read them at every status (drafts stay
 * inside the delegation); everyone else reads only tabled ones, on a text they may read.
 */
export function visibleJointTextProposalsWhere(viewer: Viewer): Prisma.JointTextProposalWhereInput {
  return anyOf<Prisma.JointTextProposalWhereInput>([
    ...delegateParties(viewer).map((d) => ({ partyId: d.partyId, text: { session: { seriesId: { in: d.seriesIds } } } })),
    { status: "TABLED", text: visibleJointTextsWhere(viewer) },
  ]);
}

/** A comment is never more visible than the item, paper or joint text it is on. */
export function visibleCommentsWhere(viewer: Viewer): Prisma.CommentWhereInput {
  return {
    OR: [{ agendaItem: visibleAgendaItemsWhere(viewer) }, { paper: visiblePapersWhere(viewer) }, { jointText: visibleJointTextsWhere(viewer) }],
  };
}

/** Individual assessments are seen by their rater only; panels are aggregated elsewhere. */
export function visibleAssessmentsWhere(viewer: Viewer): Prisma.AssessmentWhereInput {
  return { scholarId: viewer.userId, session: { seriesId: { in: viewerRoles(viewer).scholar } } };
}

/**
 * The assessments a scholar panel (median, IQR, count) may be computed from for this viewer: those
 * on agenda items the viewer may see. Individual ratings never leave through this fragment — only
 * aggregates over at least three assessments (see the assessments service).
 */
export function panelAssessmentsWhere(viewer: Viewer): Prisma.AssessmentWhereInput {
  return { agendaItem: visibleAgendaItemsWhere(viewer) };
}

export function visibleMinutesWhere(viewer: Viewer): Prisma.MinutesWhereInput {
  const r = viewerRoles(viewer);
  const readers = [...r.delegate.map((m) => m.seriesId), ...r.observer];
  return anyOf<Prisma.MinutesWhereInput>([
    r.convenor.length > 0 && { session: { seriesId: { in: r.convenor } } },
    readers.length > 0 && { session: { seriesId: { in: readers } }, releasedAt: { not: null } },
  ]);
}

/** Members of the series the viewer sits in on the government side; a scholar sees only themself. */
export function visibleMembershipsWhere(viewer: Viewer): Prisma.MembershipWhereInput {
  const r = viewerRoles(viewer);
  return anyOf<Prisma.MembershipWhereInput>([
    r.governments.length > 0 && { seriesId: { in: r.governments }, removedAt: null },
    { userId: viewer.userId, removedAt: null },
  ]);
}

export function visibleInvitationsWhere(viewer: Viewer): Prisma.InvitationWhereInput {
  return { seriesId: { in: viewerRoles(viewer).convenor } };
}

/**
 * Memberships whose changes the viewer may hear of (live signals): those on the member lists they
 * may see, including a member just removed from such a list, and their own.
 */
export function visibleMembershipChangesWhere(viewer: Viewer): Prisma.MembershipWhereInput {
  const r = viewerRoles(viewer);
  return anyOf<Prisma.MembershipWhereInput>([r.governments.length > 0 && { seriesId: { in: r.governments } }, { userId: viewer.userId }]);
}
