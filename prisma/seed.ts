import type { AgendaItemStatus, IssueKind, ReleaseLevel, SessionStatus } from "@/prisma/generated/enums";
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { encryptFactorSecret, factorSecretKey } from "@/server/auth/factors/secret-box";
import { newRecoveryCodes, normaliseRecoveryCode } from "@/server/auth/factors/recovery-codes";
import {
  addMember,
  createAgendaItem,
  createAssessment,
  createComment,
  createIssue,
  createMinutes,
  createPaper,
  createParty,
  createSeries,
  createSession,
  createStance,
  createSealSubmission,
  createUser,
  inviteScholarToItem,
  reviseMinutes,
  revisePaper,
  reviseStance,
  sealSessionStances,
  type DbClient,
} from "@/prisma/seed/factories";
import {
  DEMO_CONTENT,
  type Code,
  type DemoAccountKey,
  type PaperSpec,
  type ScholarKey,
  type SeriesSpec,
  type StanceSpec,
} from "@/prisma/seed/demo-content";
import { seedDemoNotifications } from "@/prisma/seed/demo-notifications";
import { seedJointTexts } from "@/prisma/seed/joint-texts";

/** The one password of every demo account (shown in the README of the embedded demo). */
export const DEMO_PASSWORD = "deterrence-demo-2026";

const DOMAIN = "demo.trilogue.test";

const ACCOUNTS = {
  admin: { email: `admin@${DOMAIN}`, name: "Alex Rivera", role: "Admin" },
  eddConvenor: { email: `convenor.edd@${DOMAIN}`, name: "Susan Caldwell", role: "Convenor, US-Japan EDD" },
  edscgConvenor: { email: `convenor.edscg@${DOMAIN}`, name: "Michael Brennan", role: "Convenor, US-ROK EDSCG" },
  triConvenor: { email: `convenor.tri@${DOMAIN}`, name: "Eleanor Hart", role: "Convenor, Trilateral track 1.5" },
  usDelegate: { email: `us.delegate@${DOMAIN}`, name: "James Thornton", role: "Delegate (United States)" },
  jpDelegate: { email: `jp.delegate@${DOMAIN}`, name: "Naoko Fujimura", role: "Delegate (Japan)" },
  krDelegate: { email: `kr.delegate@${DOMAIN}`, name: "Lee Min-seo", role: "Delegate (Republic of Korea)" },
  jpScholar: { email: `jp.scholar@${DOMAIN}`, name: "Kenji Arakawa", role: "Scholar (track 1.5), Japan" },
  krScholar: { email: `kr.scholar@${DOMAIN}`, name: "Choi Ha-eun", role: "Scholar (track 1.5), Korea" },
  usScholar: { email: `us.scholar@${DOMAIN}`, name: "Daniel Whitaker", role: "Scholar (track 1.5), United States" },
  observer: { email: `observer@${DOMAIN}`, name: "Sophie Laurent", role: "Observer" },
} as const satisfies Record<DemoAccountKey, { email: string; name: string; role: string }>;

const SCHOLAR_AFFILIATIONS: Record<ScholarKey, string> = {
  jpScholar: "Hakone Centre for Security Studies",
  krScholar: "Hangang Institute for Peace and Security",
  usScholar: "Cascadia Center for Nuclear Policy",
};

/**
 * The demo account with a second factor: a Japanese delegate in the EDD whose authenticator app has
 * this FIXED secret, printed in README for the embedded demo only (never a deployment's). Its
 * recovery codes are made at random and not printed: the account is there to show the code step.
 */
export const MFA_DEMO_ACCOUNT = {
  email: `mfa.delegate@${DOMAIN}`,
  name: "Haruto Kisaragi",
  role: "Delegate (Japan), EDD, with an authenticator app",
  totpSecret: "TRILOGUEDEMOTOTPJBSWY3DPEHPK3PXP",
} as const;

