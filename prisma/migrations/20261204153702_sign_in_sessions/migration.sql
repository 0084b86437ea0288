-- CreateTable
CREATE TABLE "SignInSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "userAgent" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SignInSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInSession_userId_revokedAt_createdAt_idx" ON "SignInSession"("userId", "revokedAt", "createdAt");

-- AddForeignKey
ALTER TABLE "SignInSession" ADD CONSTRAINT "SignInSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A session signed in, seen (at most once a minute), revoked or deleted empties its account's held
-- viewer (server/access/viewer.ts holds the live sessions with the account), like the account's
-- own changes (migration change_notifications: the function announces NEW/OLD."userId").
CREATE TRIGGER "SignInSession_notify_viewer" AFTER INSERT OR UPDATE OR DELETE ON "SignInSession"
  FOR EACH ROW EXECUTE FUNCTION "notify_viewer_change"();
CREATE TRIGGER "SignInSession_notify_viewer_truncate" AFTER TRUNCATE ON "SignInSession"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_change"();
