import type { APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { DEMO, seriesId, type SeriesShortName } from "@/tests/e2e/fixtures";
import { mutate } from "@/tests/e2e/crawl/api";
import type { MarkerLabel, Markers, Role } from "@/tests/e2e/crawl/markers";

/*
 * Plants the markers behind every boundary, each through the product's own tRPC mutations as the
 * account that owns the material (so the audit trail records it too, and is crawled with them).
 * Everything lives in sessions and issues of the crawl's own, in the demo series, so the other specs
 * see what they expect: their sessions, items and figures are untouched.
 */

export type Kind = "series" | "session" | "issue" | "item" | "paper" | "stance" | "comment" | "jointText";

/** A planted object and the ids of what it belongs to, so pages can be addressed by id directly. */
export type Planted = { kind: Kind; id: string; parents: Partial<Record<Kind, string>> };

export type PlantedWorld = { objects: Planted[]; sessionIds: string[]; firstSessionPerSeries: string[] };

type Contexts = Record<Role, APIRequestContext>;

const DAY_MS = 24 * 60 * 60 * 1000;

function localDateTime(date: Date): string {
  return date.toISOString().slice(0, 16);
}

async function version(db: pg.Pool, table: string, id: string): Promise<number> {
  const { rows } = await db.query<{ version: number }>(`SELECT version FROM "${table}" WHERE id = $1`, [id]);
  if (!rows[0]) throw new Error(`plant: no ${table} ${id}`);
  return rows[0].version;
}

export async function plant(as: Contexts, db: pg.Pool, markers: Markers): Promise<PlantedWorld> {
  const m = (label: MarkerLabel, text = "") => `${markers.of[label]} ${text}`.trim();
  const objects: Planted[] = [];
  const sessionIds: string[] = [];
  const add = (kind: Kind, id: string, parents: Planted["parents"] = {}) => {
    objects.push({ kind, id, parents });
    return id;
  };
  const userId = async (email: string) => {
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
    return rows[0]!.id;
  };
  const startsAt = new Date(Date.now() + 55 * DAY_MS);
  const run = markers.prefix.slice(2, 8);

  /** A session of the crawl's own with one agenda item per issue title given, published unless told. */
  async function session(series: SeriesShortName, convenor: Role, label: string, items: { title: string; description?: string }[], publish = true) {
    const s = await seriesId(db, series);
    add("series", s.id);
    const created = await mutate<{ id: string }>(as[convenor], "session.create", {
      seriesId: s.id,
      title: `Crawl ${label} ${run}`,
      startsAt: localDateTime(startsAt),
      endsAt: localDateTime(new Date(startsAt.getTime() + DAY_MS)),
      timeZone: "UTC",
      place: "Honolulu",
      isVirtual: false,
    });
    sessionIds.push(add("session", created.id, { series: s.id }));
    const itemIds: { item: string; issue: string }[] = [];
    for (const [i, item] of items.entries()) {
      const issue = await mutate<{ id: string }>(as[convenor], "issue.create", {
        seriesId: s.id,
        title: `Crawl proposition ${label} ${i + 1} ${run}`,
        description: "",
        kind: "PROPOSITION",
        topic: "",
        scaleMin: -3,
        scaleMax: 3,
        scaleLabels: ["Strongly oppose", "Oppose", "Lean oppose", "Neutral", "Lean support", "Support", "Strongly support"],
      });
      add("issue", issue.id, { series: s.id });
      const row = await mutate<{ id: string }>(as[convenor], "agenda.createItem", {
        sessionId: created.id,
        title: item.title,
        description: item.description ?? "",
        issueId: issue.id,
        status: "ACCEPTED",
      });
      itemIds.push({ item: add("item", row.id, { series: s.id, session: created.id }), issue: issue.id });
    }
    if (publish) await mutate(as[convenor], "agenda.publish", { sessionId: created.id, version: await version(db, "Session", created.id) });
    return { seriesId: s.id, sessionId: created.id, items: itemIds };
  }

  async function paper(
    author: Role,
    where: { seriesId: string; sessionId: string },
    itemId: string,
    title: string,
    body: string,
    releaseLevel?: "GOVERNMENTS" | "ALL_PARTICIPANTS",
  ) {
    const created = await mutate<{ id: string; version: number }>(as[author], "paper.create", {
      sessionId: where.sessionId,
      title,
      body,
      agendaItemIds: [itemId],
    });
    // Saved once more, so the draft has a history (and a second audited save) before any release.
    const saved = await mutate<{ version: number }>(as[author], "paper.save", { paperId: created.id, version: created.version, title, body: `${body}\n\nRevised.` });
    if (releaseLevel) await mutate(as[author], "paper.raiseRelease", { paperId: created.id, version: saved.version, releaseLevel });
    return add("paper", created.id, { series: where.seriesId, session: where.sessionId });
  }

  async function stance(
    author: Role,
    where: { seriesId: string; sessionId: string },
    issueId: string,
    rationale: string,
    conditions: string,
    releaseLevel?: "GOVERNMENTS",
  ) {
    const created = await mutate<{ id: string; version: number }>(as[author], "stance.create", {
      sessionId: where.sessionId,
      issueId,
      position: -2,
      rationale,
      conditions,
      redLine: true,
      priority: 3,
    });
    if (releaseLevel) await mutate(as[author], "stance.release", { stanceId: created.id, version: created.version, releaseLevel });
    return add("stance", created.id, { series: where.seriesId, session: where.sessionId, issue: issueId });
  }

  async function comment(author: Role, where: { seriesId: string; sessionId: string }, target: { agendaItemId: string } | { paperId: string }, body: string) {
    const created = await mutate<{ id: string }>(as[author], "comment.create", { ...target, body });
    return add("comment", created.id, { series: where.seriesId, session: where.sessionId });
  }

  // EDD (US-Japan): released and draft material Korea must never see.
  const edd = await session("EDD", "eddConvenor", "EDD", [{ title: "Crawl EDD item" }]);
  const eddItem = edd.items[0]!;
  await paper("usDelegate", edd, eddItem.item, m("eddGovPaperTitle", "US paper"), m("eddGovPaperBody", "for both governments."), "GOVERNMENTS");
  await stance("usDelegate", edd, eddItem.issue, m("eddGovStanceRationale", "US position."), "", "GOVERNMENTS");
  await paper("jpDelegate", edd, eddItem.item, m("eddJpDraftPaperTitle", "JP draft"), m("eddJpDraftPaperBody", "inside the delegation."));
  await stance("jpDelegate", edd, eddItem.issue, m("eddJpDraftStanceRationale", "JP draft."), m("eddJpDraftStanceConditions", "JP draft conditions."));

  // EDSCG (US-ROK): released and draft material Japan must never see.
  const edscg = await session("EDSCG", "edscgConvenor", "EDSCG", [{ title: "Crawl EDSCG item" }]);
  const edscgItem = edscg.items[0]!;
  await paper("usDelegate", edscg, edscgItem.item, m("edscgGovPaperTitle", "US paper"), m("edscgGovPaperBody", "for both governments."), "GOVERNMENTS");
  await comment("krDelegate", edscg, { agendaItemId: edscgItem.item }, m("edscgItemComment", "a Korean comment."));
  await paper("krDelegate", edscg, edscgItem.item, m("edscgKrDraftPaperTitle", "KR draft"), "Inside the delegation.");
  await stance("krDelegate", edscg, edscgItem.issue, m("edscgKrDraftStanceRationale", "KR draft."), "");

  // TRI-15, a published session: item A has the Japanese scholar invited, item B nobody.
  const tri = await session("TRI-15", "triConvenor", "TRI-15", [
    { title: m("triItemInvitedTitle", "item with the Japanese scholar") },
    { title: m("triItemUninvitedTitle", "item without scholars") },
  ]);
  const [itemA, itemB] = [tri.items[0]!, tri.items[1]!];
  await mutate(as.triConvenor, "agenda.inviteScholar", { itemId: itemA.item, userId: await userId(DEMO.jpScholar) });
  const drafts = { usDelegate: "Us", jpDelegate: "Jp", krDelegate: "Kr" } as const;
  const draftPapers: Partial<Record<Role, string>> = {};
  for (const [role, p] of Object.entries(drafts) as [keyof typeof drafts, (typeof drafts)[keyof typeof drafts]][]) {
    draftPapers[role] = await paper(role, tri, itemA.item, m(`tri${p}DraftPaperTitle`, "party draft"), m(`tri${p}DraftPaperBody`, "party draft body."));
    await stance(role, tri, itemA.issue, m(`tri${p}DraftStanceRationale`, "draft."), m(`tri${p}DraftStanceConditions`, "draft conditions."));
  }
  await paper("usDelegate", tri, itemA.item, m("triGovPaperTitle", "for governments"), "Released to governments.", "GOVERNMENTS");
  const jpAll = await paper("jpDelegate", tri, itemA.item, m("triAllPaperInvitedTitle", "for all participants"), "Released to all.", "ALL_PARTICIPANTS");
  await paper("krDelegate", tri, itemB.item, m("triAllPaperUninvitedTitle", "for all participants"), "Released to all.", "ALL_PARTICIPANTS");
  // The Japanese delegate's autosaved working copy of the released paper: nobody else reads it.
  await mutate(as.jpDelegate, "paper.saveDraft", {
    paperId: jpAll,
    baseVersion: await version(db, "PositionPaper", jpAll),
    title: m("triAutosaveTitle", "unsaved title"),
    body: m("triAutosaveBody", "unsaved body."),
  });
  await comment("usDelegate", tri, { agendaItemId: itemA.item }, m("triCommentItemInvited", "on item A."));
  await comment("krDelegate", tri, { agendaItemId: itemB.item }, m("triCommentItemUninvited", "on item B."));
  // Edited within the edit window: the audit trail then holds its text before and after.
  const onDraft = await comment("jpDelegate", tri, { paperId: draftPapers.jpDelegate! }, m("triCommentOnDraft", "on the JP draft."));
  await mutate(as.jpDelegate, "comment.edit", { commentId: onDraft, version: 1, body: m("triCommentOnDraft", "on the JP draft, edited.") });
  const withdrawn = await comment("krDelegate", tri, { agendaItemId: itemA.item }, m("triCommentWithdrawn", "then withdrawn."));
  await mutate(as.krDelegate, "comment.withdraw", { commentId: withdrawn });
  const withdrawnOnDraft = await comment("jpDelegate", tri, { paperId: draftPapers.jpDelegate! }, m("triCommentOnDraftWithdrawn", "then withdrawn."));
  await mutate(as.jpDelegate, "comment.withdraw", { commentId: withdrawnOnDraft });
  await mutate(as.jpScholar, "assessment.save", { agendaItemId: itemA.item, position: 1, reasoning: m("triAssessmentReasoning", "my own view.") });
  await paper("jpScholar", tri, itemA.item, m("triScholarDraftTitle", "scholar draft"), m("triScholarDraftBody", "scholar draft body."));
  await mutate(as.triConvenor, "minutes.save", { sessionId: tri.sessionId, version: 0, body: m("triMinutesDraft", "not yet released.") });

  // TRI-15, an agenda still in draft.
  await session("TRI-15", "triConvenor", "TRI-15 draft agenda", [
    { title: m("triDraftAgendaItemTitle", "draft item"), description: m("triDraftAgendaItemDescription", "draft description.") },
  ], false);

  // TRI-15, a sealed session: every party has released its stance into the seal, only the US submitted.
  const sealed = await session("TRI-15", "triConvenor", "TRI-15 sealed", [{ title: "Crawl sealed item" }]);
  await mutate(as.triConvenor, "stance.seal", { sessionId: sealed.sessionId });
  for (const [role, p] of [["usDelegate", "Us"], ["jpDelegate", "Jp"], ["krDelegate", "Kr"]] as const) {
    await stance(role, sealed, sealed.items[0]!.issue, m(`triSealed${p}Rationale`, "sealed."), "", "GOVERNMENTS");
  }
  await mutate(as.usDelegate, "stance.submitSealed", { sessionId: sealed.sessionId });

  return { objects, sessionIds, firstSessionPerSeries: [edd.sessionId, edscg.sessionId, tri.sessionId] };
}
