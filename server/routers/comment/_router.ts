import { z } from "zod";
import { orNotFound, visibleAgendaItemsWhere, visibleCommentsWhere, visiblePapersWhere } from "@/server/access";
import { authedProcedure, router } from "@/server/trpc/init";
import { id } from "@/lib/schemas/common";

export const commentRouter = router({
  /** The thread on one agenda item or paper; NOT_FOUND when the viewer may not see the target. */
  list: authedProcedure
    .input(
      z.union([z.object({ agendaItemId: id }), z.object({ paperId: id })], {
        message: "Name an agenda item or a paper",
      }),
    )
    .query(async ({ ctx, input }) => {
      const { db, viewer } = ctx;
      if ("agendaItemId" in input) {
        await orNotFound(
          db.agendaItem.findFirst({ where: { AND: [{ id: input.agendaItemId }, visibleAgendaItemsWhere(viewer)] }, select: { id: true } }),
        );
      } else {
        await orNotFound(
          db.positionPaper.findFirst({ where: { AND: [{ id: input.paperId }, visiblePapersWhere(viewer)] }, select: { id: true } }),
        );
      }
      const comments = await db.comment.findMany({
        where: { AND: [input, visibleCommentsWhere(viewer)] },
        select: {
          id: true,
          parentId: true,
          body: true,
          createdAt: true,
          editedAt: true,
          withdrawnAt: true,
          author: { select: { id: true, name: true } },
        },
        orderBy: { createdAt: "asc" },
      });
      // A withdrawn comment keeps its place in the thread; its text stays in the audit trail only.
      return comments.map((c) => (c.withdrawnAt ? { ...c, body: "" } : c));
    }),
});
