import type { JointTextKind, JointTextRelease } from "@/prisma/generated/enums";
import type { Prisma } from "@/prisma/generated/client";
import type { DbClient } from "@/prisma/seed/factories";
import type { Code } from "@/prisma/seed/demo-content";
import { applyOperation, emptyBody, type JointBody, type JointOperation } from "@/server/domain/joint-text";

// The demo's joint texts (issue 11; illustrative, like all demo content): each series gets one with
// history, built through the domain operations so every revision is the previous one with one
// operation applied, exactly as the services would have written it.

const DAY_MS = 24 * 60 * 60 * 1000;
const ILLUSTRATIVE_NOTE = "_Illustrative demo text: no government's position._";

type Actor = "chair" | Code;
type Step = { op: JointOperation | { op: "tabled" } | { op: "released"; release: JointTextRelease }; by: Actor; proposalId?: string; proposalKind?: "BRACKET" | "OPTION" };

/** A text's history: each step applies one operation (or tables / releases) and becomes a revision. */
class History {
  body: JointBody = emptyBody();
  readonly revisions: { body: JointBody; change: Record<string, unknown>; tabled: boolean; by: Actor }[] = [];
  release: JointTextRelease = "DRAFT";

  constructor() {
    this.revisions.push({ body: this.body, change: { op: "created", by: "chair" }, tabled: false, by: "chair" });
  }

  step(s: Step) {
    if (s.op.op === "tabled") return this.push({ op: "tabled", by: s.by }, true, s.by);
    if (s.op.op === "released") {
      this.release = s.op.release;
      return this.push({ op: "released", release: s.op.release, by: s.by }, false, s.by);
    }
    this.body = applyOperation(this.body, s.op);
    const change = s.proposalId ? { op: "proposalTabled", proposalId: s.proposalId, kind: s.proposalKind, operations: [s.op], by: s.by } : { ...s.op, by: s.by };
    this.push(change, false, s.by);
  }

  private push(change: Record<string, unknown>, tabled: boolean, by: Actor) {
    this.revisions.push({ body: this.body, change, tabled, by });
  }

  /** Paragraph n (1-based) text segment index and character range of `words`, for a bracket over them. */
  span(paragraphId: string, words: string) {
    const p = this.body.paragraphs.find((x) => x.id === paragraphId);
    if (!p) throw new Error(`demo seed: no paragraph ${paragraphId}`);
    for (const [segmentIndex, s] of p.segments.entries()) {
      if (s.type !== "text") continue;
      const start = s.text.indexOf(words);
      if (start >= 0) return { paragraphId, segmentIndex, start, end: start + words.length };
    }
    throw new Error(`demo seed: "${words}" is not in ${paragraphId}`);
  }
}

/** The option ids bracketSpan gives: the chair's wording is `${bracketId}-0`. */
const chairOption = (bracketId: string) => `${bracketId}-0`;

export interface JointTextSeedContext {
  shortName: string;
  convenorId: string;
  delegates: Partial<Record<Code, { userId: string; partyId: string }>>;
  /** Session ids by the demo's session key. */
  sessionId: (key: string) => string;
  now: Date;
}

async function persist(
  tx: DbClient,
  ctx: JointTextSeedContext,
  input: {
    sessionKey: string;
    kind: JointTextKind;
    title: string;
    history: History;
    /** Days before now of the first and the last revision; the others are spread between. */
    from: number;
    to: number;
    proposals?: { id: string; party: Code; kind: "BRACKET" | "OPTION"; payload: unknown; note?: string; tabledRevision?: number }[];
  },
) {
  const { history } = input;
  const n = history.revisions.length;
  const at = (i: number) => new Date(ctx.now.getTime() - (input.from - ((input.from - input.to) * i) / Math.max(1, n - 1)) * DAY_MS);
  const authorOf = (by: Actor) => (by === "chair" ? ctx.convenorId : (ctx.delegates[by]?.userId ?? ctx.convenorId));
  let tabledNo = 0;
  const releasedAt = history.revisions.findIndex((r) => r.change.op === "released");
  const text = await tx.jointText.create({
    data: {
      sessionId: ctx.sessionId(input.sessionKey),
      createdById: ctx.convenorId,
      title: input.title,
      kind: input.kind,
      languageTag: "en",
      release: history.release,
      releasedAt: releasedAt >= 0 ? at(releasedAt) : null,
      currentRevision: n,
      version: n,
      createdAt: at(0),
      revisions: {
        create: history.revisions.map((r, i) => ({
          number: i + 1,
          body: r.body as Prisma.InputJsonValue,
          change: r.change as Prisma.InputJsonValue,
          tabled: r.tabled,
          tabledNo: r.tabled ? ++tabledNo : null,
          authorId: authorOf(r.by),
          createdAt: at(i),
        })),
      },
    },
    select: { id: true },
  });
  for (const p of input.proposals ?? []) {
    const delegate = ctx.delegates[p.party];
    if (!delegate) throw new Error(`demo seed: ${ctx.shortName} has no ${p.party} delegate`);
    const tabled = p.tabledRevision !== undefined;
    await tx.jointTextProposal.create({
      data: {
        id: p.id,
        textId: text.id,
        partyId: delegate.partyId,
        authorId: delegate.userId,
        kind: p.kind,
        payload: p.payload as Prisma.InputJsonValue,
        note: p.note ?? "",
        status: tabled ? "TABLED" : "DRAFT",
        tabledAt: tabled ? at(p.tabledRevision! - 1) : null,
        tabledById: tabled ? delegate.userId : null,
        tabledRevision: p.tabledRevision ?? null,
        createdAt: tabled ? at(p.tabledRevision! - 2) : at(n - 1),
      },
    });
  }
  return text.id;
}

