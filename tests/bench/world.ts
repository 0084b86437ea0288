import type { Prisma } from "@/prisma/generated/client";
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { defaultScale } from "@/lib/scales";

export type BenchWorld = { seriesId: string; sessionIds: string[]; delegateEmail: string; password: string };

const LEVELS = ["PARTY", "GOVERNMENTS", "ALL_PARTICIPANTS"] as const;

/**
 * One trilateral series with `sessions` sessions and `issues` issues, every issue on every
 * session's agenda, and a stance per party per issue per session with `revisions` revisions at
 * mixed release levels. Written with createMany in batches: the point is size, not realism.
 */
export async function createBenchWorld(db: Db, opts: { sessions: number; issues: number; revisions: number }): Promise<BenchWorld> {
  const password = "bench-password-2026";
  const passwordHash = await hashPassword(password);
  const parties = await Promise.all(
    [
      ["US", "United States"],
      ["JP", "Japan"],
      ["KR", "Republic of Korea"],
    ].map(([code, name]) => db.party.create({ data: { code: code!, name: name! }, select: { id: true } })),
  );
  const series = await db.series.create({
    data: {
      name: "Benchmark trilateral dialogue",
      shortName: "BENCH",
      track: "TRACK_1_5",
      illustrative: true,
      parties: { create: parties.map((p) => ({ partyId: p.id })) },
    },
    select: { id: true },
  });
  const delegates = await Promise.all(
    parties.map((p, i) =>
      db.user.create({
        data: {
          email: `delegate${i}@bench.test`,
          name: `Bench delegate ${i}`,
          passwordHash,
          memberships: { create: { seriesId: series.id, role: "DELEGATE", partyId: p.id } },
        },
        select: { id: true, email: true },
      }),
    ),
  );
  const scale = defaultScale("PROPOSITION");
  const issueIds: string[] = [];
  for (let i = 0; i < opts.issues; i++) {
    const issue = await db.issue.create({
      data: { seriesId: series.id, title: `Bench issue ${i}`, scaleMin: scale.min, scaleMax: scale.max, scaleLabels: scale.labels },
      select: { id: true },
    });
    issueIds.push(issue.id);
  }
  const sessionIds: string[] = [];
  const day = 24 * 60 * 60 * 1000;
  const start = Date.now() - opts.sessions * 30 * day;
  for (let s = 0; s < opts.sessions; s++) {
    const session = await db.session.create({
      data: {
        seriesId: series.id,
        title: `Bench session ${s}`,
        startsAt: new Date(start + s * 30 * day),
        endsAt: new Date(start + s * 30 * day + day),
        status: s < opts.sessions - 1 ? "CONCLUDED" : "AGENDA_PUBLISHED",
        agendaPublishedAt: new Date(start + s * 30 * day - 7 * day),
      },
      select: { id: true },
    });
    sessionIds.push(session.id);
    await db.agendaItem.createMany({
      data: issueIds.map((issueId, position) => ({ sessionId: session.id, position, title: `Item ${position}`, issueId })),
    });
    const stances: Prisma.StanceCreateManyInput[] = [];
    for (const [i, issueId] of issueIds.entries()) {
      for (const [p, party] of parties.entries()) {
        const position = ((i + p * 2 + s) % 7) - 3;
        stances.push({
          issueId,
          sessionId: session.id,
          partyId: party.id,
          position,
          priority: (i % 3) + 1,
          redLine: (i + p) % 11 === 0,
          releaseLevel: LEVELS[(i + p + s) % 3]!,
          version: opts.revisions,
        });
      }
    }
    const created = await db.stance.createManyAndReturn({ data: stances, select: { id: true, position: true, releaseLevel: true } });
    const revisions: Prisma.StanceRevisionCreateManyInput[] = created.flatMap((st, k) =>
      Array.from({ length: opts.revisions }, (_, r) => ({
        stanceId: st.id,
        number: r + 1,
        position: st.position,
        rationale: "",
        conditions: "",
        redLine: false,
        priority: 2,
        releaseLevel: st.releaseLevel,
        authorId: delegates[k % 3]!.id,
      })),
    );
    await db.stanceRevision.createMany({ data: revisions });
  }
  return { seriesId: series.id, sessionIds, delegateEmail: delegates[1]!.email, password };
}
