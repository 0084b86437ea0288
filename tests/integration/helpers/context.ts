import type { Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import type { Context } from "@/server/trpc/init";

export function createTRPCContextStub(db: Db, viewer: Viewer | null): Context {
  return { db, viewer, headers: new Headers() };
}