/**
 * TRI-15, Fourth round, Tokyo: recommendations on risk reduction, released to all participants (so
 * the invited scholars read them): "[should / shall]" held by the US, an option pair over the
 * ICBM-first sequencing that the US and Japan hold against each other, agreed paragraphs on a
 * nuclear-testing freeze, and one Japanese proposal still inside the delegation.
 */
async function seedTri(tx: DbClient, ctx: JointTextSeedContext) {
  const h = new History();
  const chair = (op: JointOperation) => h.step({ op, by: "chair" });
  chair({
    op: "addParagraph",
    paragraphId: "p-tri-channel",
    text: "The participants recommend that the three governments should establish a standing trilateral channel for the prompt notification of missile launches, nuclear incidents and unusual military activity on the Korean Peninsula.",
  });
  chair({
    op: "addParagraph",
    paragraphId: "p-tri-sequence",
    text: "Any initial arrangement with North Korea should cap the testing and deployment of ICBMs first, with theatre-range missiles addressed in a later phase.",
  });
  chair({
    op: "addParagraph",
    paragraphId: "p-tri-freeze",
    text: "The participants support a verifiable freeze on nuclear testing by North Korea as an early and reversible step toward complete denuclearization, not as an end in itself.",
  });
  chair({
    op: "addParagraph",
    paragraphId: "p-tri-freeze-2",
    text: "A testing freeze should be monitored through the International Monitoring System and national means, and its breach should be met by a coordinated response agreed in advance among the three governments.",
  });
  chair({ op: "addParagraph", paragraphId: "p-tri-note", text: ILLUSTRATIVE_NOTE });
  // The chair brackets the sequencing sentence with the allies' alternative beside it.
  const seq = h.span("p-tri-sequence", "cap the testing and deployment of ICBMs first, with theatre-range missiles addressed in a later phase");
  chair({
    op: "bracketSpan",
    ...seq,
    bracketId: "b-tri-sequence",
    alternatives: [
      { id: "o-tri-sequence-package", text: "address ICBMs and the theatre-range missiles that can reach Japan and the Republic of Korea in the same first phase", proposedBy: "JP" },
    ],
    holds: ["JP", "US"],
  });
  h.step({ op: { op: "tabled" }, by: "chair" });
  h.step({ op: { op: "released", release: "GOVERNMENTS" }, by: "chair" });
  // Korea proposes "shall" over "should"; tabling puts the bracket in with Korea holding.
  const should = h.span("p-tri-channel", "should");
  const krShall: JointOperation = {
    op: "bracketSpan",
    ...should,
    bracketId: "b-tri-shall",
    alternatives: [{ id: "o-tri-shall", text: "shall", proposedBy: "KR" }],
    holds: ["KR"],
  };
  h.step({ op: krShall, by: "KR", proposalId: "jtp-tri-kr-shall", proposalKind: "BRACKET" });
  const krTabledAt = h.revisions.length;
  // The United States holds "shall" (it would not commit governments in a track 1.5 text); Korea lifts once the US holds.
  h.step({ op: { op: "setHold", bracketId: "b-tri-shall", party: "US", held: true }, by: "US" });
  h.step({ op: { op: "setHold", bracketId: "b-tri-shall", party: "KR", held: false }, by: "KR" });
  h.step({ op: { op: "tabled" }, by: "chair" });
  h.step({ op: { op: "released", release: "ALL_PARTICIPANTS" }, by: "chair" });
  await persist(tx, ctx, {
    sessionKey: "t4",
    kind: "RECOMMENDATIONS",
    title: "Recommendations on nuclear risk reduction",
    history: h,
    from: 21,
    to: 3,
    proposals: [
      {
        id: "jtp-tri-kr-shall",
        party: "KR",
        kind: "BRACKET",
        payload: { kind: "BRACKET", ...should, alternatives: ["shall"] },
        note: "A standing channel only works if governments commit to it.",
        tabledRevision: krTabledAt,
      },
      {
        // Still inside the Japanese delegation: no other party, the chair or a scholar sees it.
        id: "jtp-tri-jp-timetable",
        party: "JP",
        kind: "OPTION",
        payload: { kind: "OPTION", bracketId: "b-tri-sequence", text: "cap ICBMs first only within an agreed timetable that brings theatre-range missiles into the first tranche" },
        note: "Fallback for Tokyo: a timetable would meet the decoupling concern.",
      },
    ],
  });
}

