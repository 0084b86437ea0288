-- CreateEnum
CREATE TYPE "AuthMethod" AS ENUM ('PASSWORD', 'TOTP', 'PASSKEY', 'RECOVERY');

-- CreateEnum
CREATE TYPE "AuthFactorKind" AS ENUM ('TOTP', 'PASSKEY');

-- AlterTable
ALTER TABLE "Series" ADD COLUMN     "requireMfa" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "SignInSession" ADD COLUMN     "authenticatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "signedInWith" "AuthMethod" NOT NULL DEFAULT 'PASSWORD';

-- CreateTable
CREATE TABLE "AuthFactor" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "AuthFactorKind" NOT NULL,
    "label" TEXT NOT NULL,
    "secret" TEXT,
    "lastUsedStep" BIGINT,
    "credentialId" TEXT,
    "publicKey" BYTEA,
    "counter" BIGINT,
    "transports" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "confirmedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthFactor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInChallenge" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "challenge" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformSetting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "mfaPolicy" TEXT NOT NULL DEFAULT 'DELEGATES_AND_CONVENORS',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PlatformSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReadEvent" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "seriesId" TEXT,
    "partyId" TEXT,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "revisionId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'view',
    "format" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReadEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuthFactor_credentialId_key" ON "AuthFactor"("credentialId");

-- CreateIndex
CREATE INDEX "AuthFactor_userId_idx" ON "AuthFactor"("userId");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE INDEX "SignInChallenge_userId_createdAt_idx" ON "SignInChallenge"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ReadEvent_objectType_objectId_createdAt_idx" ON "ReadEvent"("objectType", "objectId", "createdAt");

-- CreateIndex
CREATE INDEX "ReadEvent_seriesId_createdAt_idx" ON "ReadEvent"("seriesId", "createdAt");

-- CreateIndex
CREATE INDEX "ReadEvent_userId_createdAt_idx" ON "ReadEvent"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "AuthFactor" ADD CONSTRAINT "AuthFactor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInChallenge" ADD CONSTRAINT "SignInChallenge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadEvent" ADD CONSTRAINT "ReadEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row of settings only.
ALTER TABLE "PlatformSetting" ADD CONSTRAINT "PlatformSetting_single_row" CHECK ("id" = 1);
