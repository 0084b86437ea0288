-- AlterTable
ALTER TABLE "PaperRevision" ADD COLUMN     "releaseLevel" "ReleaseLevel" NOT NULL DEFAULT 'PARTY';
