import { beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { appRouter, createCaller } from "@/server/trpc/root";
import { MATRIX } from "@/tests/integration/authorization/rows";
import { ACTORS, actorUserIds, type MatrixContext } from "@/tests/integration/authorization/shared";
import { signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// Bad input for every procedure of the router, generated from a valid input of it (the
// authorization matrix's row, which every procedure must have): each leaf of that input, and the
// input as a whole, replaced by values that break naive servers. A procedure added later is
// covered without editing this file. Nothing may end in an internal error, and input no procedure
// may accept (NUL bytes, broken Unicode, numbers outside PostgreSQL's range, huge lists, absurd
// dates, absurd nesting) must be refused without writing anything.

const db = testDb();
let world: FixtureWorld;
let counter = 0;
const context = (): MatrixContext => ({
  world,
  db,
  unique: () => `${Date.now().toString(36)}f${(counter++).toString(36)}`,
  uniqueLetters: (length) => {
    let n = counter++ + 9_000;
    let out = "";
    for (let i = 0; i < length; i++, n = Math.floor(n / 26)) out = String.fromCharCode(65 + (n % 26)) + out;
    return out;
  },
});

type Path = (string | number)[];

/** Every leaf of a plain input (first element only of lists), and every list, with its path. */
function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(value)) {
    const own = [{ path, value }];
    return value.length ? [...own, ...leaves(value[0], [...path, 0])] : own;
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [{ path, value }];
}

function replaced(input: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  const copy = (Array.isArray(input) ? [...(input as unknown[])] : { ...(input as object) }) as Record<string | number, unknown>;
  copy[head!] = replaced((input as Record<string | number, unknown>)[head!], rest, next);
  return copy;
}

function nested(depth: number): unknown {
  let v: unknown = "x";
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** Values no procedure may accept anywhere: each must be refused and write nothing. */
function forbiddenValues(leaf: unknown): { name: string; value: unknown }[] {
  const values: { name: string; value: unknown }[] = [
    { name: "a NUL byte", value: typeof leaf === "string" && leaf ? `${leaf}\u0000` : "x\u0000y" },
    { name: "a lone surrogate", value: typeof leaf === "string" && leaf ? `${leaf}\uD800` : "\uDC00x" },
    { name: "2^31", value: 2 ** 31 },
    { name: "-2^31 - 1", value: -(2 ** 31) - 1 },
    { name: "1e300", value: 1e300 },
    { name: "NaN", value: Number.NaN },
    { name: "Infinity", value: Number.POSITIVE_INFINITY },
    { name: "a far-past date", value: new Date(-8.64e15) },
    { name: "an invalid date", value: new Date(Number.NaN) },
    { name: "100,000 entries", value: Array.from({ length: 100_000 }, () => (Array.isArray(leaf) ? (leaf[0] ?? "x") : leaf ?? "x")) },
    { name: "deep nesting", value: nested(200) },
  ];
  return values;
}

/** Values of the wrong shape or size: refused or accepted, but never an internal error. */
function oddValues(): { name: string; value: unknown }[] {
  return [
    { name: "null", value: null },
    { name: "undefined", value: undefined },
    { name: "an object", value: { x: 1 } },
    { name: "a list", value: [] },
    { name: "true", value: true },
    { name: "text", value: "text" },
    { name: "empty text", value: "" },
    { name: "200,000 characters", value: "w".repeat(200_000) },
    { name: "0", value: 0 },
    { name: "-1", value: -1 },
    { name: "1.5", value: 1.5 },
    { name: "2^31 - 1", value: 2 ** 31 - 1 },
    { name: "a date", value: new Date("2026-12-03T10:00:00Z") },
    { name: "an id of nothing", value: "clzzzzzzzzzzzzzzzzzzzzzzz" },
  ];
}

async function snapshot(): Promise<string> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  const parts = tables.map(
    ({ name }) => `SELECT '${name}' AS t, count(*) AS n, md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM "${name}" x`,
  );
  const rows = await db.$queryRawUnsafe<{ t: string; n: bigint; h: string }[]>(parts.join(" UNION ALL "));
  return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join("\n");
}

type Outcome = { code: string; message: string };

async function attempt(procedure: (input: unknown) => Promise<unknown>, input: unknown): Promise<Outcome> {
  try {
    await procedure(input);
    return { code: "OK", message: "" };
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown };
    return { code: typeof e.code === "string" ? e.code : `THROWN ${String(error)}`, message: String(e.message ?? "") };
  }
}

beforeAll(async () => {
  world = await createFixtureWorld(db);
});

describe("fuzzing every procedure", () => {
  const paths = Object.keys(appRouter._def.procedures).sort();

  it("covers every procedure through its authorization-matrix row", () => {
    expect(paths.filter((p) => !(p in MATRIX))).toEqual([]);
  });

  for (const path of paths) {
    it(path, async () => {
      const row = MATRIX[path]!;
      // As someone the procedure lets through, so bad input reaches as far as it can.
      const actor = ACTORS.find((a) => row.expect[a] === "OK") ?? ACTORS.find((a) => a !== "signedOut")!;
      const userId = actorUserIds(world)[actor];
      const viewer = userId ? await loadViewer(db, userId, signedInNow()) : null;
      const caller = createCaller({ db, viewer, headers: new Headers() });
      const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
        input: unknown,
      ) => Promise<unknown>;
      const base = await row.input(context());
      const targets = [{ path: [] as Path, value: base }, ...(base === undefined ? [] : leaves(base).filter((l) => l.path.length > 0))];
      const problems: string[] = [];
      const where = (p: Path) => (p.length ? p.join(".") : "(input)");

      const before = await snapshot();
      for (const target of targets) {
        for (const bad of forbiddenValues(target.value)) {
          const got = await attempt(procedure, replaced(base, target.path, bad.value));
          if (got.code !== "BAD_REQUEST") problems.push(`${where(target.path)} = ${bad.name}: ${got.code} ${got.message.slice(0, 120)}`);
        }
      }
      const extra = await attempt(procedure, { ...(typeof base === "object" && base ? base : {}), ["note\u0000"]: "x" });
      if (extra.code !== "BAD_REQUEST") problems.push(`a key with a NUL byte: ${extra.code}`);
      expect(await snapshot(), `${path}: refused input wrote something`).toBe(before);

      for (const target of targets) {
        for (const odd of oddValues()) {
          const got = await attempt(procedure, replaced(base, target.path, odd.value));
          if (got.code === "INTERNAL_SERVER_ERROR" || got.code.startsWith("THROWN") || /prisma|invocation|SQLSTATE/i.test(got.message)) {
            problems.push(`${where(target.path)} = ${odd.name}: ${got.code} ${got.message.slice(0, 160)}`);
          }
        }
      }
      expect(problems, `${path} as ${actor}`).toEqual([]);
    });
  }
});
