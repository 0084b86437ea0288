"use client";

import { Flag, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormDialog, lazyForm } from "@/components/ui/form-dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type PartyRow = { id: string; code: string; name: string; version: number; seriesCount: number };

const PartyForm = lazyForm(() => import("@/components/admin/party-form").then((m) => m.PartyForm));

export function PartiesAdmin({ parties }: { parties: PartyRow[] }) {
  const t = useTranslations("admin");
  return (
    <section aria-labelledby="parties-heading" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="parties-heading" className="text-base font-semibold">{t("parties")}</h2>
        <PartyDialog />
      </div>
      {parties.length === 0 ? (
        <EmptyState icon={Flag} title={t("noParties")} />
      ) : (
        <div className="rounded-lg border border-border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("code")}</TableHead>
                <TableHead>{t("partyName")}</TableHead>
                <TableHead className="text-right">{t("usedBy")}</TableHead>
                <TableHead className="text-right">{t("actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {parties.map((p) => (
                <TableRow key={p.id}>
                  <TableCell className="font-semibold">{p.code}</TableCell>
                  <TableCell>{p.name}</TableCell>
                  <TableCell className="text-right tabular-nums">{p.seriesCount}</TableCell>
                  <TableCell className="text-right"><PartyDialog party={p} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

function PartyDialog({ party }: { party?: PartyRow }) {
  const t = useTranslations("admin");
  return (
    <FormDialog
      trigger={
        party ? (
          <Button size="sm" variant="outline" aria-label={t("editParty", { code: party.code })}>{t("edit")}</Button>
        ) : (
          <Button size="sm"><Plus aria-hidden /> {t("newParty")}</Button>
        )
      }
      preload={PartyForm.preload}
    >
      <PartyForm party={party} />
    </FormDialog>
  );
}
