import { createIssue } from "@/prisma/seed/factories";
import { eddConvenorOnly, eddMembers, type MatrixContext, type Rows } from "@/tests/integration/authorization/shared";

/** A fresh EDD issue per call, so a convenor's change in one row touches nothing another row reads. */
async function freshEddIssue({ world, db, unique }: MatrixContext, archived = false) {
  const issue = await createIssue(db, {
    seriesId: world.series.edd.id,
    title: `Matrix issue ${unique()}`,
    archivedAt: archived ? new Date() : null,
  });
  return issue;
}

const criterionBody = {
  description: "Matrix **description**",
  kind: "DETERRENCE_CRITERION",
  topic: "matrix",
  scaleMin: 0,
  scaleMax: 3,
  scaleLabels: ["Not required", "Desirable", "Important", "Essential"],
};

export const issuesRows: Rows = {
  "issue.list": { input: ({ world: w }) => ({ seriesId: w.series.edd.id, includeArchived: true }), expect: eddMembers },
  "issue.get": { input: ({ world: w }) => ({ issueId: w.issues.eddGovernments.id }), expect: eddMembers },
  "issue.create": {
    input: ({ world: w, unique }) => ({ seriesId: w.series.edd.id, title: `Matrix criterion ${unique()}`, ...criterionBody }),
    expect: eddConvenorOnly,
  },
  "issue.update": {
    input: async (ctx) => {
      const issue = await freshEddIssue(ctx);
      return { issueId: issue.id, version: issue.version, title: `${issue.title} (edited)`, ...criterionBody };
    },
    expect: eddConvenorOnly,
  },
  "issue.archive": {
    input: async (ctx) => {
      const issue = await freshEddIssue(ctx);
      return { issueId: issue.id, version: issue.version };
    },
    expect: eddConvenorOnly,
  },
  "issue.unarchive": {
    input: async (ctx) => {
      const issue = await freshEddIssue(ctx, true);
      return { issueId: issue.id, version: issue.version };
    },
    expect: eddConvenorOnly,
  },
};
