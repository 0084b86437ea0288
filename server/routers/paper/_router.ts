import { z } from "zod";
import {
  orNotFound,
  visibleAgendaItemsWhere,
  visiblePapersWhere,
  visibleSessionsWhere,
} from "@/server/access";
import { authedProcedure, router } from "@/server/trpc/init";
import { id } from "@/lib/schemas/common";

const paperSummary = {
  id: true,
  title: true,
  releaseLevel: true,
  releasedAt: true,
  withdrawnAt: true,
  updatedAt: true,
  version: true,
  party: { select: { code: true, name: true } },
  author: { select: { id: true, name: true } },
} as const;

export const paperRouter = router({
  listForSession: authedProcedure.input(z.object({ sessionId: id })).query(async ({ ctx, input }) => {
    const { db, viewer } = ctx;
    await orNotFound(
      db.session.findFirst({ where: { AND: [{ id: input.sessionId }, visibleSessionsWhere(viewer)] }, select: { id: true } }),
      "Session not found",
    );
    return db.positionPaper.findMany({
      where: { AND: [{ sessionId: input.sessionId }, visiblePapersWhere(viewer)] },
      select: paperSummary,
      orderBy: [{ party: { code: "asc" } }, { title: "asc" }],
    });
  }),

  /** A paper with its latest text; linked items are filtered to those the viewer may see. */
  get: authedProcedure.input(z.object({ paperId: id })).query(async ({ ctx, input }) => {
    const { db, viewer } = ctx;
    const paper = await orNotFound(
      db.positionPaper.findFirst({
        where: { AND: [{ id: input.paperId }, visiblePapersWhere(viewer)] },
        select: {
          ...paperSummary,
          sessionId: true,
          revisions: {
            select: { number: true, body: true, createdAt: true, author: { select: { name: true } } },
            orderBy: { number: "desc" },
            take: 1,
          },
          items: {
            where: { agendaItem: visibleAgendaItemsWhere(viewer) },
            select: { agendaItem: { select: { id: true, title: true } } },
          },
        },
      }),
      "Paper not found",
    );
    const { revisions, items, ...rest } = paper;
    return { ...rest, latest: revisions[0] ?? null, items: items.map((i) => i.agendaItem) };
  }),
});
