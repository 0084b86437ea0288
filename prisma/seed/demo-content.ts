import type {
  AgendaItemStatus,
  AttributionRule,
  IssueKind,
  ReleaseLevel,
  SessionStatus,
  Track,
} from "@/prisma/generated/enums";

// The illustrative demo: invented positions built from the background in DESIGN.md. None of it is,
// or paraphrases, any government's position. Stance tables are laid out so the convergence tracker
// shows each status; the expected outcome is noted above each issue.

export type Code = "US" | "JP" | "KR";
export type ScholarKey = "jpScholar" | "krScholar" | "usScholar";
export type DemoAccountKey =
  | "admin"
  | "eddConvenor"
  | "edscgConvenor"
  | "triConvenor"
  | "usDelegate"
  | "jpDelegate"
  | "krDelegate"
  | ScholarKey
  | "observer";

export interface StanceSpec {
  position: number;
  rationale: string;
  conditions?: string;
  redLine?: boolean;
  priority?: 1 | 2 | 3;
  /** Defaults to ALL_PARTICIPANTS for track 1.5 propositions, else GOVERNMENTS. */
  level?: ReleaseLevel;
  /** The position of the party-internal draft, when it moved before release. */
  from?: number;
  /** Wording revised after the release (a second revision at the release level). */
  amended?: { rationale?: string; conditions?: string };
}

export interface IssueSpec {
  key: string;
  title: string;
  description: string;
  topic: string;
  kind?: IssueKind;
  /** Session key → each party's stance at that session. */
  stances: Record<string, Partial<Record<Code, StanceSpec>>>;
}

export interface ItemSpec {
  title: string;
  minutes: number;
  /** Key of the issue discussed; none for procedural items. */
  issue?: string;
  description?: string;
  status?: AgendaItemStatus;
  proposer?: Code;
  /** Carried over from the previous session's item on the same issue. */
  carried?: boolean;
  invite?: ScholarKey[];
}

export interface SessionSpec {
  key: string;
  title: string;
  place: string | null;
  timeZone: string;
  isVirtual?: boolean;
  /** Moved forward to the next Tuesday. */
  daysFromToday: number;
  days: 1 | 2;
  /** Local hours, fractional. */
  startHour: number;
  endHour: number;
  status: SessionStatus;
  items: ItemSpec[];
  /** Summary paragraph of the minutes; concluded sessions only. */
  minutes?: string;
  /** The convenor has drafted the minutes but not released them yet. */
  minutesUnreleased?: boolean;
  /** Sealed release: stances stay with their own party until every party submitted; these parties have. */
  sealed?: { submitted: Code[] };
}

export interface PaperSpec {
  key: string;
  session: string;
  /** Null for a scholar's own paper. */
  party: Code | null;
  author: DemoAccountKey;
  title: string;
  level: ReleaseLevel;
  /** Released first at this lower level, then raised to `level`. */
  via?: ReleaseLevel;
  /** Issue keys of the session's items the paper is linked to. */
  items: string[];
  /**
   * Drafts inside the party: 1 or 2 (the first lacks the last section). With 3, the final edits
   * are a revision made after the release, so other parties can compare two revisions.
   */
  revisions: 1 | 2 | 3;
  sections: string[];
  /** Section index → its wording in the revision after the release. */
  finalEdits?: Record<number, string>;
}

export interface AssessmentSpec {
  session: string;
  issue: string;
  scholar: ScholarKey;
  position: number;
  reasoning: string;
}

export type CommentSpec = {
  session: string;
  author: DemoAccountKey;
  body: string;
  replies?: { author: DemoAccountKey; body: string }[];
  resolvedBy?: DemoAccountKey;
} & ({ item: string } | { paper: string });

export interface SeriesSpec {
  name: string;
  shortName: string;
  description: string;
  track: Track;
  attribution: AttributionRule;
  parties: Code[];
  convenor: DemoAccountKey;
  scholars: ScholarKey[];
  observers: DemoAccountKey[];
  issues: IssueSpec[];
  sessions: SessionSpec[];
  papers: PaperSpec[];
  assessments: AssessmentSpec[];
  comments: CommentSpec[];
}

const ILLUSTRATIVE =
  "Illustrative demo content: every session, paper, stance and minute in this series is invented to show how Trilogue works. None of it is, or paraphrases, any government's position.";

const opening = (minutes: number): ItemSpec => ({
  title: "Opening remarks and adoption of the agenda",
  minutes,
  description: "Welcome by the convenor; adoption of the agenda; housekeeping.",
});

const CRITERIA = {
  umbrella: {
    title: "Declared US nuclear umbrella",
    description: "A public, repeated US commitment to use the full range of its capabilities, nuclear included, in defence of the ally.",
  },
  forward: {
    title: "Forward-deployed US forces",
    description: "US forces stationed in the region, whose presence ties US lives to the ally's defence.",
  },
  missileDefence: {
    title: "Integrated air and missile defence",
    description: "Layered, interoperable missile defences that blunt a limited North Korean strike.",
  },
  consultation: {
    title: "Allied consultation before any nuclear use",
    description: "A standing, credible process through which the ally is consulted before nuclear weapons are used in its defence.",
  },
  conventional: {
    title: "Conventional strike options",
    description: "Allied and US conventional long-range strike that can answer limited attacks without crossing the nuclear threshold.",
  },
  noNsa: {
    title: "Refusal of a negative security assurance to North Korea",
    description: "The United States withholds any assurance not to use or threaten nuclear weapons against North Korea.",
  },
  counterforce: {
    title: "Retained counterforce options",
    description: "The ability to hold North Korean nuclear forces and their command at risk.",
  },
} as const;

type CriterionKey = keyof typeof CRITERIA;

function criterion(key: CriterionKey, stances: IssueSpec["stances"]): IssueSpec {
  return { key, kind: "DETERRENCE_CRITERION", topic: "credible deterrence", ...CRITERIA[key], stances };
}

