import type { Prisma } from "@/prisma/generated/client";

/** A session as lists and cards show it: when, where, and its status. */
export const SESSION_CARD = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  place: true,
  isVirtual: true,
  status: true,
} satisfies Prisma.SessionSelect;