export const DEMO_ACCOUNTS: { email: string; password: string; role: string; name: string }[] = [
  ...Object.values(ACCOUNTS).map((a) => ({ email: a.email, password: DEMO_PASSWORD, role: a.role, name: a.name })),
  { email: MFA_DEMO_ACCOUNT.email, password: DEMO_PASSWORD, role: MFA_DEMO_ACCOUNT.role, name: MFA_DEMO_ACCOUNT.name },
];

const DAY_MS = 24 * 60 * 60 * 1000;
const PARTY_NAMES: Record<Code, string> = { US: "United States", JP: "Japan", KR: "Republic of Korea" };
const DELEGATE_OF: Record<Code, DemoAccountKey> = { US: "usDelegate", JP: "jpDelegate", KR: "krDelegate" };
// Concurrent first starts (two app instances) must not both seed.
const SEED_LOCK_KEY = 74_102_026;

/** Minutes east of UTC that `timeZone` observes at `at`. */
function utcOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/** The instant when clocks in `timeZone` show `hours` (fractional) on the given calendar day. */
function wallClock(day: Date, hours: number, timeZone: string): Date {
  const guess = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + hours * 3_600_000;
  const first = guess - utcOffsetMinutes(timeZone, new Date(guess)) * 60_000;
  return new Date(guess - utcOffsetMinutes(timeZone, new Date(first)) * 60_000);
}

/** Today plus `days`, moved forward to the next Tuesday so sessions fall on working days. */
function meetingDay(today: Date, days: number): Date {
  const d = new Date(today.getTime() + days * DAY_MS);
  return new Date(d.getTime() + ((2 - d.getUTCDay() + 7) % 7) * DAY_MS);
}

interface SessionRecord {
  id: string;
  key: string;
  startsAt: Date;
  status: SessionStatus;
  /** Before this instant every paper and stance of the session was written. */
  writtenBy: Date;
  items: { id: string; issueKey: string | null; title: string; status: AgendaItemStatus }[];
}

type Accounts = Record<DemoAccountKey, { id: string }>;
type Parties = Record<Code, { id: string }>;

async function seedAccounts(tx: DbClient) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = {} as Accounts;
  for (const [key, account] of Object.entries(ACCOUNTS) as [DemoAccountKey, (typeof ACCOUNTS)[DemoAccountKey]][]) {
    users[key] = await createUser(tx, {
      email: account.email,
      name: account.name,
      passwordHash,
      isAdmin: key === "admin",
      affiliation: key in SCHOLAR_AFFILIATIONS ? SCHOLAR_AFFILIATIONS[key as ScholarKey] : null,
    });
  }
  return users;
}

