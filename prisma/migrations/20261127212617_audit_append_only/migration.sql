-- AuditEvent is append-only: once written, an event is never changed or removed, whoever asks.
-- TRUNCATE fires no row triggers, so tests can still empty the table between files.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- "actorId" and "seriesId" are ON DELETE SET NULL: deleting a user or a series makes the foreign
  -- key's own trigger (hence depth > 1) clear them. Let exactly that through, nothing else.
  IF TG_OP = 'UPDATE'
     AND pg_trigger_depth() > 1
     AND (NEW."actorId" IS NULL OR NEW."actorId" = OLD."actorId")
     AND (NEW."seriesId" IS NULL OR NEW."seriesId" = OLD."seriesId")
     AND to_jsonb(NEW) - 'actorId' - 'seriesId' = to_jsonb(OLD) - 'actorId' - 'seriesId' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % of event % refused', TG_OP, OLD."id"
    USING ERRCODE = 'raise_exception', HINT = 'Record a new AuditEvent instead of changing or deleting one.';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
