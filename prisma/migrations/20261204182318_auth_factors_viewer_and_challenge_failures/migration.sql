-- A second factor added, confirmed, used or removed changes what the account's held Viewer says
-- ("has a second factor", MFA policy): tell every app server through the change feed, as for
-- SignInSession (server/access/viewer.ts listens on 'trilogue_viewer').
CREATE TRIGGER "AuthFactor_notify_viewer" AFTER INSERT OR UPDATE OR DELETE ON "AuthFactor"
  FOR EACH ROW EXECUTE FUNCTION "notify_viewer_change"();
CREATE TRIGGER "AuthFactor_notify_viewer_truncate" AFTER TRUNCATE ON "AuthFactor"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_change"();

-- Sign-in's second step counts wrong codes per challenge: a challenge dies after five.
ALTER TABLE "SignInChallenge" ADD COLUMN "failures" INTEGER NOT NULL DEFAULT 0;