async function seedSeries(tx: DbClient, spec: SeriesSpec, users: Accounts, parties: Parties, now: Date) {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const series = await createSeries(tx, {
    name: spec.name,
    shortName: spec.shortName,
    description: spec.description,
    track: spec.track,
    attribution: spec.attribution,
    illustrative: true,
    partyIds: spec.parties.map((code) => parties[code].id),
  });
  const convenorId = users[spec.convenor].id;

  await addMember(tx, { seriesId: series.id, userId: convenorId, role: "CONVENOR" });
  for (const code of spec.parties) {
    await addMember(tx, { seriesId: series.id, userId: users[DELEGATE_OF[code]].id, role: "DELEGATE", partyId: parties[code].id });
  }
  for (const scholar of spec.scholars) {
    await addMember(tx, { seriesId: series.id, userId: users[scholar].id, role: "SCHOLAR", affiliation: SCHOLAR_AFFILIATIONS[scholar] });
  }
  for (const observer of spec.observers) {
    await addMember(tx, { seriesId: series.id, userId: users[observer].id, role: "OBSERVER" });
  }

  const issues = new Map<string, { id: string; kind: IssueKind }>();
  for (const issue of spec.issues) {
    const row = await createIssue(tx, {
      seriesId: series.id,
      title: issue.title,
      description: issue.description,
      kind: issue.kind,
      topic: issue.topic,
    });
    issues.set(issue.key, row);
  }
  const issueId = (key: string) => {
    const row = issues.get(key);
    if (!row) throw new Error(`demo seed: ${spec.shortName} has no issue "${key}"`);
    return row.id;
  };

  const sessions = new Map<string, SessionRecord>();
  let previous: SessionRecord | undefined;
  for (const s of spec.sessions) {
    const day = meetingDay(today, s.daysFromToday);
    const startsAt = wallClock(day, s.startHour, s.timeZone);
    const endsAt = wallClock(new Date(day.getTime() + (s.days - 1) * DAY_MS), s.endHour, s.timeZone);
    const session = await createSession(tx, {
      seriesId: series.id,
      title: s.title,
      startsAt,
      endsAt,
      timeZone: s.timeZone,
      place: s.place,
      isVirtual: s.isVirtual ?? false,
      status: s.status,
      agendaPublishedAt: s.status === "DRAFT" ? null : new Date(Math.min(startsAt.getTime() - 21 * DAY_MS, now.getTime() - 7 * DAY_MS)),
    });
    const record: SessionRecord = {
      id: session.id,
      key: s.key,
      startsAt,
      status: s.status,
      writtenBy: new Date(Math.min(startsAt.getTime() - 2 * DAY_MS, now.getTime() - DAY_MS)),
      items: [],
    };

    // Items run back to back from the opening, wrapping to the next morning on two-day sessions.
    let cursor = startsAt.getTime();
    let dayIndex = 0;
    for (const [index, item] of s.items.entries()) {
      const dayEnd = wallClock(new Date(day.getTime() + dayIndex * DAY_MS), s.endHour, s.timeZone).getTime();
      if (cursor + item.minutes * 60_000 > dayEnd && dayIndex + 1 < s.days) {
        dayIndex += 1;
        cursor = wallClock(new Date(day.getTime() + dayIndex * DAY_MS), s.startHour, s.timeZone).getTime();
      }
      const carriedFrom = item.carried && item.issue ? previous?.items.find((i) => i.issueKey === item.issue) : undefined;
      if (item.carried && !carriedFrom) throw new Error(`demo seed: ${s.key} carries "${item.title}" from nowhere`);
      const status = item.status ?? defaultItemStatus(s.status);
      const row = await createAgendaItem(tx, {
        sessionId: session.id,
        position: index + 1,
        title: item.title,
        description: item.description ?? "",
        startsAt: new Date(cursor),
        endsAt: new Date(cursor + item.minutes * 60_000),
        issueId: item.issue ? issueId(item.issue) : null,
        proposingPartyId: item.proposer ? parties[item.proposer].id : null,
        status,
        carriedFromId: carriedFrom?.id ?? null,
      });
      cursor += item.minutes * 60_000;
      for (const scholar of item.invite ?? []) {
        await inviteScholarToItem(tx, { agendaItemId: row.id, userId: users[scholar].id, invitedById: convenorId });
      }
      record.items.push({ id: row.id, issueKey: item.issue ?? null, title: item.title, status });
    }
    sessions.set(s.key, record);
    previous = record;
  }
  const sessionOf = (key: string) => {
    const record = sessions.get(key);
    if (!record) throw new Error(`demo seed: ${spec.shortName} has no session "${key}"`);
    return record;
  };
  const itemOf = (sessionKey: string, issueKey: string) => {
    const item = sessionOf(sessionKey).items.find((i) => i.issueKey === issueKey);
    if (!item) throw new Error(`demo seed: ${spec.shortName} ${sessionKey} has no item on "${issueKey}"`);
    return item;
  };

  const defaultLevel = (kind: IssueKind): ReleaseLevel =>
    spec.track === "TRACK_1_5" && kind === "PROPOSITION" ? "ALL_PARTICIPANTS" : "GOVERNMENTS";
  for (const issue of spec.issues) {
    for (const [sessionKey, byParty] of Object.entries(issue.stances)) {
      const session = sessionOf(sessionKey);
      itemOf(sessionKey, issue.key);
      for (const [code, stance] of Object.entries(byParty) as [Code, StanceSpec][]) {
        await seedStance(tx, {
          stance,
          level: stance.level ?? defaultLevel(issues.get(issue.key)?.kind ?? "PROPOSITION"),
          issueId: issueId(issue.key),
          sessionId: session.id,
          partyId: parties[code].id,
          authorId: users[DELEGATE_OF[code]].id,
          writtenBy: session.writtenBy,
        });
      }
    }
  }

  const papers = new Map<string, string>();
  for (const paper of spec.papers) {
    const session = sessionOf(paper.session);
    const authorId = users[paper.author].id;
    const steps = paperHistory(paper);
    const at = (step: number) => new Date(session.writtenBy.getTime() - (steps.length - 1 - step) * 4 * DAY_MS);
    const [first, ...rest] = steps;
    const created = await createPaper(tx, {
      sessionId: session.id,
      partyId: paper.party ? parties[paper.party].id : null,
      authorId,
      title: paper.title,
      body: first?.body ?? "",
      releaseLevel: "PARTY",
      agendaItemIds: paper.items.map((issueKey) => itemOf(paper.session, issueKey).id),
      createdAt: at(0),
    });
    for (const [i, step] of rest.entries()) {
      await revisePaper(tx, { paperId: created.id, authorId, body: step.body, releaseLevel: step.level, createdAt: at(i + 1) });
    }
    papers.set(paper.key, created.id);
  }

  for (const a of spec.assessments) {
    const session = sessionOf(a.session);
    await createAssessment(tx, {
      issueId: issueId(a.issue),
      sessionId: session.id,
      agendaItemId: itemOf(a.session, a.issue).id,
      scholarId: users[a.scholar].id,
      position: a.position,
      reasoning: a.reasoning,
      createdAt: session.writtenBy,
    });
  }

  for (const c of spec.comments) {
    const session = sessionOf(c.session);
    const target =
      "paper" in c
        ? { paperId: papers.get(c.paper) ?? missing(`paper "${c.paper}"`) }
        : { agendaItemId: itemOf(c.session, c.item).id };
    const replies = c.replies ?? [];
    const hour = 60 * 60 * 1000;
    const postedAt = session.writtenBy.getTime() - DAY_MS;
    const root = await createComment(tx, {
      ...target,
      authorId: users[c.author].id,
      body: c.body,
      createdAt: new Date(postedAt),
      resolvedAt: c.resolvedBy ? new Date(postedAt + (replies.length * 3 + 1) * hour) : null,
      resolvedById: c.resolvedBy ? users[c.resolvedBy].id : null,
    });
    for (const [i, reply] of replies.entries()) {
      await createComment(tx, {
        ...target,
        parentId: root.id,
        authorId: users[reply.author].id,
        body: reply.body,
        createdAt: new Date(postedAt + (i + 1) * 3 * hour),
      });
    }
  }

  for (const s of spec.sessions) {
    if (!s.minutes) continue;
    const session = sessionOf(s.key);
    const endsAt = session.startsAt.getTime() + s.days * DAY_MS;
    const discussed = session.items
      .map((i) => `- **${i.title}**${i.status === "DEFERRED" ? " — deferred to the next session" : ""}`)
      .join("\n");
    // A first draft without the closing sentence or the list of items, then the full text.
    const minutes = await createMinutes(tx, {
      sessionId: session.id,
      authorId: convenorId,
      body: `${withoutLastSentence(s.minutes)}\n\n_Draft for the delegations' comments. Illustrative demo content: no government's position._`,
      releasedAt: null,
      createdAt: new Date(endsAt + 2 * DAY_MS),
    });
    await reviseMinutes(tx, {
      minutesId: minutes.id,
      authorId: convenorId,
      body: `${s.minutes}\n\n## Items\n\n${discussed}\n\n_Illustrative demo content: no government's position._`,
      createdAt: new Date(endsAt + 7 * DAY_MS),
    });
    if (!s.minutesUnreleased) {
      await tx.minutes.update({ where: { id: minutes.id }, data: { releasedAt: new Date(endsAt + 10 * DAY_MS) } });
    }
  }

  for (const s of spec.sessions) {
    if (!s.sealed) continue;
    const session = sessionOf(s.key);
    await sealSessionStances(tx, { sessionId: session.id, sealedAt: new Date(session.writtenBy.getTime() - 12 * DAY_MS) });
    for (const code of s.sealed.submitted) {
      await createSealSubmission(tx, {
        sessionId: session.id,
        partyId: parties[code].id,
        submittedById: users[DELEGATE_OF[code]].id,
        submittedAt: new Date(session.writtenBy.getTime() + 2 * 60 * 60 * 1000),
      });
    }
  }

  const delegates: Partial<Record<Code, { userId: string; partyId: string }>> = {};
  for (const code of spec.parties) delegates[code] = { userId: users[DELEGATE_OF[code]].id, partyId: parties[code].id };
  await seedJointTexts(tx, { shortName: spec.shortName, convenorId, delegates, sessionId: (key) => sessionOf(key).id, now });
}

