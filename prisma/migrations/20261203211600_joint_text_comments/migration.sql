-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "jointTextId" TEXT,
ADD COLUMN     "paragraphId" TEXT;

-- CreateIndex
CREATE INDEX "Comment_jointTextId_paragraphId_createdAt_idx" ON "Comment"("jointTextId", "paragraphId", "createdAt");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_jointTextId_fkey" FOREIGN KEY ("jointTextId") REFERENCES "JointText"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A comment is on exactly one thing: an agenda item, a paper, or a paragraph of a joint text (the
-- text and the paragraph's id together).
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_one_target" CHECK (
  num_nonnulls("agendaItemId", "paperId", "jointTextId") = 1
  AND ("jointTextId" IS NULL) = ("paragraphId" IS NULL)
);

-- A comment on a joint text bumps its series' content stamp (content_stamp) and is announced on the
-- live channel as a comment of the text's session (live_signals, joint_texts_live), like the others.
CREATE TRIGGER "Comment_jointText_content_stamp_ins" AFTER INSERT ON "Comment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "content_stamp_bump"('jointText', 'jointTextId');
CREATE TRIGGER "Comment_jointText_content_stamp_upd" AFTER UPDATE ON "Comment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "content_stamp_bump"('jointText', 'jointTextId');
CREATE TRIGGER "Comment_jointText_content_stamp_del" AFTER DELETE ON "Comment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "content_stamp_bump"('jointText', 'jointTextId');
CREATE TRIGGER "Comment_jointText_live_ins" AFTER INSERT ON "Comment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "live_signal"('comment', 'id', 'jointText', 'jointTextId', 'jointTextId');
CREATE TRIGGER "Comment_jointText_live_upd" AFTER UPDATE ON "Comment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "live_signal"('comment', 'id', 'jointText', 'jointTextId', 'jointTextId');
CREATE TRIGGER "Comment_jointText_live_del" AFTER DELETE ON "Comment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "live_signal"('comment', 'id', 'jointText', 'jointTextId', 'jointTextId');
