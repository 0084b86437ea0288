-- CreateTable
CREATE TABLE "Presence" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Presence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Presence_sessionId_seenAt_idx" ON "Presence"("sessionId", "seenAt");

-- AddForeignKey
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Someone opened or closed a session: a "presence" signal naming the session (server/live/), so
-- the pages showing who is here refetch it. Not on UPDATE: renewing a row changes nobody's view.
CREATE TRIGGER "Presence_live_ins" AFTER INSERT ON "Presence" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "live_signal"('presence', 'sessionId', 'session', 'sessionId', 'sessionId');
CREATE TRIGGER "Presence_live_del" AFTER DELETE ON "Presence" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "live_signal"('presence', 'sessionId', 'session', 'sessionId', 'sessionId');