/** The text up to its last sentence, for a first draft. */
function withoutLastSentence(text: string): string {
  const cut = text.trimEnd().slice(0, -1).lastIndexOf(". ");
  return cut > 0 ? text.slice(0, cut + 1) : text;
}

function defaultItemStatus(session: SessionStatus): AgendaItemStatus {
  if (session === "CONCLUDED") return "DISCUSSED";
  if (session === "DRAFT") return "PROPOSED";
  return "ACCEPTED";
}

function missing(what: string): never {
  throw new Error(`demo seed: no ${what}`);
}

/**
 * A paper's revisions as its party would have made them: drafts at PARTY (the first lacks the last
 * section), then, when released, a revision at each level it was raised to (raising the level
 * writes a revision), and with `revisions: 3` the final edits made after the release.
 */
function paperHistory(paper: PaperSpec): { body: string; level: ReleaseLevel }[] {
  const full = paper.sections.join("\n\n");
  const steps: { body: string; level: ReleaseLevel }[] =
    paper.revisions === 1
      ? [{ body: full, level: "PARTY" }]
      : [
          { body: paper.sections.slice(0, -1).join("\n\n"), level: "PARTY" },
          { body: full, level: "PARTY" },
        ];
  if (paper.level !== "PARTY") {
    if (paper.via && paper.via !== "PARTY") steps.push({ body: full, level: paper.via });
    steps.push({ body: full, level: paper.level });
  }
  if (paper.revisions === 3) {
    steps.push({ body: paper.sections.map((text, i) => paper.finalEdits?.[i] ?? text).join("\n\n"), level: paper.level });
  }
  return steps;
}