/**
 * A bilateral joint statement draft with one bracket cleaned over three revisions: the chair's
 * bracket is tabled with the partner holding, the partner lifts its hold, the chair accepts.
 */
async function seedBilateral(
  tx: DbClient,
  ctx: JointTextSeedContext,
  spec: { sessionKey: string; title: string; partner: Code; paragraphs: string[]; bracket: { paragraph: number; words: string; alternative: string; accept: "chair" | "alternative" }; open?: { paragraph: number; words: string; alternative: string } ; from: number; to: number },
) {
  const h = new History();
  spec.paragraphs.forEach((text, i) => h.step({ op: { op: "addParagraph", paragraphId: `p-${ctx.shortName.toLowerCase()}-${i + 1}`, text }, by: "chair" }));
  h.step({ op: { op: "addParagraph", paragraphId: `p-${ctx.shortName.toLowerCase()}-note`, text: ILLUSTRATIVE_NOTE }, by: "chair" });
  const pid = (n: number) => `p-${ctx.shortName.toLowerCase()}-${n}`;
  const bracketId = `b-${ctx.shortName.toLowerCase()}-1`;
  const alt = `o-${ctx.shortName.toLowerCase()}-1`;
  h.step({
    op: { op: "bracketSpan", ...h.span(pid(spec.bracket.paragraph), spec.bracket.words), bracketId, alternatives: [{ id: alt, text: spec.bracket.alternative, proposedBy: spec.partner }], holds: [spec.partner] },
    by: "chair",
  });
  if (spec.open) {
    const openId = `b-${ctx.shortName.toLowerCase()}-2`;
    h.step({
      op: { op: "bracketSpan", ...h.span(pid(spec.open.paragraph), spec.open.words), bracketId: openId, alternatives: [{ id: `o-${ctx.shortName.toLowerCase()}-2`, text: spec.open.alternative, proposedBy: "US" }], holds: ["US"] },
      by: "chair",
    });
  }
  h.step({ op: { op: "released", release: "GOVERNMENTS" }, by: "chair" });
  // Rev. 1, 2, 3: tabled with the bracket held; the partner lifts its hold; the chair accepts.
  h.step({ op: { op: "tabled" }, by: "chair" });
  h.step({ op: { op: "setHold", bracketId, party: spec.partner, held: false }, by: spec.partner });
  h.step({ op: { op: "tabled" }, by: "chair" });
  h.step({ op: { op: "acceptOption", bracketId, optionId: spec.bracket.accept === "chair" ? chairOption(bracketId) : alt }, by: "chair" });
  h.step({ op: { op: "tabled" }, by: "chair" });
  await persist(tx, ctx, { sessionKey: spec.sessionKey, kind: "JOINT_STATEMENT", title: spec.title, history: h, from: spec.from, to: spec.to });
}

/** The demo's joint texts of one series (by its short name); a series without one is left alone. */
export async function seedJointTexts(tx: DbClient, ctx: JointTextSeedContext) {
  if (ctx.shortName === "TRI-15") return seedTri(tx, ctx);
  if (ctx.shortName === "EDD") {
    return seedBilateral(tx, ctx, {
      sessionKey: "e3",
      title: "Joint statement of the Extended Deterrence Dialogue, Honolulu",
      partner: "JP",
      paragraphs: [
        "The United States and Japan held the Extended Deterrence Dialogue in Honolulu, including a tabletop exercise on nuclear coercion against bases in Japan in a Korean contingency.",
        "The United States reaffirmed its unwavering commitment to the defense of Japan, backed by the full range of its capabilities, including nuclear.",
        "Both sides agreed that any discussion of risk reduction with North Korea must not weaken extended deterrence, and that Japan will be consulted closely and in advance.",
      ],
      bracket: { paragraph: 3, words: "consulted closely and in advance", alternative: "informed before, not after, any contact", accept: "chair" },
      from: 125,
      to: 110,
    });
  }
  if (ctx.shortName === "EDSCG") {
    return seedBilateral(tx, ctx, {
      sessionKey: "k4",
      title: "Joint statement of the Extended Deterrence Strategy and Consultation Group, Seoul",
      partner: "KR",
      paragraphs: [
        "The United States and the Republic of Korea convened the Extended Deterrence Strategy and Consultation Group in Seoul.",
        "The United States reiterated that any nuclear attack by North Korea against the Republic of Korea will be met with a swift and decisive response.",
        "Both sides will continue to consult on nuclear risk reduction with North Korea as an interim step toward complete denuclearization.",
      ],
      bracket: { paragraph: 2, words: "swift and decisive", alternative: "swift, overwhelming and decisive", accept: "alternative" },
      open: { paragraph: 3, words: "as an interim step toward", alternative: "without prejudice to the goal of" },
      from: 20,
      to: 4,
    });
  }
}
