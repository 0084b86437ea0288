-- CreateEnum
CREATE TYPE "JointTextKind" AS ENUM ('JOINT_STATEMENT', 'CHAIRS_SUMMARY', 'RECOMMENDATIONS');

-- CreateEnum
CREATE TYPE "JointTextRelease" AS ENUM ('DRAFT', 'GOVERNMENTS', 'ALL_PARTICIPANTS');

-- CreateEnum
CREATE TYPE "JointTextProposalKind" AS ENUM ('BRACKET', 'OPTION');

-- CreateEnum
CREATE TYPE "JointTextProposalStatus" AS ENUM ('DRAFT', 'TABLED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "jointTextId" TEXT;

-- CreateTable
CREATE TABLE "JointText" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "kind" "JointTextKind" NOT NULL,
    "title" TEXT NOT NULL,
    "languageTag" TEXT NOT NULL DEFAULT 'en',
    "release" "JointTextRelease" NOT NULL DEFAULT 'DRAFT',
    "releasedAt" TIMESTAMP(3),
    "currentRevision" INTEGER NOT NULL DEFAULT 1,
    "carriedFromId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "JointText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointTextRevision" (
    "id" TEXT NOT NULL,
    "textId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "change" JSONB NOT NULL,
    "tabled" BOOLEAN NOT NULL DEFAULT false,
    "tabledNo" INTEGER,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointTextRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointTextProposal" (
    "id" TEXT NOT NULL,
    "textId" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" "JointTextProposalKind" NOT NULL,
    "payload" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" "JointTextProposalStatus" NOT NULL DEFAULT 'DRAFT',
    "tabledAt" TIMESTAMP(3),
    "tabledById" TEXT,
    "tabledRevision" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "JointTextProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JointText_sessionId_release_idx" ON "JointText"("sessionId", "release");

-- CreateIndex
CREATE INDEX "JointText_carriedFromId_idx" ON "JointText"("carriedFromId");

-- CreateIndex
CREATE UNIQUE INDEX "JointTextRevision_textId_number_key" ON "JointTextRevision"("textId", "number");

-- CreateIndex
CREATE INDEX "JointTextProposal_textId_partyId_status_idx" ON "JointTextProposal"("textId", "partyId", "status");

-- CreateIndex
CREATE INDEX "AuditEvent_jointTextId_idx" ON "AuditEvent"("jointTextId");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_jointTextId_fkey" FOREIGN KEY ("jointTextId") REFERENCES "JointText"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointText" ADD CONSTRAINT "JointText_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointText" ADD CONSTRAINT "JointText_carriedFromId_fkey" FOREIGN KEY ("carriedFromId") REFERENCES "JointText"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointText" ADD CONSTRAINT "JointText_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointTextRevision" ADD CONSTRAINT "JointTextRevision_textId_fkey" FOREIGN KEY ("textId") REFERENCES "JointText"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointTextRevision" ADD CONSTRAINT "JointTextRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointTextProposal" ADD CONSTRAINT "JointTextProposal_textId_fkey" FOREIGN KEY ("textId") REFERENCES "JointText"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointTextProposal" ADD CONSTRAINT "JointTextProposal_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointTextProposal" ADD CONSTRAINT "JointTextProposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointTextProposal" ADD CONSTRAINT "JointTextProposal_tabledById_fkey" FOREIGN KEY ("tabledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Joint texts are read through the cached views like papers: every write to a text, its revisions
-- or its proposals bumps the series' content stamp in the same transaction (see content_stamp).
-- The function gains the key kind 'jointText' (a row pointing at a JointText by "textId").
CREATE OR REPLACE FUNCTION "content_stamp_bump"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- TG_ARGV[0]: how the changed rows lead to their series; TG_ARGV[1]: the column holding that key.
  keys text[] := '{}';
  series_ids text[];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    keys := keys || ARRAY(SELECT DISTINCT to_jsonb(n) ->> TG_ARGV[1] FROM new_rows n);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    keys := keys || ARRAY(SELECT DISTINCT to_jsonb(o) ->> TG_ARGV[1] FROM old_rows o);
  END IF;
  IF TG_ARGV[0] = 'session' THEN
    series_ids := ARRAY(SELECT s."seriesId" FROM "Session" s WHERE s."id" = ANY (keys));
  ELSIF TG_ARGV[0] = 'item' THEN
    series_ids := ARRAY(SELECT s."seriesId" FROM "AgendaItem" a JOIN "Session" s ON s."id" = a."sessionId" WHERE a."id" = ANY (keys));
  ELSIF TG_ARGV[0] = 'paper' THEN
    series_ids := ARRAY(SELECT s."seriesId" FROM "PositionPaper" p JOIN "Session" s ON s."id" = p."sessionId" WHERE p."id" = ANY (keys));
  ELSIF TG_ARGV[0] = 'stance' THEN
    series_ids := ARRAY(SELECT s."seriesId" FROM "Stance" t JOIN "Session" s ON s."id" = t."sessionId" WHERE t."id" = ANY (keys));
  ELSIF TG_ARGV[0] = 'minutes' THEN
    series_ids := ARRAY(SELECT s."seriesId" FROM "Minutes" m JOIN "Session" s ON s."id" = m."sessionId" WHERE m."id" = ANY (keys));
  ELSIF TG_ARGV[0] = 'jointText' THEN
    series_ids := ARRAY(SELECT s."seriesId" FROM "JointText" j JOIN "Session" s ON s."id" = j."sessionId" WHERE j."id" = ANY (keys));
  ELSE
    RAISE EXCEPTION 'content_stamp_bump: unknown key kind %', TG_ARGV[0];
  END IF;
  -- In a stable order, so two transactions bumping the same series cannot deadlock on the stamps.
  INSERT INTO "SeriesTrackerStamp" ("seriesId", "contentVersion", "contentChangedAt")
  SELECT x, 1, clock_timestamp() FROM (SELECT DISTINCT x FROM unnest(series_ids) AS x WHERE x IS NOT NULL) AS d ORDER BY x
  ON CONFLICT ("seriesId") DO UPDATE
    SET "contentVersion" = "SeriesTrackerStamp"."contentVersion" + 1, "contentChangedAt" = EXCLUDED."contentChangedAt";
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('JointText', 'session', 'sessionId'),
    ('JointTextRevision', 'jointText', 'textId'),
    ('JointTextProposal', 'jointText', 'textId')
  ) AS v(tbl, kind, col) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "content_stamp_bump"(%L, %L)',
      t.tbl || '_content_stamp_ins', t.tbl, t.kind, t.col);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "content_stamp_bump"(%L, %L)',
      t.tbl || '_content_stamp_upd', t.tbl, t.kind, t.col);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "content_stamp_bump"(%L, %L)',
      t.tbl || '_content_stamp_del', t.tbl, t.kind, t.col);
  END LOOP;
END;
$$;