/**
 * A stance as its delegation would have built it: drafted inside the party (first at `from` when
 * the position moved during drafting, then redrafted), every draft at PARTY; released a few days
 * before the session by a revision of its own at the release level.
 */
async function seedStance(
  tx: DbClient,
  args: {
    stance: StanceSpec;
    level: ReleaseLevel;
    issueId: string;
    sessionId: string;
    partyId: string;
    authorId: string;
    writtenBy: Date;
  },
) {
  const { stance, level } = args;
  const values = {
    position: stance.position,
    rationale: stance.rationale,
    conditions: stance.conditions ?? "",
    redLine: stance.redLine ?? false,
    priority: stance.priority ?? 2,
  };
  const moved = stance.from !== undefined && stance.from !== stance.position;
  const draftedAt = new Date(args.writtenBy.getTime() - (level === "PARTY" ? 5 : 9) * DAY_MS);
  const created = await createStance(tx, {
    issueId: args.issueId,
    sessionId: args.sessionId,
    partyId: args.partyId,
    authorId: args.authorId,
    ...values,
    position: stance.from ?? stance.position,
    releaseLevel: "PARTY",
    createdAt: moved || level !== "PARTY" ? draftedAt : args.writtenBy,
  });
  if (moved) {
    const redraftedAt = new Date(args.writtenBy.getTime() - (level === "PARTY" ? 0 : 4) * DAY_MS);
    await reviseStance(tx, { stanceId: created.id, authorId: args.authorId, ...values, releaseLevel: "PARTY", createdAt: redraftedAt });
  }
  if (level === "PARTY") return;
  const releasedAt = stance.amended ? new Date(args.writtenBy.getTime() - 2 * DAY_MS) : args.writtenBy;
  await reviseStance(tx, { stanceId: created.id, authorId: args.authorId, ...values, releaseLevel: level, createdAt: releasedAt });
  if (stance.amended) {
    await reviseStance(tx, { stanceId: created.id, authorId: args.authorId, ...stance.amended, releaseLevel: level, createdAt: args.writtenBy });
  }
}