const EDD: SeriesSpec = {
  name: "US-Japan Extended Deterrence Dialogue",
  shortName: "EDD",
  description: `The bilateral government channel on extended deterrence between the United States and Japan, with nuclear risk reduction and arms control with North Korea added to its agenda. ${ILLUSTRATIVE}`,
  track: "TRACK_1",
  attribution: "ATTRIBUTED",
  parties: ["US", "JP"],
  convenor: "eddConvenor",
  scholars: [],
  observers: ["observer"],
  issues: [
    // Narrows to convergence: spread 3 → 2 → 1.
    {
      key: "agenda",
      title: "Nuclear risk reduction and arms control with North Korea belong on the EDD agenda",
      description:
        "Whether the EDD, created to reassure Japan about extended deterrence, should also discuss risk reduction and arms control with North Korea, so that alliance coordination precedes any negotiation.",
      topic: "alliance coordination",
      stances: {
        e1: {
          US: {
            position: 2,
            rationale:
              "If Washington ever explores risk reduction with Pyongyang, Tokyo should hear it first and in this room. Discussing it here is itself a reassurance measure.",
            priority: 2,
          },
          JP: {
            position: -1,
            rationale:
              "Japan is concerned that putting arms control on the EDD agenda would be read, at home and in Pyongyang, as a step toward accepting North Korea as a nuclear state.",
            priority: 2,
          },
        },
        e2: {
          US: { position: 2, rationale: "Unchanged. The United States proposes a standing agenda item with agreed guardrails." },
          JP: {
            position: 0,
            from: -1,
            rationale: "With guardrails in writing, in particular that deterrence remains the purpose of the dialogue, Japan can consider a standing item.",
            conditions: "No public reference to arms control talks until both governments agree.",
            amended: {
              conditions:
                "No public reference to arms control talks until both governments agree; Japan is informed before, not after, any US contact with Pyongyang on these subjects.",
            },
          },
        },
        e3: {
          US: { position: 2, rationale: "The United States welcomes Japan's agreement and the guardrails." },
          JP: {
            position: 1,
            from: 0,
            rationale: "Japan supports a standing agenda item: it is better to shape any US approach to Pyongyang than to learn of it afterwards.",
          },
        },
      },
    },
    // Widens: spread 1 → 3, then holds.
    {
      key: "mrbm",
      title: "An initial arrangement with North Korea must limit MRBMs that can reach Japan",
      description:
        "North Korean medium-range ballistic missiles could be used to threaten Japan into denying the United States the use of its bases in a Korean contingency. Should limits on them be part of any first phase?",
      topic: "arms control",
      stances: {
        e1: {
          US: {
            position: 1,
            rationale: "MRBM limits are desirable; the United States would table them if Pyongyang engages on missiles at all.",
          },
          JP: {
            position: 2,
            rationale:
              "MRBMs are the means by which North Korea could coerce Japan over basing. Any arrangement that leaves them unconstrained would damage the alliance.",
            priority: 3,
          },
        },
        e2: {
          US: {
            position: 0,
            from: 1,
            rationale:
              "Loading MRBM limits into a first phase may produce an offer Pyongyang will not take. The United States now leans toward a second phase for theatre-range systems.",
          },
          JP: {
            position: 3,
            from: 2,
            rationale: "Japan now regards MRBM limits as essential to any first phase. The US shift is a serious concern for Tokyo.",
            conditions: "Limits on numbers and deployment areas; no arrangement that addresses only ICBMs.",
            priority: 3,
          },
        },
        e3: {
          US: {
            position: 0,
            rationale: "The United States has not decided. Missile defence and posture measures can address the basing concern in the meantime.",
          },
          JP: {
            position: 3,
            rationale: "The tabletop exercise confirmed Japan's concern: posture measures do not remove the coercive threat.",
            priority: 3,
          },
        },
      },
    },
    // Blocked by Japan's red line at both sessions.
    {
      key: "nsa",
      title: "The United States should offer North Korea a negative security assurance",
      description:
        "An assurance not to use or threaten to use nuclear weapons against North Korea, offered as an inducement in negotiations. Allies may read it as weakening extended deterrence.",
      topic: "declaratory policy",
      stances: {
        e2: {
          US: {
            position: 0,
            rationale: "The United States has taken no decision; an assurance could be a late-stage inducement tied to verified steps.",
          },
          JP: {
            position: -3,
            redLine: true,
            rationale:
              "An assurance to a state that threatens Japan with nuclear weapons would undercut extended deterrence in the eyes of the Japanese public. This is a red line for Japan.",
            priority: 3,
          },
        },
        e3: {
          US: {
            position: 0,
            rationale: "The option remains open for the end of a verified process only; the United States will not table it without consulting Japan.",
          },
          JP: {
            position: -3,
            redLine: true,
            rationale: "Japan's red line stands: no assurance at any stage while North Korea retains nuclear weapons.",
            priority: 3,
          },
        },
        e4: {
          JP: {
            position: -3,
            redLine: true,
            level: "PARTY",
            rationale: "Draft for the next round: restate the red line and propose joint language on what the United States will not offer.",
          },
        },
      },
    },
    {
      key: "bases",
      title: "Reaffirm US use of bases in Japan in a Korean contingency, whatever North Korea threatens",
      description: "A joint statement that nuclear threats against Japan will not change how US forces in Japan are used in a Korean contingency.",
      topic: "alliance coordination",
      stances: {
        e3: {
          US: { position: 3, rationale: "The United States would welcome an explicit reaffirmation; it denies Pyongyang the coercive lever." },
          JP: {
            position: 2,
            rationale: "Japan supports the reaffirmation, subject to the existing prior-consultation arrangements and careful public wording.",
          },
        },
      },
    },
    criterion("umbrella", {
      e1: {
        US: { position: 3, rationale: "The declared commitment is the foundation of extended deterrence and is restated in every joint document." },
        JP: { position: 3, rationale: "For Japan the declared umbrella is indispensable." },
      },
    }),
    criterion("consultation", {
      e2: {
        US: { position: 2, rationale: "Consultation matters to credibility, within the limits of presidential authority and decision speed." },
        JP: { position: 3, rationale: "Japan regards prior consultation on nuclear use in its defence as essential." },
      },
    }),
  ],
  sessions: [
    {
      key: "e1",
      title: "EDD plenary, Washington",
      place: "Washington, D.C.",
      timeZone: "America/New_York",
      daysFromToday: -480,
      days: 2,
      startHour: 9,
      endHour: 17.5,
      status: "CONCLUDED",
      items: [
        opening(30),
        {
          title: "The North Korean missile threat to Japan: MRBMs and basing",
          issue: "mrbm",
          minutes: 90,
          proposer: "JP",
          description: "How North Korean theatre-range missiles could be used to coerce Japan over US basing, and what any arrangement must cover.",
        },
        {
          title: "Should risk reduction and arms control be on the EDD agenda?",
          issue: "agenda",
          minutes: 90,
          proposer: "US",
        },
        { title: "Credible deterrence: the declared nuclear umbrella", issue: "umbrella", minutes: 60 },
        { title: "Next steps", minutes: 30 },
      ],
      minutes:
        "## Summary\n\nThe delegations reviewed the North Korean missile threat to Japan. The Japanese delegation set out the basing-coercion scenario and asked that theatre-range missiles be part of any arrangement. The US delegation proposed adding risk reduction and arms control to the standing agenda; the Japanese delegation asked for time to consult in Tokyo. Both restated the declared umbrella.",
    },
    {
      key: "e2",
      title: "EDD plenary, Tokyo",
      place: "Tokyo",
      timeZone: "Asia/Tokyo",
      daysFromToday: -300,
      days: 2,
      startHour: 9,
      endHour: 17.5,
      status: "CONCLUDED",
      items: [
        opening(30),
        { title: "MRBMs and the first-phase package", issue: "mrbm", minutes: 90, carried: true },
        { title: "A standing agenda item on risk reduction: guardrails", issue: "agenda", minutes: 60, carried: true },
        { title: "A negative security assurance: implications for Japan", issue: "nsa", minutes: 90, proposer: "JP" },
        { title: "Credible deterrence: allied consultation before nuclear use", issue: "consultation", minutes: 60 },
        { title: "Summary and joint read-out", minutes: 30 },
      ],
      minutes:
        "## Summary\n\nThe delegations agreed guardrails for a standing agenda item on risk reduction. They diverged on MRBMs: the US delegation now leans toward a second phase for theatre-range systems, while the Japanese delegation called MRBM limits essential. The Japanese delegation declared a negative security assurance to North Korea a red line.",
    },
    {
      key: "e3",
      title: "EDD round with tabletop exercise, Honolulu",
      place: "Honolulu",
      timeZone: "Pacific/Honolulu",
      daysFromToday: -120,
      days: 2,
      startHour: 9,
      endHour: 17.5,
      status: "CONCLUDED",
      items: [
        opening(20),
        {
          title: "Tabletop exercise: nuclear coercion against basing in a Korean contingency",
          issue: "bases",
          minutes: 150,
          description: "A moderated scenario: North Korea threatens MRBM strikes on Japan unless US forces in Japan stand aside.",
        },
        { title: "MRBM limits after the exercise", issue: "mrbm", minutes: 60, carried: true },
        { title: "Risk reduction on the standing agenda", issue: "agenda", minutes: 45, carried: true },
        { title: "Negative security assurance", issue: "nsa", minutes: 60, carried: true },
        { title: "Wrap-up", minutes: 30 },
      ],
      minutes:
        "## Summary\n\nThe tabletop exercise showed how quickly a coercive MRBM threat could strain basing decisions. Both delegations supported reaffirming the use of bases; the Japanese delegation agreed to the standing agenda item. The gap on MRBMs and the Japanese red line on a negative security assurance remain.",
    },
    {
      key: "e4",
      title: "EDD plenary, Washington (in preparation)",
      place: "Washington, D.C.",
      timeZone: "America/New_York",
      daysFromToday: 50,
      days: 2,
      startHour: 9,
      endHour: 17.5,
      status: "DRAFT",
      items: [
        opening(30),
        { title: "MRBM limits: can the gap be closed?", issue: "mrbm", minutes: 90, carried: true },
        { title: "Negative security assurance: joint language", issue: "nsa", minutes: 60, carried: true },
        { title: "Preparing a read-out for the trilateral dialogue", minutes: 30 },
      ],
    },
  ],
  papers: [
    {
      key: "jpMrbm",
      session: "e1",
      party: "JP",
      author: "jpDelegate",
      title: "Theatre-range missiles and the credibility of the alliance",
      level: "GOVERNMENTS",
      items: ["mrbm"],
      revisions: 3,
      sections: [
        "## Purpose\n\nThis paper sets out why Japan considers North Korean medium-range ballistic missiles central to any risk reduction or arms control arrangement.",
        "## The coercion scenario\n\nIn a Korean contingency, North Korea could threaten nuclear strikes on Japanese cities unless Japan denies US forces the use of bases in Japan. Even an unexecuted threat could divide the allies at the moment cohesion matters most.",
        "## Implications for sequencing\n\nAn arrangement that caps ICBMs while leaving MRBMs unconstrained would reduce the threat to the US homeland and leave the coercion scenario intact. Japan would read such a sequence as placing the homeland first.",
        "## Proposals\n\n1. Limits on the number of MRBMs and their launchers.\n2. Declared deployment areas, verifiable by national technical means.\n3. Pre-launch notification of any MRBM test.",
      ],
      finalEdits: {
        2: "## Implications for sequencing\n\nAn arrangement that caps ICBMs while leaving MRBMs unconstrained would reduce the threat to the US homeland and leave the coercion scenario intact. Japan would read such a sequence as placing the homeland first. Parallel negotiation of both categories is Japan's preferred approach.",
      },
    },
    {
      key: "usAgenda",
      session: "e2",
      party: "US",
      author: "usDelegate",
      title: "A standing EDD item on risk reduction: scope and guardrails",
      level: "GOVERNMENTS",
      items: ["agenda"],
      revisions: 2,
      sections: [
        "## Proposal\n\nThe United States proposes a standing EDD agenda item on nuclear risk reduction and arms control with North Korea.",
        "## Guardrails\n\n- Deterrence remains the purpose of the dialogue; risk reduction is discussed as a complement, not a substitute.\n- No public reference to talks with North Korea without the agreement of both governments.\n- Any US proposal to North Korea touching Japanese security is discussed here first.",
      ],
    },
    {
      key: "usAssurances",
      session: "e3",
      party: "US",
      author: "usDelegate",
      title: "Assurances and their limits",
      level: "GOVERNMENTS",
      items: ["nsa"],
      revisions: 2,
      sections: [
        "## Question\n\nWhat, short of a negative security assurance, could the United States offer North Korea without weakening extended deterrence?",
        "## Options\n\n- Reaffirmation of existing declaratory policy without new commitments.\n- Military-to-military communication channels for crisis management.\n- Reciprocal notification of large exercises.\n\nEach is reversible and none constrains the umbrella.",
      ],
    },
    {
      key: "jpNextRound",
      session: "e4",
      party: "JP",
      author: "jpDelegate",
      title: "Position for the next round: no assurance, and MRBMs in the first phase",
      level: "PARTY",
      items: ["nsa", "mrbm"],
      revisions: 2,
      sections: [
        "## Draft — for the Japanese delegation only\n\nThe delegation should restate both of Japan's core positions and seek joint language on what the United States will not offer North Korea.",
        "## Suggested language\n\n\"The United States will not offer North Korea any assurance that would diminish its commitment to the defence of Japan, nor conclude any arrangement that leaves missiles threatening Japan unaddressed.\"",
      ],
    },
  ],
  assessments: [],
  comments: [
    {
      session: "e2",
      paper: "usAgenda",
      author: "jpDelegate",
      body: "The second guardrail is essential for Tokyo. Could the text also say that Japan is informed before, not after, any US contact with Pyongyang on these subjects?",
      replies: [{ author: "usDelegate", body: "Agreed in principle. We will propose wording for the read-out." }],
      resolvedBy: "jpDelegate",
    },
    {
      session: "e3",
      item: "nsa",
      author: "jpDelegate",
      body: "For the record: Japan's position on a negative security assurance has not changed since the Tokyo round.",
    },
  ],
};

