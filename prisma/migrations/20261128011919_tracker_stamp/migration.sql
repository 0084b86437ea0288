-- CreateTable
CREATE TABLE "SeriesTrackerStamp" (
    "seriesId" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 1,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeriesTrackerStamp_pkey" PRIMARY KEY ("seriesId")
);

-- The tracker's cache (server/services/tracker/cache.ts) reuses a series' figures while its stamp
-- is unchanged. The stamp is bumped here, by triggers, in the same transaction as any write to a
-- table the figures (or the access fragments behind them) read, so no code path can forget it.
-- Statement-level with transition tables: a bulk insert of thousands of stances bumps each series
-- once (repeatedly updating one row inside a transaction would grow its HOT chain quadratically).
-- TRUNCATE fires none of these; it empties "SeriesTrackerStamp" too (tests), and a missing stamp
-- is never cached.

CREATE FUNCTION "tracker_stamp_bump"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- TG_ARGV[0]: how the changed rows lead to their series ('series', 'session', 'item', 'party');
  -- TG_ARGV[1]: the column holding that key.
  keys text[] := '{}';
  series_ids text[];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    keys := keys || ARRAY(SELECT DISTINCT to_jsonb(n) ->> TG_ARGV[1] FROM new_rows n);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    keys := keys || ARRAY(SELECT DISTINCT to_jsonb(o) ->> TG_ARGV[1] FROM old_rows o);
  END IF;
  IF TG_ARGV[0] = 'series' THEN
    series_ids := keys;
  ELSIF TG_ARGV[0] = 'session' THEN
    series_ids := ARRAY(SELECT s."seriesId" FROM "Session" s WHERE s."id" = ANY (keys));
  ELSIF TG_ARGV[0] = 'item' THEN
    series_ids := ARRAY(SELECT s."seriesId" FROM "AgendaItem" a JOIN "Session" s ON s."id" = a."sessionId" WHERE a."id" = ANY (keys));
  ELSIF TG_ARGV[0] = 'party' THEN
    series_ids := ARRAY(SELECT sp."seriesId" FROM "SeriesParty" sp WHERE sp."partyId" = ANY (keys));
  ELSE
    RAISE EXCEPTION 'tracker_stamp_bump: unknown key kind %', TG_ARGV[0];
  END IF;
  -- In a stable order, so two transactions bumping the same series cannot deadlock on the stamps.
  INSERT INTO "SeriesTrackerStamp" ("seriesId", "version", "changedAt")
  SELECT x, 1, clock_timestamp() FROM (SELECT DISTINCT x FROM unnest(series_ids) AS x WHERE x IS NOT NULL) AS d ORDER BY x
  ON CONFLICT ("seriesId") DO UPDATE
    SET "version" = "SeriesTrackerStamp"."version" + 1, "changedAt" = EXCLUDED."changedAt";
  RETURN NULL;
END;
$$;

-- One trigger per table and event (a trigger with transition tables may have only one event).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('Stance', 'session', 'sessionId', 'INSERT,UPDATE,DELETE'),
    ('Session', 'series', 'seriesId', 'INSERT,UPDATE,DELETE'),
    ('AgendaItem', 'session', 'sessionId', 'INSERT,UPDATE,DELETE'),
    ('AgendaItemScholar', 'item', 'agendaItemId', 'INSERT,UPDATE,DELETE'),
    ('Issue', 'series', 'seriesId', 'INSERT,UPDATE,DELETE'),
    ('SeriesParty', 'series', 'seriesId', 'INSERT,UPDATE,DELETE'),
    ('Membership', 'series', 'seriesId', 'INSERT,UPDATE,DELETE'),
    ('Party', 'party', 'id', 'UPDATE')
  ) AS v(tbl, kind, col, events) LOOP
    IF 'INSERT' = ANY (string_to_array(t.events, ',')) THEN
      EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tracker_stamp_bump"(%L, %L)',
        t.tbl || '_tracker_stamp_ins', t.tbl, t.kind, t.col);
    END IF;
    IF 'UPDATE' = ANY (string_to_array(t.events, ',')) THEN
      EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tracker_stamp_bump"(%L, %L)',
        t.tbl || '_tracker_stamp_upd', t.tbl, t.kind, t.col);
    END IF;
    IF 'DELETE' = ANY (string_to_array(t.events, ',')) THEN
      EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "tracker_stamp_bump"(%L, %L)',
        t.tbl || '_tracker_stamp_del', t.tbl, t.kind, t.col);
    END IF;
  END LOOP;
END;
$$;
