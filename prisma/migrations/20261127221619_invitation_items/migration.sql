-- CreateTable
CREATE TABLE "InvitationAgendaItem" (
    "invitationId" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,

    CONSTRAINT "InvitationAgendaItem_pkey" PRIMARY KEY ("invitationId","agendaItemId")
);

-- CreateIndex
CREATE INDEX "InvitationAgendaItem_agendaItemId_idx" ON "InvitationAgendaItem"("agendaItemId");

-- AddForeignKey
ALTER TABLE "InvitationAgendaItem" ADD CONSTRAINT "InvitationAgendaItem_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationAgendaItem" ADD CONSTRAINT "InvitationAgendaItem_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
