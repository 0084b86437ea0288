import type { FixtureWorld } from "@/prisma/seed/fixture-world";
import type { Db } from "@/server/db";

// The callers every procedure is checked against. The objects of most rows are in the US-Japan
// EDD (parties US and JP): the JP delegate is the owning party, the US delegate the other party,
// the KR delegate a delegate of another series only.
export const ACTORS = ["signedOut", "admin", "convenor", "ownParty", "otherParty", "otherSeries", "observer", "scholar", "outsider"] as const;
export type Actor = (typeof ACTORS)[number];
export type Outcome = "OK" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT";
export type MatrixContext = {
  world: FixtureWorld;
  db: Db;
  /** A fresh token per call, for inputs that must not collide (emails, short names). */
  unique: () => string;
  /** A fresh run of capital letters per call, for codes. */
  uniqueLetters: (length: number) => string;
};
export type Row = { input: (ctx: MatrixContext) => unknown | Promise<unknown>; expect: Record<Actor, Outcome> };
export type Rows = Record<string, Row>;

/** The fixture user acting as each actor. */
export function actorUserIds(w: FixtureWorld): Record<Actor, string | null> {
  return {
    signedOut: null,
    admin: w.users.admin.id,
    convenor: w.users.eddConvenor.id,
    ownParty: w.users.jpDelegate.id,
    otherParty: w.users.usDelegate.id,
    otherSeries: w.users.krDelegate.id,
    observer: w.users.observer.id,
    scholar: w.users.scholarA.id,
    outsider: w.users.outsider.id,
  };
}

/** Any signed-in user gets `signedIn`; signed out gets UNAUTHORIZED. */
export function everyone(signedIn: Outcome): Record<Actor, Outcome> {
  return Object.fromEntries(ACTORS.map((a) => [a, a === "signedOut" ? "UNAUTHORIZED" : signedIn])) as Record<Actor, Outcome>;
}

/** Members of the EDD may; everyone else signed in gets NOT_FOUND, as if it did not exist. */
export const eddMembers: Record<Actor, Outcome> = {
  signedOut: "UNAUTHORIZED",
  admin: "NOT_FOUND",
  convenor: "OK",
  ownParty: "OK",
  otherParty: "OK",
  otherSeries: "NOT_FOUND",
  observer: "OK",
  scholar: "NOT_FOUND",
  outsider: "NOT_FOUND",
};

/** Only the owning party's delegates see a PARTY-level draft. */
export const ownPartyOnly: Record<Actor, Outcome> = { ...eddMembers, convenor: "NOT_FOUND", otherParty: "NOT_FOUND", observer: "NOT_FOUND" };

/** EDD convenors may; other EDD members may know it exists but not change it; the rest see nothing. */
export const eddConvenorOnly: Record<Actor, Outcome> = { ...eddMembers, ownParty: "FORBIDDEN", otherParty: "FORBIDDEN", observer: "FORBIDDEN" };

/** Admin procedures: admins may, other accounts are refused, signed out must sign in. */
export function adminOnly(forAdmin: Outcome = "OK"): Record<Actor, Outcome> {
  return { ...everyone("FORBIDDEN"), admin: forAdmin };
}
