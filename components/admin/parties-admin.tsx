"use client";

import { useMutation } from "@tanstack/react-query";
import { Flag, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CreatePartyInput } from "@/lib/schemas/admin";
import { useTRPC } from "@/lib/trpc/client";
import { lazyZodResolver } from "@/lib/forms";

type PartyRow = { id: string; code: string; name: string; version: number; seriesCount: number };

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

const PARTY_FIELDS = ["code", "name"] as const;

function PartyDialog({ party }: { party?: PartyRow }) {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.parties.create.mutationOptions());
  const update = useMutation(trpc.admin.parties.update.mutationOptions());
  const initialValues = (): CreatePartyInput => ({ code: party?.code ?? "", name: party?.name ?? "" });
  const form = useForm<CreatePartyInput>({ resolver: lazyZodResolver(() => import("@/lib/schemas/admin").then((m) => m.createPartySchema)), defaultValues: initialValues() });
  const { errors } = form.formState;

  return (
    <FormDialog
      form={form}
      initialValues={initialValues}
      fields={PARTY_FIELDS}
      submit={(values) => (party ? update.mutateAsync({ ...values, partyId: party.id, version: party.version }) : create.mutateAsync(values))}
      success={(saved) => t("partySaved", { code: saved.code })}
      trigger={
        party ? (
          <Button size="sm" variant="outline" aria-label={t("editParty", { code: party.code })}>{t("edit")}</Button>
        ) : (
          <Button size="sm"><Plus aria-hidden /> {t("newParty")}</Button>
        )
      }
      title={party ? t("editParty", { code: party.code }) : t("newParty")}
      description={t("codeHint")}
      errorTitle={t("errorTitle")}
      cancelLabel={t("cancel")}
      submitLabel={party ? t("save") : t("create")}
      submittingLabel={t("saving")}
    >
      <FormField id={`party-code-${party?.id ?? "new"}`} label={t("code")} error={errors.code?.message} required>
        <Input autoComplete="off" {...form.register("code")} />
      </FormField>
      <FormField id={`party-name-${party?.id ?? "new"}`} label={t("partyName")} error={errors.name?.message} required>
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
    </FormDialog>
  );
}
