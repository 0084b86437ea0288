import { beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { appRouter, createCaller } from "@/server/trpc/root";
import { MATRIX } from "@/tests/integration/authorization/rows";
import { ACTORS, actorUserIds, type Actor, type MatrixContext } from "@/tests/integration/authorization/shared";
import { signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// Every procedure of the app router against every kind of caller (rows in ./authorization/).
// A procedure without a row fails the first test, so no new procedure can skip its rules. A row
// named "path#case" is one more case of the procedure at path (another input, other answers).

const db = testDb();
let counter = 0;
const context = (world: FixtureWorld): MatrixContext => ({
  world,
  db,
  unique: () => `${Date.now().toString(36)}${(counter++).toString(36)}`,
  uniqueLetters: (length) => {
    let n = counter++;
    let out = "";
    for (let i = 0; i < length; i++, n = Math.floor(n / 26)) out = String.fromCharCode(65 + (n % 26)) + out;
    return out;
  },
});

const procedureOf = (row: string) => row.split("#")[0]!;

describe("authorization matrix", () => {
  let world: FixtureWorld;

  beforeAll(async () => {
    world = await createFixtureWorld(db);
  });

  it("has a row for every procedure of the router, and none for procedures that do not exist", () => {
    const paths = Object.keys(appRouter._def.procedures).sort();
    expect(paths.length).toBeGreaterThan(10);
    const rowPaths = Object.keys(MATRIX).map(procedureOf);
    expect(paths.filter((p) => !rowPaths.includes(p))).toEqual([]);
    expect(rowPaths.filter((p) => !paths.includes(p))).toEqual([]);
  });

  for (const [path, row] of Object.entries(MATRIX)) {
    it(path, async () => {
      const ids = actorUserIds(world);
      const got: Partial<Record<Actor, string>> = {};
      for (const actor of ACTORS) {
        const userId = ids[actor];
        const loaded = userId ? await loadViewer(db, userId, signedInNow()) : null;
        // Signed in just now, so step-up actions (server/auth/step-up.ts) are open to whoever may take them.
        const viewer = loaded && { ...loaded, authenticatedAt: Date.now() };
        const caller = createCaller({ db, viewer, headers: new Headers() });
        const input = await row.input(context(world));
        const procedure = procedureOf(path).split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
          input: unknown,
        ) => Promise<unknown>;
        try {
          await procedure(input);
          got[actor] = "OK";
        } catch (error) {
          got[actor] = String((error as { code?: string }).code ?? error);
        }
      }
      expect(got).toEqual(row.expect);
    });
  }
});