const EDSCG: SeriesSpec = {
  name: "US-ROK Extended Deterrence Strategy and Consultation Group",
  shortName: "EDSCG",
  description: `The bilateral government channel on extended deterrence between the United States and the Republic of Korea, with nuclear risk reduction and arms control with North Korea added to its agenda. ${ILLUSTRATIVE}`,
  track: "TRACK_1",
  attribution: "ATTRIBUTED",
  parties: ["US", "KR"],
  convenor: "edscgConvenor",
  scholars: [],
  observers: [],
  issues: [
    {
      key: "agenda",
      title: "Nuclear risk reduction and arms control with North Korea belong on the EDSCG agenda",
      description: "Whether the EDSCG should coordinate allied positions on risk reduction and arms control before any negotiation with North Korea.",
      topic: "alliance coordination",
      stances: {
        k1: {
          US: { position: 2, rationale: "Coordination in the EDSCG is the precondition for any US approach to Pyongyang." },
          KR: {
            position: 1,
            rationale: "Seoul supports coordination here, provided denuclearization remains the declared goal of both governments.",
          },
        },
      },
    },
    // Widens: spread 1 → 3 → 4.
    {
      key: "warPlans",
      title: "Modify allied war plans to forgo disarming strikes on North Korean command and control and leadership",
      description:
        "In return for a North Korean pledge not to pre-delegate nuclear launch authority to field commanders, and for a bilateral strategic dialogue. Aimed at the incentive North Korea has to strike first when it fears decapitation.",
      topic: "risk reduction",
      stances: {
        k1: {
          US: {
            position: 1,
            rationale:
              "Threats to leadership and command give Pyongyang a reason to use nuclear weapons early in a crisis. A reciprocal step could reduce that pressure, if verifiable.",
          },
          KR: {
            position: 0,
            rationale: "Seoul is open to discussing escalation risks but will not pre-judge its own deterrence posture.",
          },
        },
        k2: {
          US: {
            position: 2,
            from: 1,
            rationale:
              "North Korea's nuclear policy law permits nuclear use if its leadership or command is threatened. Forgoing decapitation in exchange for no pre-delegation is, in the US view, a net gain in stability.",
            conditions: "A reciprocal, public North Korean commitment on launch authority; a standing strategic dialogue.",
          },
          KR: {
            position: -1,
            from: 0,
            rationale:
              "The ability to hold the North Korean leadership at risk is part of how the Republic of Korea deters nuclear use. Giving it up for a pledge that cannot be verified weakens deterrence.",
            priority: 3,
          },
        },
        k3: {
          US: { position: 2, rationale: "The United States maintains its view and proposes joint analysis of the escalation dynamics." },
          KR: {
            position: -2,
            from: -1,
            rationale:
              "After consultations in Seoul the government regards this as a question of the Republic of Korea's own defence planning, not a bargaining item.",
            priority: 3,
          },
        },
        k4: {
          KR: {
            position: -1,
            level: "PARTY",
            rationale: "Draft for internal review: explore a narrower variant limited to leadership targeting, in return for a verifiable no-pre-delegation pledge.",
          },
        },
      },
    },
    // Narrows to convergence at k3: spread 2 → 3 → 1.
    {
      key: "icbmFirst",
      title: "An initial deal should cap ICBMs before theatre-range missiles",
      description:
        "A first phase that caps North Korean ICBMs eases the threat to the US homeland, but leaves the theatre-range missiles aimed at the Republic of Korea and Japan: the 'decoupling' concern.",
      topic: "arms control",
      stances: {
        k1: {
          US: {
            position: 2,
            rationale: "Removing the threat to US cities strengthens the credibility of the commitment to defend the Republic of Korea.",
            priority: 3,
          },
          KR: {
            position: 0,
            rationale: "Seoul sees the logic but would need to know what the second phase contains and when it starts.",
          },
        },
        k2: {
          US: { position: 2, rationale: "Unchanged." },
          KR: {
            position: -1,
            from: 0,
            rationale: "Recent North Korean tests of short-range systems have moved Korean concern toward theatre forces; ICBM-first now reads as decoupling.",
            priority: 3,
          },
        },
        k3: {
          US: {
            position: 1,
            from: 2,
            rationale: "The United States would present the ICBM cap as the first tranche of a single package with a timetable for theatre-range limits.",
          },
          KR: {
            position: 0,
            from: -1,
            rationale: "A written commitment to a second phase covering theatre-range systems meets Seoul's main concern.",
            conditions: "A fixed timetable for theatre-range limits; prior consultation on any proposal.",
          },
        },
      },
    },
    // Blocked at k2 (Korea's red line, US two steps away); resolved at k3 (one step).
    {
      key: "nsa",
      title: "The United States should offer North Korea a negative security assurance",
      description: "An assurance not to use or threaten to use nuclear weapons against North Korea, as an inducement in negotiations.",
      topic: "declaratory policy",
      stances: {
        k2: {
          US: { position: 0, rationale: "No decision; the option could be a late-stage inducement tied to verified steps." },
          KR: {
            position: -2,
            redLine: true,
            rationale: "An assurance offered before denuclearization would reward North Korea and weaken deterrence. Seoul treats this as a red line.",
            priority: 3,
          },
        },
        k3: {
          US: {
            position: -1,
            from: 0,
            rationale: "The United States will not propose an assurance in a first phase; it would consider one only at the end of a verified process.",
          },
          KR: {
            position: -2,
            redLine: true,
            rationale: "Seoul welcomes the US clarification; its red line is respected.",
            priority: 3,
          },
        },
      },
    },
    criterion("forward", {
      k2: {
        US: { position: 3, rationale: "US forces on the peninsula are the clearest expression of the commitment." },
        KR: { position: 3, rationale: "Essential: no other measure ties the United States as visibly to the Republic of Korea's defence." },
      },
    }),
    criterion("conventional", {
      k2: {
        US: { position: 2, rationale: "Important: allied conventional options raise the threshold at which nuclear choices arise." },
        KR: { position: 3, rationale: "Conventional strike options are central to the Republic of Korea's own deterrence posture." },
      },
    }),
    criterion("counterforce", {
      k3: {
        US: { position: 3, rationale: "Essential to deterrence by denial." },
        KR: { position: 3, rationale: "Essential." },
      },
    }),
  ],
  sessions: [
    {
      key: "k1",
      title: "EDSCG meeting, Washington",
      place: "Washington, D.C.",
      timeZone: "America/New_York",
      daysFromToday: -450,
      days: 2,
      startHour: 9,
      endHour: 17.5,
      status: "CONCLUDED",
      items: [
        opening(30),
        { title: "Risk reduction and arms control on the EDSCG agenda", issue: "agenda", minutes: 60, proposer: "US" },
        { title: "War plans, pre-delegation and escalation risk", issue: "warPlans", minutes: 120, proposer: "US" },
        { title: "ICBM-first proposals and the peninsula", issue: "icbmFirst", minutes: 90 },
        { title: "Next steps", minutes: 30 },
      ],
      minutes:
        "## Summary\n\nThe delegations agreed to coordinate on risk reduction and arms control in the EDSCG. The US delegation presented its analysis of escalation risks arising from North Korea's fear of decapitation; the ROK delegation reserved its position. Sequencing of ICBM and theatre-range limits was discussed without conclusion.",
    },
    {
      key: "k2",
      title: "EDSCG meeting, Seoul",
      place: "Seoul",
      timeZone: "Asia/Seoul",
      daysFromToday: -240,
      days: 2,
      startHour: 9,
      endHour: 17.5,
      status: "CONCLUDED",
      items: [
        opening(30),
        { title: "War plans and pre-delegation: the US proposal", issue: "warPlans", minutes: 120, carried: true },
        { title: "Sequencing ICBM and theatre-range limits", issue: "icbmFirst", minutes: 90, carried: true },
        { title: "A negative security assurance?", issue: "nsa", minutes: 60, proposer: "KR" },
        { title: "Credible deterrence: forward-deployed forces", issue: "forward", minutes: 45 },
        { title: "Credible deterrence: conventional strike options", issue: "conventional", minutes: 45 },
        { title: "Joint statement drafting", minutes: 45 },
      ],
      minutes:
        "## Summary\n\nPositions on modifying war plans moved apart: the US delegation supports the trade, the ROK delegation considers leadership targeting part of its deterrence. The ROK delegation declared a negative security assurance before denuclearization a red line. Both delegations rated forward-deployed forces essential.",
    },
    {
      key: "k3",
      title: "EDSCG video conference",
      place: "Video conference",
      isVirtual: true,
      timeZone: "Asia/Seoul",
      daysFromToday: -60,
      days: 1,
      startHour: 8,
      endHour: 11.5,
      status: "CONCLUDED",
      items: [
        opening(15),
        { title: "War plans: joint analysis of escalation dynamics", issue: "warPlans", minutes: 60, carried: true },
        { title: "ICBM cap as a first tranche", issue: "icbmFirst", minutes: 45, carried: true },
        { title: "Negative security assurance: US clarification", issue: "nsa", minutes: 30, carried: true },
        { title: "Credible deterrence: retained counterforce options", issue: "counterforce", minutes: 30 },
      ],
      minutes:
        "## Summary\n\nThe US delegation clarified it would not propose a negative security assurance in a first phase; the ROK delegation welcomed this. The delegations converged on presenting an ICBM cap as the first tranche of a single package. The gap on war plans widened.",
      // Drafted by the convenor, not yet released to the delegations.
      minutesUnreleased: true,
    },
    {
      key: "k4",
      title: "EDSCG meeting, Seoul",
      place: "Seoul",
      timeZone: "Asia/Seoul",
      daysFromToday: 42,
      days: 2,
      startHour: 9,
      endHour: 17.5,
      status: "AGENDA_PUBLISHED",
      items: [
        opening(30),
        { title: "War plans: is a narrower variant possible?", issue: "warPlans", minutes: 120, carried: true },
        { title: "Drafting the allied line on an ICBM cap", issue: "icbmFirst", minutes: 60, carried: true },
        { title: "Report to the trilateral track 1.5 dialogue", minutes: 30, status: "PROPOSED" },
      ],
    },
  ],
  papers: [
    {
      key: "usIcbm",
      session: "k1",
      party: "US",
      author: "usDelegate",
      title: "ICBM caps and alliance reassurance",
      level: "GOVERNMENTS",
      items: ["icbmFirst"],
      revisions: 2,
      sections: [
        "## Argument\n\nThe North Korean ICBM is the capability that most directly raises the question of whether the United States would risk its own cities to defend an ally. Capping it first addresses that question at its root.",
        "## Reassurance\n\nThe United States recognises that a cap on ICBMs alone leaves theatre-range threats. It proposes consultation with the Republic of Korea on the content and timing of any second phase before any offer is made.",
      ],
    },
    {
      key: "krWarPlans",
      session: "k2",
      party: "KR",
      author: "krDelegate",
      title: "War plans, pre-delegation and escalation risk: a Korean assessment",
      level: "GOVERNMENTS",
      items: ["warPlans"],
      revisions: 3,
      sections: [
        "## Summary\n\nThe Republic of Korea shares the concern that North Korea may use nuclear weapons early if it fears for its leadership. It does not accept that forgoing leadership targeting is the right remedy.",
        "## Verification\n\nA North Korean pledge not to pre-delegate launch authority cannot be verified. Allied restraint, by contrast, would be visible in exercises and planning, and could be exploited.",
        "## Deterrence\n\nHolding the leadership at risk is part of how the Republic of Korea deters nuclear use. Removing it would shift the burden to nuclear retaliation by the United States, increasing, not reducing, dependence on the umbrella.",
        "## Alternatives\n\n- Crisis communication links at military level.\n- Joint allied analysis of escalation pathways.\n- Declaratory restraint on pre-emption short of changes to plans.",
      ],
      finalEdits: {
        1: "## Verification\n\nA North Korean pledge not to pre-delegate launch authority cannot be verified by any means available today. Allied restraint, by contrast, would be visible in exercises and planning, and could be exploited.",
      },
    },
    {
      key: "usDialogue",
      session: "k3",
      party: "US",
      author: "usDelegate",
      title: "A strategic dialogue with Pyongyang: what the allies would ask for",
      level: "GOVERNMENTS",
      items: ["warPlans", "nsa"],
      revisions: 2,
      sections: [
        "## Aims\n\nA standing strategic dialogue would give both sides a channel to explain doctrine and exercises, and to signal in a crisis.",
        "## Allied asks\n\n1. A public North Korean statement on launch authority.\n2. Notification of missile tests.\n3. No discussion of allied posture without the allies present.",
      ],
    },
    {
      key: "krTargeting",
      session: "k4",
      party: "KR",
      author: "krDelegate",
      title: "Options on targeting policy (internal draft)",
      level: "PARTY",
      items: ["warPlans"],
      revisions: 2,
      sections: [
        "## Draft — for the ROK delegation only\n\nA narrower variant could limit restraint to leadership targeting, keeping options against nuclear forces and their command.",
        "## Open questions\n\n- What would North Korea have to do, visibly, in return?\n- How would restraint be reversed if the pledge were broken?",
      ],
    },
  ],
  assessments: [],
  comments: [
    {
      session: "k2",
      paper: "krWarPlans",
      author: "usDelegate",
      body: "Thank you. Section 3 makes a point we had not weighed: restraint on leadership targeting could increase reliance on US nuclear retaliation. We would like to analyse this jointly before the next meeting.",
      replies: [{ author: "krDelegate", body: "Welcome. We propose a joint working group on escalation pathways." }],
    },
  ],
};

