-- AlterTable
ALTER TABLE "SeriesTrackerStamp" ADD COLUMN     "contentChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "contentVersion" BIGINT NOT NULL DEFAULT 1;

-- The read views besides the tracker (a paper, an agenda item's page and thread, minutes, a scholar
-- panel, a stance's history, the briefing book, the series page) are cached per series, visibility
-- class and *content stamp* (server/services/tracker/cache.ts: cachedInSeries). The content stamp is
-- the tracker stamp (every write the tracker_stamp triggers see) plus "contentVersion", bumped here,
-- by triggers, in the same transaction as any write to the further tables those views read — so no
-- code path can forget it. A comment or a paper save bumps only "contentVersion": the tracker's
-- figures, which do not read these tables, stay cached. The row's notification
-- (change_notifications) empties the held stamp in every app server as before.
-- Per-person tables (PaperDraft, CommentThreadVisit) are never part of a cached answer.

CREATE FUNCTION "content_stamp_bump"() RETURNS trigger
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
    ('PositionPaper', 'session', 'sessionId', 'INSERT,UPDATE,DELETE', ''),
    ('PaperRevision', 'paper', 'paperId', 'INSERT,UPDATE,DELETE', ''),
    ('PaperAgendaItem', 'paper', 'paperId', 'INSERT,UPDATE,DELETE', ''),
    ('Comment', 'item', 'agendaItemId', 'INSERT,UPDATE,DELETE', '_item'),
    ('Comment', 'paper', 'paperId', 'INSERT,UPDATE,DELETE', '_paper'),
    ('Minutes', 'session', 'sessionId', 'INSERT,UPDATE,DELETE', ''),
    ('MinutesRevision', 'minutes', 'minutesId', 'INSERT,UPDATE,DELETE', ''),
    ('Assessment', 'session', 'sessionId', 'INSERT,UPDATE,DELETE', ''),
    ('StanceRevision', 'stance', 'stanceId', 'INSERT,UPDATE,DELETE', '')
  ) AS v(tbl, kind, col, events, suffix) LOOP
    IF 'INSERT' = ANY (string_to_array(t.events, ',')) THEN
      EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "content_stamp_bump"(%L, %L)',
        t.tbl || t.suffix || '_content_stamp_ins', t.tbl, t.kind, t.col);
    END IF;
    IF 'UPDATE' = ANY (string_to_array(t.events, ',')) THEN
      EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "content_stamp_bump"(%L, %L)',
        t.tbl || t.suffix || '_content_stamp_upd', t.tbl, t.kind, t.col);
    END IF;
    IF 'DELETE' = ANY (string_to_array(t.events, ',')) THEN
      EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "content_stamp_bump"(%L, %L)',
        t.tbl || t.suffix || '_content_stamp_del', t.tbl, t.kind, t.col);
    END IF;
  END LOOP;
END;
$$;

-- A person's name and affiliation appear beside their comments, papers and revisions: renaming them
-- bumps every series they sit in. Row-level with a WHEN, so a sign-in (which writes other columns of
-- the row) bumps nothing.
CREATE FUNCTION "content_stamp_bump_user"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SeriesTrackerStamp" ("seriesId", "contentVersion", "contentChangedAt")
  SELECT x, 1, clock_timestamp() FROM (SELECT DISTINCT m."seriesId" AS x FROM "Membership" m WHERE m."userId" = NEW."id") AS d ORDER BY x
  ON CONFLICT ("seriesId") DO UPDATE
    SET "contentVersion" = "SeriesTrackerStamp"."contentVersion" + 1, "contentChangedAt" = EXCLUDED."contentChangedAt";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "User_content_stamp_upd" AFTER UPDATE ON "User"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."affiliation" IS DISTINCT FROM NEW."affiliation")
  EXECUTE FUNCTION "content_stamp_bump_user"();
