-- Audit events become a read path like any other (server/access/audit.ts): each event stores who
-- could read its object at the moment of the event ("audience", with the owning party and session)
-- and points at the object itself, so a viewer is shown an event only if they may read the object
-- as it stood then and as it stands now.

-- CreateEnum
CREATE TYPE "AuditAudience" AS ENUM ('ADMINS', 'CONVENORS', 'PARTY', 'GOVERNMENTS', 'ALL_PARTICIPANTS', 'ACTOR');

-- DropIndex
DROP INDEX "AuditEvent_seriesId_createdAt_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "agendaItemId" TEXT,
ADD COLUMN     "audience" "AuditAudience",
ADD COLUMN     "commentId" TEXT,
ADD COLUMN     "issueId" TEXT,
ADD COLUMN     "minutesId" TEXT,
ADD COLUMN     "paperId" TEXT,
ADD COLUMN     "partyId" TEXT,
ADD COLUMN     "sessionId" TEXT,
ADD COLUMN     "stanceId" TEXT;

-- Back-fill the events written before this migration. The table is append-only; only this
-- migration writes the new columns of old rows (and redacts one count, below), with the guard off.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";

-- Papers: the level at the event is in the event itself (release, withdrawal) or in the revision it
-- wrote (save); a paper starts at PARTY. A scholar's own draft (no party) is its author's alone.
UPDATE "AuditEvent" e SET
  "paperId" = p."id",
  "partyId" = p."partyId",
  "sessionId" = p."sessionId",
  "audience" = (
    SELECT CASE WHEN lvl = 'PARTY' AND p."partyId" IS NULL THEN 'ACTOR' ELSE lvl END::"AuditAudience"
    FROM (SELECT COALESCE(
      CASE e."action"
        WHEN 'paper.release' THEN e."summary"->>'after'
        WHEN 'paper.withdraw' THEN e."summary"->>'releaseLevel'
        WHEN 'paper.save' THEN (SELECT r."releaseLevel"::text FROM "PaperRevision" r
                                WHERE r."paperId" = p."id" AND r."number" = (e."summary"->>'revision')::int)
      END, 'PARTY') AS lvl) l)
FROM "PositionPaper" p
WHERE e."objectType" = 'PositionPaper' AND p."id" = e."objectId";

-- Stances: likewise; a stance starts at PARTY.
UPDATE "AuditEvent" e SET
  "stanceId" = s."id",
  "partyId" = s."partyId",
  "sessionId" = s."sessionId",
  "audience" = COALESCE(
    CASE e."action"
      WHEN 'stance.release' THEN e."summary"->'after'->>'releaseLevel'
      WHEN 'stance.save' THEN (SELECT r."releaseLevel"::text FROM "StanceRevision" r
                               WHERE r."stanceId" = s."id" AND r."number" = (e."summary"->>'revision')::int)
    END, 'PARTY')::"AuditAudience"
FROM "Stance" s
WHERE e."objectType" = 'Stance' AND s."id" = e."objectId";

-- Comments on a paper: the paper's level at the event (its last release recorded before it).
UPDATE "AuditEvent" e SET
  "commentId" = c."id",
  "paperId" = p."id",
  "partyId" = p."partyId",
  "sessionId" = p."sessionId",
  "audience" = (
    SELECT CASE WHEN lvl = 'PARTY' AND p."partyId" IS NULL THEN 'ACTOR' ELSE lvl END::"AuditAudience"
    FROM (SELECT COALESCE((
      SELECT r."summary"->>'after' FROM "AuditEvent" r
      WHERE r."objectType" = 'PositionPaper' AND r."objectId" = p."id" AND r."action" = 'paper.release' AND r."id" < e."id"
      ORDER BY r."id" DESC LIMIT 1), 'PARTY') AS lvl) l)
FROM "Comment" c JOIN "PositionPaper" p ON p."id" = c."paperId"
WHERE e."objectType" = 'Comment' AND c."id" = e."objectId";

-- Comments on an agenda item: everyone who may read the item once the agenda was published, its
-- convenors before.
UPDATE "AuditEvent" e SET
  "commentId" = c."id",
  "agendaItemId" = i."id",
  "sessionId" = i."sessionId",
  "audience" = (CASE WHEN s."agendaPublishedAt" IS NOT NULL AND s."agendaPublishedAt" <= e."createdAt"
                THEN 'ALL_PARTICIPANTS' ELSE 'CONVENORS' END)::"AuditAudience"
FROM "Comment" c JOIN "AgendaItem" i ON i."id" = c."agendaItemId" JOIN "Session" s ON s."id" = i."sessionId"
WHERE e."objectType" = 'Comment' AND c."id" = e."objectId";

-- Agenda items (deleted ones keep only their session): as comments on them; scholar invitations
-- are the convenors' business.
UPDATE "AuditEvent" e SET
  "agendaItemId" = i."id",
  "sessionId" = s."id",
  "audience" = (CASE
    WHEN e."action" IN ('agenda.scholar_invited', 'agenda.scholar_uninvited') THEN 'CONVENORS'
    WHEN s."agendaPublishedAt" IS NOT NULL AND s."agendaPublishedAt" <= e."createdAt" THEN 'ALL_PARTICIPANTS'
    ELSE 'CONVENORS' END)::"AuditAudience"
FROM "AgendaItem" i JOIN "Session" s ON s."id" = i."sessionId"
WHERE e."objectType" = 'AgendaItem' AND i."id" = e."objectId";

UPDATE "AuditEvent" e SET "sessionId" = s."id", "audience" = 'CONVENORS'
FROM "Session" s
WHERE e."objectType" = 'AgendaItem' AND e."audience" IS NULL AND s."id" = e."summary"->>'sessionId';

