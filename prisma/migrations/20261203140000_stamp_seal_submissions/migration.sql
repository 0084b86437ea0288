-- The stance board (server/services/stances/board.ts) shows which parties submitted their sealed
-- stances and is now cached per series stamp like the tracker's figures: a submission bumps the
-- stamp of its session's series, in the same transaction (function from migration tracker_stamp).
CREATE TRIGGER "SealSubmission_tracker_stamp_ins" AFTER INSERT ON "SealSubmission"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tracker_stamp_bump"('session', 'sessionId');
CREATE TRIGGER "SealSubmission_tracker_stamp_upd" AFTER UPDATE ON "SealSubmission"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tracker_stamp_bump"('session', 'sessionId');
CREATE TRIGGER "SealSubmission_tracker_stamp_del" AFTER DELETE ON "SealSubmission"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "tracker_stamp_bump"('session', 'sessionId');