/**
 * The Japanese EDD delegate with an authenticator app (MFA_DEMO_ACCOUNT). The secret is encrypted
 * under NEXTAUTH_SECRET as the app's own are (the launcher, db:seed and the e2e runner set it to the
 * key the server will run with); without one the account stays password-only.
 */
async function seedMfaDemoAccount(tx: DbClient, jpPartyId: string) {
  const user = await createUser(tx, { email: MFA_DEMO_ACCOUNT.email, name: MFA_DEMO_ACCOUNT.name, passwordHash: await hashPassword(DEMO_PASSWORD) });
  const edd = await tx.series.findUniqueOrThrow({ where: { shortName: "EDD" }, select: { id: true } });
  await addMember(tx, { seriesId: edd.id, userId: user.id, role: "DELEGATE", partyId: jpPartyId });
  const masterSecret = process.env.NEXTAUTH_SECRET;
  if (!masterSecret) {
    console.warn(`NEXTAUTH_SECRET is not set: ${MFA_DEMO_ACCOUNT.email} is seeded without its authenticator app.`);
    return;
  }
  const now = new Date();
  await tx.authFactor.create({
    data: {
      userId: user.id,
      kind: "TOTP",
      label: "Demo authenticator",
      secret: encryptFactorSecret(MFA_DEMO_ACCOUNT.totpSecret, user.id, factorSecretKey(masterSecret)),
      confirmedAt: now,
      createdAt: now,
    },
  });
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => hashPassword(normaliseRecoveryCode(code)!)));
  await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: user.id, codeHash })) });
}

/**
 * Seeds the illustrative demo (DESIGN.md "Facts from the background for the demo data") in one
 * transaction. Does nothing when the demo admin account exists, so it is safe on every start.
 */
export async function seedDemo(db: Db): Promise<void> {
  const adminAccount = { where: { email: ACCOUNTS.admin.email }, select: { id: true } } as const;
  if (await db.user.findUnique(adminAccount)) return;
  const now = new Date();
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      if (await tx.user.findUnique(adminAccount)) return;
      const users = await seedAccounts(tx);
      const parties = {} as Parties;
      for (const code of ["US", "JP", "KR"] as const) {
        parties[code] = (await tx.party.findUnique({ where: { code } })) ?? (await createParty(tx, { code, name: PARTY_NAMES[code] }));
      }
      for (const spec of DEMO_CONTENT) await seedSeries(tx, spec, users, parties, now);
      await seedMfaDemoAccount(tx, parties.JP.id);
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  await seedDemoNotifications(db);
}
