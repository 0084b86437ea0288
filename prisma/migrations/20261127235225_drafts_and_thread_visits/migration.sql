-- CreateTable
CREATE TABLE "PaperDraft" (
    "paperId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaperDraft_pkey" PRIMARY KEY ("paperId","userId")
);

-- CreateTable
CREATE TABLE "CommentThreadVisit" (
    "userId" TEXT NOT NULL,
    "targetKey" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommentThreadVisit_pkey" PRIMARY KEY ("userId","targetKey")
);

-- AddForeignKey
ALTER TABLE "PaperDraft" ADD CONSTRAINT "PaperDraft_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "PositionPaper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperDraft" ADD CONSTRAINT "PaperDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentThreadVisit" ADD CONSTRAINT "CommentThreadVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
