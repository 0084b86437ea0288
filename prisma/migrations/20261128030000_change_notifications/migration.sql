-- Change notifications for the server's in-process caches (server/changes/): the viewer of a
-- request (an account and its memberships) and each series' tracker stamp. PostgreSQL delivers a
-- notification when its transaction commits, so a listener never hears of a change before the
-- change is visible; a rolled-back change is never announced. The payload is an id, never data.

CREATE FUNCTION "notify_viewer_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('trilogue_viewer', '*');
  ELSIF TG_TABLE_NAME = 'User' THEN
    PERFORM pg_notify('trilogue_viewer', CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END);
  ELSE
    -- Membership: a member added to, moved within or removed from a series.
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('trilogue_viewer', NEW."userId"); END IF;
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('trilogue_viewer', OLD."userId"); END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "User_notify_viewer" AFTER INSERT OR UPDATE OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "notify_viewer_change"();
CREATE TRIGGER "User_notify_viewer_truncate" AFTER TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_change"();
CREATE TRIGGER "Membership_notify_viewer" AFTER INSERT OR UPDATE OR DELETE ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "notify_viewer_change"();
CREATE TRIGGER "Membership_notify_viewer_truncate" AFTER TRUNCATE ON "Membership"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_change"();

CREATE FUNCTION "notify_series_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('trilogue_series', '*');
  ELSE
    PERFORM pg_notify('trilogue_series', CASE WHEN TG_OP = 'DELETE' THEN OLD."seriesId" ELSE NEW."seriesId" END);
  END IF;
  RETURN NULL;
END
$$;

-- The stamp row is bumped by the tracker_stamp triggers on every write the figures depend on.
CREATE TRIGGER "SeriesTrackerStamp_notify" AFTER INSERT OR UPDATE OR DELETE ON "SeriesTrackerStamp"
  FOR EACH ROW EXECUTE FUNCTION "notify_series_change"();
CREATE TRIGGER "SeriesTrackerStamp_notify_truncate" AFTER TRUNCATE ON "SeriesTrackerStamp"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_series_change"();

-- The tracker's views carry the series' own name and flags (the session tracker is now built from
-- the cached figures alone), so renaming a series bumps its stamp too.
CREATE TRIGGER "Series_tracker_stamp_upd" AFTER UPDATE ON "Series"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tracker_stamp_bump"('series', 'id');
