-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "changes" TEXT[] DEFAULT ARRAY[]::TEXT[];
