import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { createCaller } from "@/server/trpc/root";
import { outcomeOf, signedInNow } from "@/tests/integration/helpers/callers";
import { createTRPCContextStub } from "@/tests/integration/helpers/context";
import { countingTestDb } from "@/tests/integration/helpers/db";

// jointText.get is shared per visibility class under the series' content stamp: a repeated view
// runs only the stamp lookup, and every change to the text (a proposal inside a delegation too)
// moves the stamp, while what each class sees stays its own.
const counted = countingTestDb();
const db = counted.db;
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});
afterAll(async () => {
  await counted.close();
});

const as = async (user: keyof FixtureWorld["users"]) => createCaller(createTRPCContextStub(db, await loadViewer(db, w.users[user].id, signedInNow())));

describe("jointText.get shared under the content stamp", () => {
  it("a repeated view costs only the lookups; a JP proposal reaches JP's view at once and never KR's", async () => {
    const chair = await as("triConvenor");
    const { id } = await chair.jointText.create({ sessionId: w.sessions.triPublished.id, kind: "RECOMMENDATIONS", title: "Cached text", languageTag: "en" });
    let v = (await chair.jointText.edit({ textId: id, version: 1, operation: { op: "addParagraph", text: "All parties should freeze nuclear testing." } })).version;
    const p1 = (await chair.jointText.get({ textId: id })).paragraphs[0]!.id;
    v = (await chair.jointText.edit({ textId: id, version: v, operation: { op: "bracketSpan", paragraphId: p1, segmentIndex: 0, start: 12, end: 18, alternatives: [] } })).version;
    v = (await chair.jointText.raiseRelease({ textId: id, version: v, release: "GOVERNMENTS" })).version;
    const [kr, jp] = [await as("krDelegate"), await as("jpDelegate")];

    counted.queries = 0;
    const first = await kr.jointText.get({ textId: id });
    const computed = counted.queries;
    counted.queries = 0;
    expect(await kr.jointText.get({ textId: id })).toEqual(first);
    // Without a listening change feed (tests): where the text is and the stamp, nothing else.
    expect(counted.queries).toBeLessThanOrEqual(3);
    expect(counted.queries).toBeLessThan(computed);

    const bracketId = first.brackets[0]!.id;
    const proposal = await jp.jointText.propose({ textId: id, payload: { kind: "OPTION", bracketId, text: "shall" } });
    expect((await jp.jointText.get({ textId: id })).proposals.map((p) => p.id)).toEqual([proposal.id]);
    expect((await kr.jointText.get({ textId: id })).proposals).toEqual([]);
    await jp.jointText.tableProposal({ proposalId: proposal.id, version: v });
    expect((await kr.jointText.get({ textId: id })).brackets[0]).toMatchObject({ holds: ["JP"] });

    // Readers outside the series or below the release: NOT_FOUND, cached or not.
    for (const user of ["eddConvenor", "outsider", "scholarA"] as const) {
      const other = await as(user);
      expect(await outcomeOf(() => other.jointText.get({ textId: id }))).toBe("NOT_FOUND");
    }
  });
});
