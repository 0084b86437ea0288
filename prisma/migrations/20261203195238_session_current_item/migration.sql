-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "currentItemId" TEXT,
ADD COLUMN     "currentItemSetAt" TIMESTAMP(3);

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_currentItemId_fkey" FOREIGN KEY ("currentItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
