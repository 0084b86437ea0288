import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { SERIES_WITH_PARTIES } from "@/server/services/series/series";

// What administrators list: accounts, parties and series. None of it is delegation material.

export function listUsers(db: Db) {
  return db.user.findMany({
    select: {
      id: true,
      email: true,
      name: true,
      affiliation: true,
      isAdmin: true,
      deactivatedAt: true,
      createdAt: true,
      _count: { select: { memberships: { where: { removedAt: null } } } },
    },
    orderBy: { name: "asc" },
  });
}

/**
 * One account for its administration page: status, sign-in sessions (revoked before
 * sessionsValidFrom) and its role in each series, removed ones included. Nothing a member wrote.
 */
export async function getUserForAdmin(db: Db, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      affiliation: true,
      isAdmin: true,
      deactivatedAt: true,
      sessionsValidFrom: true,
      createdAt: true,
      memberships: {
        select: {
          id: true,
          role: true,
          affiliation: true,
          removedAt: true,
          createdAt: true,
          party: { select: { code: true, name: true } },
          series: { select: { id: true, shortName: true, name: true, archivedAt: true } },
        },
        orderBy: [{ removedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
      },
    },
  });
  if (!user) throw notFound("User not found");
  return user;
}

export function listParties(db: Db) {
  return db.party.findMany({
    select: { id: true, code: true, name: true, version: true, _count: { select: { series: true } } },
    orderBy: { code: "asc" },
  });
}

export function listSeriesForAdmin(db: Db) {
  return db.series.findMany({
    select: {
      ...SERIES_WITH_PARTIES,
      description: true,
      version: true,
      memberships: {
        where: { role: "CONVENOR", removedAt: null },
        select: { user: { select: { id: true, name: true, email: true } } },
      },
    },
    orderBy: { shortName: "asc" },
  });
}
