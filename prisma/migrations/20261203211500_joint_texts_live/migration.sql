-- Joint texts join the live channel (README "Live updates"): the function of live_signals learns one
-- more way from a key to its session (a joint text), and the three joint text tables get triggers.
-- Whether a subscriber hears of a signal is decided per kind in server/live/visibility.ts through
-- visibleJointTextsWhere / visibleJointTextProposalsWhere: a party's untabled proposal is announced to
-- its own delegation only.

CREATE OR REPLACE FUNCTION "live_signal"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- TG_ARGV[0]: the kind announced; [1]: the column holding the object's id; [2]: how the key leads
  -- to the session ('session', 'item', 'paper', 'stance', 'minutes', 'comment', 'jointText') or the
  -- series ('series'); [3]: the key column; [4]: a second key column ('comment': the paper).
  kind text := TG_ARGV[0];
  id_col text := TG_ARGV[1];
  way text := TG_ARGV[2];
  key_col text := TG_ARGV[3];
  key2_col text := TG_ARGV[4];
  changed jsonb := '[]'::jsonb;
  r record;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    changed := changed || (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', to_jsonb(n) ->> id_col, 'key', to_jsonb(n) ->> key_col, 'key2', to_jsonb(n) ->> key2_col)), '[]'::jsonb) FROM new_rows n);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    changed := changed || (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', to_jsonb(o) ->> id_col, 'key', to_jsonb(o) ->> key_col, 'key2', to_jsonb(o) ->> key2_col)), '[]'::jsonb) FROM old_rows o);
  END IF;
  IF jsonb_array_length(changed) > 500 THEN
    RETURN NULL;
  END IF;
  FOR r IN
    WITH c AS (SELECT DISTINCT x.id, x.key, x.key2 FROM jsonb_to_recordset(changed) AS x(id text, key text, key2 text) WHERE x.id IS NOT NULL)
    SELECT c.id, s."id" AS session_id, s."seriesId" AS series_id
      FROM c JOIN "Session" s ON s."id" = c.key WHERE way = 'session'
    UNION
    SELECT c.id, s."id", s."seriesId"
      FROM c JOIN "AgendaItem" a ON a."id" = c.key JOIN "Session" s ON s."id" = a."sessionId" WHERE way IN ('item', 'comment')
    UNION
    SELECT c.id, s."id", s."seriesId"
      FROM c JOIN "PositionPaper" p ON p."id" = c.key2 JOIN "Session" s ON s."id" = p."sessionId" WHERE way IN ('paper', 'comment')
    UNION
    SELECT c.id, s."id", s."seriesId"
      FROM c JOIN "Stance" t ON t."id" = c.key JOIN "Session" s ON s."id" = t."sessionId" WHERE way = 'stance'
    UNION
    SELECT c.id, s."id", s."seriesId"
      FROM c JOIN "Minutes" m ON m."id" = c.key JOIN "Session" s ON s."id" = m."sessionId" WHERE way = 'minutes'
    UNION
    SELECT c.id, s."id", s."seriesId"
      FROM c JOIN "JointText" j ON j."id" = c.key JOIN "Session" s ON s."id" = j."sessionId" WHERE way = 'jointText'
    UNION
    SELECT c.id, NULL, c.key FROM c WHERE way = 'series'
  LOOP
    PERFORM pg_notify('trilogue_live', json_build_object('k', kind, 'i', r.id, 's', r.session_id, 'r', r.series_id)::text);
  END LOOP;
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    -- table, kind, id column, way, key column
    ('JointText', 'jointText', 'id', 'session', 'sessionId'),
    -- A revision is read exactly when its text is: announced as its text.
    ('JointTextRevision', 'jointText', 'textId', 'jointText', 'textId'),
    ('JointTextProposal', 'jointTextProposal', 'id', 'jointText', 'textId')
  ) AS v(tbl, kind, id_col, way, key_col) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "live_signal"(%L, %L, %L, %L, %L)',
      t.tbl || '_live_ins', t.tbl, t.kind, t.id_col, t.way, t.key_col, t.key_col);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "live_signal"(%L, %L, %L, %L, %L)',
      t.tbl || '_live_upd', t.tbl, t.kind, t.id_col, t.way, t.key_col, t.key_col);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "live_signal"(%L, %L, %L, %L, %L)',
      t.tbl || '_live_del', t.tbl, t.kind, t.id_col, t.way, t.key_col, t.key_col);
  END LOOP;
END;
$$;
