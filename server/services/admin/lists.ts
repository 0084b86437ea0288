import type { Db } from "@/server/db";
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