const TRI: SeriesSpec = {
  name: "Trilateral Track 1.5 Dialogue on Deterrence and Risk Reduction",
  shortName: "TRI-15",
  description: `A trilateral track 1.5 dialogue in which US, Japanese and Korean officials sit with invited Japanese and Korean scholars, under the Chatham House rule, to ask what counts as credible deterrence for all three at once. Invited Japanese, Korean and American scholars take part in the items they are invited to. ${ILLUSTRATIVE}`,
  track: "TRACK_1_5",
  attribution: "CHATHAM_HOUSE",
  parties: ["US", "JP", "KR"],
  convenor: "triConvenor",
  scholars: ["jpScholar", "krScholar", "usScholar"],
  observers: ["observer"],
  issues: [
    // Outlier: the United States two or more steps from both allies, who stand within one step of each other ("decoupling").
    {
      key: "icbmFirst",
      title: "An initial deal should cap ICBMs before theatre-range missiles",
      description:
        "A first phase that caps North Korean ICBMs eases the threat to the US homeland but leaves the theatre-range missiles that Seoul and Tokyo fear. The allies call this the 'decoupling' risk.",
      topic: "arms control",
      stances: {
        t1: {
          US: {
            position: 2,
            rationale:
              "A verifiable cap on ICBM testing and deployment removes the threat to US cities that feeds doubts about whether Washington would run risks for Seoul and Tokyo. Taking it off the table first makes the umbrella more credible, not less.",
            conditions: "A declared inventory and a test moratorium verified by national technical means; theatre-range limits named as the next phase.",
            priority: 3,
          },
          JP: {
            position: -1,
            rationale:
              "A deal that caps ICBMs and leaves MRBMs untouched would tell Tokyo that the US homeland comes first. Japan could accept an early ICBM cap only inside a package that also addresses missiles that can reach Japan.",
            conditions: "Parallel talks on theatre-range systems with a fixed timetable.",
            priority: 3,
          },
          KR: {
            position: 0,
            rationale:
              "Reducing the pressure on US decision-making has value for the peninsula, but short-range and tactical nuclear systems aimed at the Republic of Korea would remain. Seoul's view depends on what the second phase contains and when it starts.",
          },
        },
        t2: {
          US: {
            position: 2,
            from: 3,
            rationale: "The United States has moved from 'ICBMs only' to 'ICBMs first': the first phase should open talks on theatre systems, but the cap should not wait for them.",
            priority: 3,
          },
          JP: {
            position: -1,
            rationale: "Japan welcomes the reference to theatre systems but sees no commitment behind it. Without a date, the second phase may never come.",
            priority: 3,
          },
          KR: {
            position: -1,
            from: 0,
            rationale: "North Korea's recent tests of solid-fuel short-range systems have moved Seoul's concern toward theatre forces. An ICBM-first sequence now reads in the Korean debate as decoupling.",
          },
        },
        t3: {
          US: {
            position: 2,
            rationale:
              "The first-phase offer should stay focused: an ICBM cap is the measure Pyongyang is most likely to trade and the easiest to verify. Allied concerns are better met through consultation and posture than by loading the first phase.",
            priority: 3,
          },
          JP: { position: -1, rationale: "Consultation and posture help, but they do not remove the missiles. Japan's position is unchanged.", priority: 3 },
          KR: {
            position: 0,
            from: -1,
            rationale: "If the United States commits in writing to a second phase covering theatre-range systems, Seoul could live with an ICBM-first opening.",
            conditions: "A written commitment to a second phase; prior trilateral consultation on any proposal.",
          },
        },
        // Sealed session: released at GOVERNMENTS, hidden from the other parties until the reveal.
        t4: {
          US: {
            position: 1,
            from: 2,
            level: "GOVERNMENTS",
            rationale:
              "Present the ICBM cap as the first tranche of a single two-tranche package, with an agreed timetable for theatre-range limits, to answer the decoupling concern raised in Honolulu and Seoul.",
            priority: 3,
          },
        },
      },
    },
    // Narrows to convergence: spread 4 → 2 → 1.
    {
      key: "interim",
      title: "Risk reduction should be framed as interim steps toward denuclearization",
      description:
        "Presenting risk reduction and arms control measures as interim, reversible steps toward the denuclearization of the Korean Peninsula, in language acceptable to North Korea and to international and domestic audiences.",
      topic: "framing",
      stances: {
        t1: {
          US: {
            position: 2,
            rationale: "The framing keeps denuclearization as the declared goal while allowing practical measures now. It answers the charge that arms control accepts North Korea as a nuclear state.",
          },
          JP: {
            position: 0,
            rationale: "Japan sees value in the framing but worries that 'interim' will become permanent. The rhetoric must be paired with a stated end state.",
          },
          KR: {
            position: -2,
            rationale:
              "In Seoul's public debate any arms control framing is heard as acceptance of a nuclear North Korea. Risk reduction talks would be read as the end of denuclearization, whatever they are called.",
            priority: 3,
          },
        },
        t2: {
          US: { position: 2, rationale: "The United States proposes a review clause: every step is assessed against the stated goal." },
          JP: {
            position: 1,
            from: 0,
            rationale: "With a stated end state and periodic review written into the framing, Japan can support it.",
          },
          KR: {
            position: 0,
            from: -2,
            rationale: "Seoul can consider a framing that names complete denuclearization as the goal and treats each measure as reversible if Pyongyang does not reciprocate.",
            conditions: "Denuclearization named as the end state in every joint statement.",
            priority: 3,
          },
        },
        t3: {
          US: {
            position: 2,
            rationale: "The United States accepts the allies' language: each step is interim, reversible and reviewed against the goal of complete denuclearization.",
          },
          JP: { position: 2, from: 1, rationale: "The agreed language meets Japan's concerns. Japan supports the framing." },
          KR: {
            position: 1,
            from: 0,
            rationale: "The review clause and the reversibility language make the framing defensible at home. Seoul supports it, with a preference for quiet public messaging.",
            amended: {
              rationale:
                "The review clause and the reversibility language make the framing defensible at home. Seoul supports it, with a preference for quiet public messaging and a joint review after each step.",
            },
          },
        },
        t4: {
          KR: {
            position: 2,
            from: 1,
            level: "GOVERNMENTS",
            rationale: "Seoul proposes that the three capitals adopt the agreed framing language in their next leaders' statement.",
          },
        },
      },
    },
    // Widens: spread 1 → 2 → 4.
    {
      key: "mrbm",
      title: "Any first-phase agreement must limit North Korean MRBMs",
      description:
        "North Korean medium-range missiles could be used to coerce Japan into denying the United States the use of its bases. Should their limitation be a condition of any first phase?",
      topic: "arms control",
      stances: {
        t1: {
          US: { position: 1, rationale: "Limits on MRBMs are desirable but harder to verify than an ICBM cap; the United States would include them if Pyongyang engages." },
          JP: {
            position: 2,
            rationale: "MRBMs are the systems with which North Korea could try to coerce Japan over US basing. Limiting them is central to any deal Japan could support.",
            priority: 3,
          },
          KR: { position: 1, rationale: "For the Republic of Korea, MRBMs matter as part of the wider theatre threat; Seoul supports limits." },
        },
        t2: {
          US: {
            position: 0,
            from: 1,
            rationale: "Loading MRBM limits into the first phase risks an agreement Pyongyang will not sign. The United States now prefers a second phase for them.",
          },
          JP: { position: 2, rationale: "Japan's position is unchanged; the US move is a concern.", priority: 3 },
          KR: { position: 1, rationale: "Seoul supports limits but would not make them a precondition." },
        },
        t3: {
          US: {
            position: -1,
            from: 0,
            rationale: "A first phase that must include MRBM limits is, in the US view, a first phase that does not happen. Missile defence and posture serve allied security against theatre systems better.",
          },
          JP: {
            position: 3,
            from: 2,
            rationale: "Japan now regards MRBM limits as essential to any first phase. Without them Tokyo would face the basing-coercion scenario alone.",
            conditions: "Limits on numbers and deployment areas; no deal that addresses only ICBMs.",
            priority: 3,
          },
          KR: { position: 1, rationale: "Seoul sits between the two: it supports limits but not as a precondition." },
        },
        t4: {
          JP: {
            position: 3,
            redLine: true,
            level: "GOVERNMENTS",
            rationale: "Japan declares MRBM limits a red line for any first-phase agreement: without them Tokyo would face the basing-coercion scenario alone.",
            priority: 3,
          },
        },
      },
    },
    // Blocked: Japan's red line, with the United States more than one step away (t2, t3).
    {
      key: "nsa",
      title: "The United States should offer North Korea a negative security assurance",
      description:
        "An assurance not to use or threaten to use nuclear weapons against North Korea. It could ease negotiations, but the allies may perceive it as undermining extended deterrence.",
      topic: "declaratory policy",
      stances: {
        t1: {
          US: {
            position: 0,
            rationale: "An assurance to a North Korea in compliance with its obligations could be an inducement. The United States has taken no decision and is listening to allies.",
          },
          JP: {
            position: -2,
            rationale: "An assurance to a state that threatens Japan with nuclear weapons would undercut extended deterrence in the eyes of the Japanese public.",
          },
          KR: {
            position: -1,
            rationale: "Seoul is sceptical: an assurance would reward North Korea before it has done anything and weaken deterrence of provocations.",
          },
        },
        t2: {
          US: { position: 0, rationale: "The United States keeps the option open as a late-stage inducement tied to verified steps." },
          JP: {
            position: -3,
            from: -2,
            redLine: true,
            rationale: "Japan cannot accept any negative security assurance to North Korea while it holds nuclear weapons aimed at Japan. This is a red line.",
            priority: 3,
          },
          KR: { position: -1, rationale: "Seoul's scepticism is unchanged." },
        },
        t3: {
          US: {
            position: -1,
            from: 0,
            rationale: "In deference to allied concerns, the United States will not propose an assurance in a first phase; it would consider one only at the end of a verified denuclearization process.",
          },
          JP: {
            position: -3,
            redLine: true,
            rationale: "Japan welcomes the shift, but its red line stands: no assurance at any stage while North Korea retains nuclear weapons.",
            priority: 3,
          },
          KR: { position: -2, from: -1, rationale: "Seoul aligns with Tokyo: an assurance belongs, if anywhere, after denuclearization." },
        },
      },
    },
    {
      key: "freeze",
      title: "A freeze on nuclear testing and development should be the first deliverable",
      description: "A verified halt to nuclear tests and to the development of new nuclear weapons, as the first measure of any process.",
      topic: "arms control",
      stances: {
        t1: {
          US: { position: 3, rationale: "A verified freeze stops the growth of the threat while talks continue; it is the most basic first deliverable." },
          JP: { position: 2, rationale: "Japan supports a freeze, provided it is not presented as a reward in itself." },
          KR: { position: 2, rationale: "Seoul supports a freeze as a first step." },
        },
        t2: {
          US: { position: 3, rationale: "Unchanged." },
          JP: { position: 2, rationale: "Unchanged." },
          KR: { position: 3, from: 2, rationale: "Seoul now regards a freeze as the indispensable first step." },
        },
      },
    },
    {
      key: "fissile",
      title: "Curbing fissile material production should come early in a negotiation",
      description: "Limits on the production of plutonium and highly enriched uranium, which cap the future size of the arsenal.",
      topic: "arms control",
      stances: {
        t2: {
          US: { position: 2, rationale: "Curbing plutonium and HEU production caps the arsenal's growth; it should come early." },
          JP: { position: 1, rationale: "Japan supports curbs but notes the difficulty of verifying undeclared enrichment sites." },
          KR: {
            position: 0,
            rationale: "Seoul would rather spend early negotiating capital on the missiles that threaten the peninsula; fissile curbs can follow.",
          },
        },
      },
    },
    // New at t4 (sealed): the United States has submitted a released stance, Japan has only a party
    // draft and Korea none, so the tracker shows INCOMPLETE to every viewer.
    {
      key: "posture",
      title: "Posture-level measures belong in a first phase",
      description: "Reciprocal advance notification of large exercises and of missile launches, to reduce the risk of misreading routine activity as preparation for attack.",
      topic: "risk reduction",
      stances: {
        t4: {
          US: {
            position: 1,
            level: "GOVERNMENTS",
            rationale: "Notification of large exercises and launches would reduce the risk of misreading. The United States would consider reciprocal notification in a first phase.",
          },
          JP: {
            position: 1,
            level: "PARTY",
            rationale: "Draft: support reciprocal notification provided it places no limits on allied exercises themselves.",
          },
        },
      },
    },
    criterion("umbrella", {
      t2: {
        US: { position: 3, rationale: "The declared commitment is the foundation; it must be restated in every joint document." },
        JP: { position: 3, rationale: "Indispensable." },
        KR: { position: 3, rationale: "Indispensable." },
      },
    }),
    criterion("forward", {
      t2: {
        US: { position: 3, rationale: "Forces in the region are the most visible guarantee." },
        JP: { position: 3, rationale: "Essential: US forces in Japan are the alliance in practice." },
        KR: { position: 3, rationale: "Essential." },
      },
    }),
    criterion("missileDefence", {
      t2: {
        US: { position: 2, rationale: "Important, but no missile defence can carry the weight of deterrence alone." },
        JP: { position: 3, rationale: "For Japan, integrated air and missile defence is the first layer against the MRBM threat." },
        KR: { position: 2, rationale: "Important against a limited strike; insufficient against a salvo." },
      },
    }),
    criterion("consultation", {
      t2: {
        US: { position: 1, rationale: "Consultation is valued, but presidential authority and the speed of decisions must be preserved." },
        JP: { position: 3, rationale: "Prior consultation is what makes the umbrella credible to the Japanese public." },
        KR: { position: 3, rationale: "Prior consultation on nuclear use is what makes the umbrella credible to the Korean public." },
      },
      t3: {
        US: {
          position: 2,
          from: 1,
          rationale: "The United States accepts that standing, institutionalised consultation is important to the credibility of extended deterrence.",
        },
        JP: { position: 3, rationale: "Unchanged." },
        KR: { position: 3, rationale: "Unchanged." },
      },
    }),
    criterion("conventional", {
      t2: {
        US: { position: 2, rationale: "Important: conventional options raise the nuclear threshold." },
        JP: { position: 1, rationale: "Japan's own counterstrike capability is new; Tokyo rates allied conventional options as desirable rather than essential." },
        KR: { position: 3, rationale: "Conventional strike options are central to the Republic of Korea's own deterrence posture." },
      },
      t3: {
        US: { position: 2, rationale: "Unchanged." },
        JP: { position: 2, from: 1, rationale: "After the Honolulu discussion, Japan rates conventional options as important." },
        KR: { position: 3, rationale: "Unchanged." },
      },
    }),
    criterion("noNsa", {
      t2: {
        US: { position: 1, rationale: "Refusing an assurance is not in itself a pillar of deterrence; the United States would weigh it against what an assurance could buy." },
        JP: { position: 3, rationale: "Essential: an assurance would hollow out the umbrella." },
        KR: { position: 2, rationale: "Important, at least until denuclearization is under way." },
      },
    }),
    criterion("counterforce", {
      t2: {
        US: { position: 3, rationale: "Essential to deterrence by denial." },
        JP: { position: 2, rationale: "Important, with attention to escalation risks." },
        KR: { position: 3, rationale: "Essential." },
      },
    }),
  ],
  sessions: [
    {
      key: "t1",
      title: "Inaugural workshop (virtual)",
      place: "Video conference",
      isVirtual: true,
      timeZone: "Asia/Tokyo",
      daysFromToday: -420,
      days: 1,
      startHour: 8,
      endHour: 12,
      status: "CONCLUDED",
      items: [
        { title: "Welcome, the Chatham House rule and the purpose of the dialogue", minutes: 20 },
        { title: "Framing: risk reduction as interim steps toward denuclearization", issue: "interim", minutes: 50, invite: ["krScholar"] },
        { title: "Sequencing: should an initial deal cap ICBMs first?", issue: "icbmFirst", minutes: 50 },
        { title: "MRBMs and the coercion of basing decisions", issue: "mrbm", minutes: 40, invite: ["jpScholar"] },
        { title: "A negative security assurance to North Korea?", issue: "nsa", minutes: 40 },
        { title: "A freeze on testing and development as the first deliverable", issue: "freeze", minutes: 30 },
        { title: "Next steps and the in-person programme", minutes: 10 },
      ],
      minutes:
        "## Summary\n\nParticipants agreed to meet in person twice a year. On framing, one view held that risk reduction as interim steps keeps denuclearization as the goal; another that any such framing would be heard at home as acceptance of a nuclear North Korea. On sequencing, a clear divergence emerged between those who would cap ICBMs first and those who fear decoupling. A freeze on testing and development commanded broad support.",
    },
    {
      key: "t2",
      title: "Second round, Honolulu",
      place: "Honolulu",
      timeZone: "Pacific/Honolulu",
      daysFromToday: -270,
      days: 2,
      startHour: 9,
      endHour: 17.5,
      status: "CONCLUDED",
      items: [
        opening(30),
        { title: "Framing: a review clause for interim steps", issue: "interim", minutes: 75, carried: true, invite: ["krScholar"] },
        {
          title: "Sequencing: ICBMs first, theatre systems when?",
          issue: "icbmFirst",
          minutes: 90,
          carried: true,
          invite: ["jpScholar", "krScholar", "usScholar"],
        },
        { title: "MRBMs: what must a first phase contain?", issue: "mrbm", minutes: 75, carried: true, invite: ["jpScholar"] },
        { title: "Negative security assurance", issue: "nsa", minutes: 60, carried: true },
        { title: "Freeze: verification options", issue: "freeze", minutes: 45, carried: true },
        { title: "Curbing fissile material production", issue: "fissile", minutes: 60 },
        { title: "What counts as credible deterrence (1): the declared nuclear umbrella", issue: "umbrella", minutes: 30 },
        { title: "What counts as credible deterrence (2): forward-deployed forces", issue: "forward", minutes: 30 },
        { title: "What counts as credible deterrence (3): missile defence", issue: "missileDefence", minutes: 30 },
        { title: "What counts as credible deterrence (4): consultation before nuclear use", issue: "consultation", minutes: 30 },
        { title: "What counts as credible deterrence (5): conventional strike options", issue: "conventional", minutes: 30 },
        { title: "What counts as credible deterrence (6): no negative security assurance", issue: "noNsa", minutes: 30 },
        { title: "What counts as credible deterrence (7): counterforce options", issue: "counterforce", minutes: 30 },
        { title: "Wrap-up", minutes: 30 },
      ],
      minutes:
        "## Summary\n\nA review clause made the interim framing acceptable to more participants. The sequencing debate sharpened: one delegation moved from 'ICBMs only' to 'ICBMs first', while concern about theatre-range systems grew on the allied side. A red line was declared on a negative security assurance. The credible-deterrence session found a shared core (declared umbrella, forward forces, counterforce options) and gaps on consultation and on the refusal of an assurance.",
    },
    {
      key: "t3",
      title: "Third round, Seoul",
      place: "Seoul",
      timeZone: "Asia/Seoul",
      daysFromToday: -90,
      days: 2,
      startHour: 9,
      endHour: 17.5,
      status: "CONCLUDED",
      items: [
        opening(30),
        { title: "Framing: agreeing the language", issue: "interim", minutes: 60, carried: true, invite: ["jpScholar", "krScholar", "usScholar"] },
        {
          title: "Sequencing: a written second-phase commitment?",
          issue: "icbmFirst",
          minutes: 90,
          carried: true,
          invite: ["krScholar", "jpScholar", "usScholar"],
        },
        { title: "MRBMs as a condition of a first phase", issue: "mrbm", minutes: 90, carried: true, invite: ["jpScholar"] },
        { title: "Negative security assurance: timing", issue: "nsa", minutes: 60, carried: true, invite: ["krScholar"] },
        { title: "Fissile material production", issue: "fissile", minutes: 45, carried: true, status: "DEFERRED" },
        { title: "Credible deterrence: consultation before nuclear use", issue: "consultation", minutes: 45, carried: true },
        { title: "Credible deterrence: conventional strike options", issue: "conventional", minutes: 45, carried: true },
        { title: "Wrap-up", minutes: 30 },
      ],
      minutes:
        "## Summary\n\nParticipants converged on language framing risk reduction as interim, reversible steps toward complete denuclearization. On MRBMs positions moved further apart. On a negative security assurance one delegation moved toward the allies, but the declared red line still stands. Fissile material was deferred to the next round for lack of time.",
    },
    {
      key: "t4",
      title: "Fourth round, Tokyo",
      place: "Tokyo",
      timeZone: "Asia/Tokyo",
      daysFromToday: 35,
      days: 2,
      startHour: 9,
      endHour: 17.5,
      status: "AGENDA_PUBLISHED",
      // Sealed release: each delegation has drafted its stances at GOVERNMENTS; only the United
      // States has submitted, so the others' stances stay with their own party until the reveal.
      sealed: { submitted: ["US"] },
      items: [
        opening(30),
        {
          title: "Sequencing: one package, two tranches?",
          issue: "icbmFirst",
          minutes: 90,
          carried: true,
          invite: ["jpScholar", "krScholar", "usScholar"],
        },
        { title: "MRBMs: closing or managing the gap", issue: "mrbm", minutes: 90, carried: true, invite: ["jpScholar"] },
        { title: "Negative security assurance", issue: "nsa", minutes: 45, carried: true },
        { title: "Fissile material production (carried over)", issue: "fissile", minutes: 45, carried: true },
        {
          title: "Posture-level measures: notification of exercises and launches",
          issue: "posture",
          minutes: 60,
          status: "PROPOSED",
          proposer: "US",
          invite: ["krScholar"],
        },
        { title: "Framing language for leaders' statements", issue: "interim", minutes: 45, carried: true },
        { title: "Closing session", minutes: 30 },
      ],
    },
  ],
  papers: [
    {
      key: "usFraming",
      session: "t1",
      party: "US",
      author: "usDelegate",
      title: "Risk reduction as interim steps: an American framing",
      level: "ALL_PARTICIPANTS",
      via: "GOVERNMENTS",
      items: ["interim"],
      revisions: 2,
      sections: [
        "## Why framing matters\n\nHow the allies describe risk reduction shapes how Pyongyang, allied publics and non-proliferation partners read it. A measure that is sound on paper can fail if it is heard as acceptance of a nuclear North Korea.",
        "## Proposed language\n\nEach measure is an interim step toward the complete denuclearization of the Korean Peninsula, taken for the safety of all, reversible if not reciprocated, and reviewed against that goal.",
        "## Questions for discussion\n\n- Does the language meet allied domestic concerns?\n- What review mechanism would make 'interim' credible?",
      ],
    },
    {
      key: "jpMrbm",
      session: "t2",
      party: "JP",
      author: "jpDelegate",
      title: "Theatre-range missiles and coercion over basing",
      level: "ALL_PARTICIPANTS",
      items: ["mrbm", "icbmFirst"],
      revisions: 3,
      sections: [
        "## Summary\n\nNorth Korean MRBMs could be used to threaten Japan into denying the United States the use of its bases in a Korean contingency. An arrangement that leaves them unconstrained would leave this scenario intact.",
        "## Sequencing\n\nAn ICBM-first approach lowers the threat to the US homeland and may ease one form of decoupling, but it creates another: allies may conclude that their security is secondary.",
        "## Elements of an MRBM limit\n\n1. Numbers of missiles and launchers.\n2. Declared deployment areas.\n3. Pre-launch notification of tests.",
        "## Beyond Japan\n\nThe same coercive logic applies to US forces in the Republic of Korea: a threat against host-nation cities could be used to delay reinforcement.",
      ],
      finalEdits: {
        3: "## Beyond Japan\n\nThe same coercive logic applies to US forces in the Republic of Korea: a threat against host-nation cities could be used to delay reinforcement. Limits on theatre-range systems therefore serve both alliances, and should be pursued trilaterally.",
      },
    },
    {
      key: "krSequencing",
      session: "t2",
      party: "KR",
      author: "krDelegate",
      title: "ICBM-first proposals seen from Seoul",
      level: "GOVERNMENTS",
      items: ["icbmFirst"],
      revisions: 2,
      sections: [
        "## Korean debate\n\nEvery proposal to cap ICBMs first is discussed in Seoul through the lens of decoupling: would Washington still defend Seoul if San Francisco were no longer at risk, and would it care about the missiles that remain?",
        "## What would help\n\nA written US commitment to a second phase with a timetable; trilateral consultation before any offer; and visible reaffirmation of extended deterrence alongside any cap.",
      ],
    },
    {
      key: "usAssurances",
      session: "t3",
      party: "US",
      author: "usDelegate",
      title: "Negative security assurances: options short of a pledge",
      level: "GOVERNMENTS",
      items: ["nsa"],
      revisions: 3,
      sections: [
        "## The question\n\nWhat, short of a formal negative security assurance, could the United States offer North Korea without weakening extended deterrence?",
        "## Options\n\n- Reaffirming existing declaratory policy without new commitments.\n- A crisis communication channel.\n- Reciprocal notification of large exercises.",
        "## Timing\n\nAny formal assurance would be considered only at the end of a verified denuclearization process, and only after consultation with both allies.",
      ],
      finalEdits: {
        2: "## Timing\n\nThe United States will not propose a formal assurance in a first phase. It would be considered only at the end of a verified denuclearization process, and only after consultation with both allies.",
      },
    },
    {
      key: "krFraming",
      session: "t3",
      party: "KR",
      author: "krDelegate",
      title: "Framing interim steps for domestic audiences",
      level: "ALL_PARTICIPANTS",
      items: ["interim"],
      revisions: 2,
      sections: [
        "## Problem\n\nKorean audiences hear 'arms control' as an admission that denuclearization has failed.",
        "## Suggested approach\n\nName complete denuclearization in every statement; describe each step as reversible; keep public messaging low-key and let results speak.",
      ],
    },
    {
      key: "scholarMenu",
      session: "t3",
      party: null,
      author: "jpScholar",
      title: "Theatre-range limits: a menu for the first phase",
      level: "ALL_PARTICIPANTS",
      items: ["mrbm"],
      revisions: 2,
      sections: [
        "## Purpose\n\nA scholar's contribution, in a personal capacity: a menu of theatre-range measures ranked by verifiability and by the value North Korea may attach to them.",
        "## The menu\n\n| measure | verifiability | likely cost to Pyongyang |\n| --- | --- | --- |\n| test notification | high | low |\n| declared deployment areas | medium | medium |\n| launcher ceilings | low | high |\n\nA first phase could start with notification and deployment areas, leaving ceilings to a second phase.",
      ],
    },
    {
      key: "usTranches",
      session: "t4",
      party: "US",
      author: "usDelegate",
      title: "One package, two tranches (internal draft)",
      level: "PARTY",
      items: ["icbmFirst"],
      revisions: 2,
      sections: [
        "## Draft — for the US delegation only\n\nPresent the ICBM cap as the first tranche of a single package whose second tranche covers theatre-range systems, with an agreed timetable.",
        "## Points to test in Tokyo\n\n- Would a timetable meet the decoupling concern?\n- Can notification and deployment areas for MRBMs move into the first tranche?",
      ],
    },
    {
      key: "jpCondition",
      session: "t4",
      party: "JP",
      author: "jpDelegate",
      title: "MRBM limits as a condition of any first phase (internal draft)",
      level: "PARTY",
      items: ["mrbm"],
      revisions: 2,
      sections: [
        "## Draft — for the Japanese delegation only\n\nRecommend declaring MRBM limits a red line for any first-phase agreement.",
        "## Fallback\n\nIf the red line cannot be agreed in Tokyo, seek at least test notification and declared deployment areas in the first tranche.",
      ],
    },
  ],
  assessments: [
    {
      session: "t1",
      issue: "mrbm",
      scholar: "jpScholar",
      position: 2,
      reasoning: "The basing-coercion scenario is the most plausible route to a nuclear crisis involving Japan; limits matter more than their exact form.",
    },
    {
      session: "t1",
      issue: "interim",
      scholar: "krScholar",
      position: -1,
      reasoning: "Sound in principle, but Korean audiences will hear 'interim' as 'indefinite' unless a review mechanism is visible.",
    },
    {
      session: "t2",
      issue: "mrbm",
      scholar: "jpScholar",
      position: 2,
      reasoning: "Unchanged. Test notification and deployment areas are achievable even if ceilings are not.",
    },
    {
      session: "t2",
      issue: "icbmFirst",
      scholar: "jpScholar",
      position: -1,
      reasoning: "An ICBM cap on its own creates the allied version of decoupling; acceptable only with a dated second phase.",
    },
    {
      session: "t2",
      issue: "icbmFirst",
      scholar: "krScholar",
      position: 0,
      reasoning: "The cap has merit; its acceptability in Seoul depends entirely on what accompanies it.",
    },
    {
      session: "t2",
      issue: "icbmFirst",
      scholar: "usScholar",
      position: 1,
      reasoning: "Capping the ICBM threat first strengthens the credibility of US commitments. The allied concern calls for a dated second phase, not a different first one.",
    },
    {
      session: "t2",
      issue: "interim",
      scholar: "krScholar",
      position: 0,
      reasoning: "The review clause helps. Public opinion research suggests the word 'denuclearization' must appear in every statement.",
    },
    {
      session: "t3",
      issue: "mrbm",
      scholar: "jpScholar",
      position: 3,
      reasoning: "After the Seoul discussion I rate MRBM limits as essential; see my paper for a sequenced menu.",
    },
    {
      session: "t3",
      issue: "interim",
      scholar: "jpScholar",
      position: 1,
      reasoning: "The agreed language is workable; implementation will test it.",
    },
    {
      session: "t3",
      issue: "interim",
      scholar: "krScholar",
      position: 1,
      reasoning: "With the review clause and reversibility written in, the framing can be defended in Seoul.",
    },
    {
      session: "t3",
      issue: "interim",
      scholar: "usScholar",
      position: 2,
      reasoning: "The agreed language is the best available: it keeps the goal, allows practical steps now, and the review clause disciplines both sides.",
    },
    {
      session: "t3",
      issue: "icbmFirst",
      scholar: "krScholar",
      position: -1,
      reasoning: "A written second-phase commitment would matter more than its content, but none is yet on the table.",
    },
    {
      session: "t3",
      issue: "icbmFirst",
      scholar: "jpScholar",
      position: 0,
      reasoning: "If the second phase were dated, as has been floated in the bilateral channels, the cap would be tolerable. I move to neutral.",
    },
    {
      session: "t3",
      issue: "icbmFirst",
      scholar: "usScholar",
      position: 0,
      reasoning: "I have moved toward the allied view: without a written second-phase commitment, the reassurance value of the cap is offset by decoupling fears.",
    },
    {
      session: "t3",
      issue: "nsa",
      scholar: "krScholar",
      position: -2,
      reasoning: "An assurance before denuclearization would be politically impossible in Seoul and of doubtful value to Pyongyang.",
    },
  ],
  comments: [
    {
      session: "t2",
      item: "mrbm",
      author: "jpScholar",
      body: "The coercion scenario deserves more precise treatment: which bases, at which phase of a contingency, and what threshold of threat? A ranked list of MRBM constraints would help delegations compare options.",
      replies: [
        { author: "usDelegate", body: "Agreed that precision helps. We will circulate a short note on the verification burden of each constraint before the Seoul round." },
        { author: "jpDelegate", body: "We would add a fourth constraint to the list: ceilings on transporter-erector-launchers." },
      ],
    },
    {
      session: "t2",
      paper: "jpMrbm",
      author: "krDelegate",
      body: "A useful paper. Could it address how the same coercion logic applies to US forces in the Republic of Korea?",
      replies: [{ author: "jpDelegate", body: "Done in the latest revision: the last section now draws the conclusion for both alliances." }],
      resolvedBy: "jpDelegate",
    },
    {
      session: "t3",
      item: "icbmFirst",
      author: "krScholar",
      body: "Polling in Seoul consistently links ICBM-first proposals to decoupling fears. A written second-phase commitment would matter more than its detail.",
      replies: [{ author: "krDelegate", body: "This matches what we hear from the National Assembly." }],
    },
    {
      session: "t3",
      item: "icbmFirst",
      author: "usScholar",
      body: "Speaking personally: the sequencing debate would benefit from a worked example of a dated second phase, with the verification steps each tranche needs.",
      replies: [{ author: "jpScholar", body: "Agreed. The menu in my paper could serve as the theatre-range half of such an example." }],
    },
    {
      session: "t3",
      paper: "scholarMenu",
      author: "usDelegate",
      body: "Helpful, especially the ranking by verifiability. We would welcome the same treatment of ICBM measures.",
    },
    {
      session: "t4",
      item: "icbmFirst",
      author: "triConvenor",
      body: "Delegations are asked to circulate revised papers at least two weeks before the Tokyo round.",
    },
  ],
};

export const DEMO_CONTENT: readonly SeriesSpec[] = [EDD, EDSCG, TRI];
