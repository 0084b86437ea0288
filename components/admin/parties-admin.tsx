"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Flag, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { applyServerErrors } from "@/lib/forms";
import { createPartySchema, type CreatePartyInput } from "@/lib/schemas/admin";
import { useTRPC } from "@/lib/trpc/client";

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
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState("");
  const create = useMutation(trpc.admin.parties.create.mutationOptions());
  const update = useMutation(trpc.admin.parties.update.mutationOptions());
  const form = useForm<CreatePartyInput>({
    resolver: zodResolver(createPartySchema),
    defaultValues: { code: party?.code ?? "", name: party?.name ?? "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError("");
    try {
      const saved = party
        ? await update.mutateAsync({ ...values, partyId: party.id, version: party.version })
        : await create.mutateAsync(values);
      toast.success(t("partySaved", { code: saved.code }));
      setOpen(false);
      if (!party) form.reset();
      router.refresh();
    } catch (e) {
      setError(applyServerErrors(e, form.setError, PARTY_FIELDS));
    }
  });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {party ? (
          <Button size="sm" variant="outline" aria-label={t("editParty", { code: party.code })}>{t("edit")}</Button>
        ) : (
          <Button size="sm"><Plus aria-hidden /> {t("newParty")}</Button>
        )}
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{party ? t("editParty", { code: party.code }) : t("newParty")}</DialogTitle>
          <DialogDescription>{t("codeHint")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {error ? (
            <Alert variant="danger" role="alert"><AlertTitle>{t("errorTitle")}</AlertTitle><AlertDescription>{error}</AlertDescription></Alert>
          ) : null}
          <FormField id={`party-code-${party?.id ?? "new"}`} label={t("code")} error={errors.code?.message} required>
            <Input autoComplete="off" {...form.register("code")} />
          </FormField>
          <FormField id={`party-name-${party?.id ?? "new"}`} label={t("partyName")} error={errors.name?.message} required>
            <Input autoComplete="off" {...form.register("name")} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>{t("cancel")}</Button>
            <Button type="submit" disabled={isSubmitting}>{isSubmitting ? t("saving") : party ? t("save") : t("create")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