-- Sessions: governments see a session from its creation; agenda changes before publication stay
-- with the convenors.
UPDATE "AuditEvent" e SET
  "sessionId" = s."id",
  "audience" = (CASE
    WHEN e."action" = 'agenda.reordered' AND (s."agendaPublishedAt" IS NULL OR s."agendaPublishedAt" > e."createdAt") THEN 'CONVENORS'
    WHEN e."action" = 'agenda.carried_over' AND NOT EXISTS (
      SELECT 1 FROM "Session" t WHERE t."id" = e."summary"->>'toSessionId'
        AND t."agendaPublishedAt" IS NOT NULL AND t."agendaPublishedAt" <= e."createdAt") THEN 'CONVENORS'
    ELSE 'GOVERNMENTS' END)::"AuditAudience"
FROM "Session" s
WHERE e."objectType" = 'Session' AND s."id" = e."objectId";

-- A party's submission to a sealed session said how many stances it released: a fact about its
-- positions before the reveal. The submission itself stays; the count goes.
UPDATE "AuditEvent" SET "summary" = "summary" - 'released' WHERE "action" = 'stance.submit';

-- Minutes: the convenors' until released.
UPDATE "AuditEvent" e SET
  "minutesId" = m."id",
  "sessionId" = m."sessionId",
  "audience" = (CASE WHEN e."action" = 'minutes.release'
                       OR (m."releasedAt" IS NOT NULL AND m."releasedAt" <= e."createdAt")
                THEN 'GOVERNMENTS' ELSE 'CONVENORS' END)::"AuditAudience"
FROM "Minutes" m
WHERE e."objectType" = 'Minutes' AND m."id" = e."objectId";

UPDATE "AuditEvent" e SET "issueId" = i."id", "audience" = 'GOVERNMENTS'
FROM "Issue" i
WHERE e."objectType" = 'Issue' AND i."id" = e."objectId";

UPDATE "AuditEvent" e SET "sessionId" = a."sessionId", "audience" = 'ACTOR'
FROM "Assessment" a
WHERE e."objectType" = 'Assessment' AND a."id" = e."objectId";

UPDATE "AuditEvent" SET "audience" = 'CONVENORS'
WHERE "audience" IS NULL AND "objectType" IN ('Series', 'Membership', 'Invitation') AND "seriesId" IS NOT NULL;

UPDATE "AuditEvent" SET "audience" = 'ACTOR'
WHERE "audience" IS NULL AND "action" IN ('calendar.token_issued', 'calendar.token_reset');

-- Anything else (accounts, parties, and events whose object no longer exists): the narrowest
-- audience that still lets an administrator follow it. Objects gone are read by nobody else.
UPDATE "AuditEvent" SET "audience" = CASE
  WHEN "objectType" IN ('Assessment', 'PositionPaper', 'Stance', 'Comment') THEN 'ACTOR'
  WHEN "seriesId" IS NOT NULL AND "objectType" IN ('AgendaItem', 'Session', 'Minutes', 'Issue') THEN 'CONVENORS'
  ELSE 'ADMINS' END::"AuditAudience"
WHERE "audience" IS NULL;

ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

ALTER TABLE "AuditEvent" ALTER COLUMN "audience" SET NOT NULL;

-- The guard lets exactly one kind of UPDATE through: a foreign key's own ON DELETE SET NULL
-- (trigger depth > 1) clearing pointer columns. The pointers to objects are such keys now too.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  pointers text[] := ARRAY['actorId', 'seriesId', 'sessionId', 'paperId', 'stanceId', 'commentId', 'agendaItemId', 'minutesId', 'issueId'];
  col text;
BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1
     AND to_jsonb(NEW) - pointers = to_jsonb(OLD) - pointers THEN
    FOREACH col IN ARRAY pointers LOOP
      IF to_jsonb(NEW)->>col IS NOT NULL AND to_jsonb(NEW)->>col IS DISTINCT FROM to_jsonb(OLD)->>col THEN
        RAISE EXCEPTION 'AuditEvent is append-only: % of event % refused', TG_OP, OLD."id"
          USING ERRCODE = 'raise_exception', HINT = 'Record a new AuditEvent instead of changing or deleting one.';
      END IF;
    END LOOP;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % of event % refused', TG_OP, OLD."id"
    USING ERRCODE = 'raise_exception', HINT = 'Record a new AuditEvent instead of changing or deleting one.';
END;
$$;

-- CreateIndex
CREATE INDEX "AuditEvent_seriesId_id_idx" ON "AuditEvent"("seriesId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_sessionId_idx" ON "AuditEvent"("sessionId");

-- CreateIndex
CREATE INDEX "AuditEvent_paperId_idx" ON "AuditEvent"("paperId");

-- CreateIndex
CREATE INDEX "AuditEvent_stanceId_idx" ON "AuditEvent"("stanceId");

-- CreateIndex
CREATE INDEX "AuditEvent_commentId_idx" ON "AuditEvent"("commentId");

-- CreateIndex
CREATE INDEX "AuditEvent_agendaItemId_idx" ON "AuditEvent"("agendaItemId");

-- CreateIndex
CREATE INDEX "AuditEvent_minutesId_idx" ON "AuditEvent"("minutesId");

-- CreateIndex
CREATE INDEX "AuditEvent_issueId_idx" ON "AuditEvent"("issueId");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "PositionPaper"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_stanceId_fkey" FOREIGN KEY ("stanceId") REFERENCES "Stance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE SET NULL ON UPDATE CASCADE;
