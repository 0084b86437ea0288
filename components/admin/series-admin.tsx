"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Layers, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input, controlClassName } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { ATTRIBUTION_RULES, TRACKS } from "@/lib/vocabulary";
import type { CreateSeriesInput, UpdateSeriesInput } from "@/lib/schemas/admin";
import { lazyZodResolver } from "@/lib/forms";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";

type Account = { id: string; name: string; email: string };
type SeriesRow = {
  id: string;
  name: string;
  shortName: string;
  track: (typeof TRACKS)[number];
  attribution: (typeof ATTRIBUTION_RULES)[number];
  parties: string[];
  convenors: Account[];
};
type PartyOption = { id: string; code: string; name: string };

export function SeriesAdmin({ series, parties, accounts }: { series: SeriesRow[]; parties: PartyOption[]; accounts: Account[] }) {
  const t = useTranslations();
  return (
    <section aria-labelledby="series-heading" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="series-heading" className="text-base font-semibold">{t("admin.series")}</h2>
        <CreateSeriesDialog parties={parties} accounts={accounts} />
      </div>
      {series.length === 0 ? (
        <EmptyState icon={Layers} title={t("admin.noSeries")} />
      ) : (
        <div className="rounded-lg border border-border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("admin.shortName")}</TableHead>
                <TableHead>{t("admin.seriesName")}</TableHead>
                <TableHead>{t("admin.track")}</TableHead>
                <TableHead>{t("series.parties")}</TableHead>
                <TableHead>{t("admin.convenors")}</TableHead>
                <TableHead className="text-right">{t("admin.actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {series.map((s) => (
                <TableRow key={s.id}>
                  <TableCell><Badge variant="secondary">{s.shortName}</Badge></TableCell>
                  <TableCell className="font-medium">{s.name}</TableCell>
                  <TableCell>
                    {t(`tracks.${s.track}`)}
                    {s.attribution === "CHATHAM_HOUSE" ? <span className="block text-xs text-muted-foreground">{t("attribution.CHATHAM_HOUSE")}</span> : null}
                  </TableCell>
                  <TableCell>{s.parties.join(", ")}</TableCell>
                  <TableCell>
                    {s.convenors.length === 0 ? (
                      <span className="text-muted-foreground">{t("admin.noConvenors")}</span>
                    ) : (
                      s.convenors.map((c) => <span key={c.id} className="block">{c.name}</span>)
                    )}
                  </TableCell>
                  <TableCell className="space-x-2 text-right">
                    <EditSeriesDialog series={s} parties={parties} />
                    <AppointConvenorDialog series={s} accounts={accounts.filter((a) => !s.convenors.some((c) => c.id === a.id))} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

const SERIES_FIELDS = ["name", "shortName", "description", "track", "attribution", "partyIds", "convenorIds"] as const;

const SERIES_DEFAULTS: CreateSeriesInput = { name: "", shortName: "", description: "", track: "TRACK_1", attribution: "ATTRIBUTED", partyIds: [], convenorIds: [] };

function CreateSeriesDialog({ parties, accounts }: { parties: PartyOption[]; accounts: Account[] }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.series.create.mutationOptions());
  const form = useForm<CreateSeriesInput>({
    resolver: lazyZodResolver(() => import("@/lib/schemas/admin").then((m) => m.createSeriesSchema)),
    defaultValues: SERIES_DEFAULTS,
  });
  const { errors } = form.formState;

  return (
    <FormDialog
      form={form}
      initialValues={() => SERIES_DEFAULTS}
      fields={SERIES_FIELDS}
      submit={(values) => create.mutateAsync(values)}
      success={(created) => t("admin.seriesCreated", { shortName: created.shortName })}
      trigger={<Button size="sm"><Plus aria-hidden /> {t("admin.newSeries")}</Button>}
      title={t("admin.newSeries")}
      description={t("admin.description")}
      errorTitle={t("admin.errorTitle")}
      cancelLabel={t("admin.cancel")}
      submitLabel={t("admin.create")}
      submittingLabel={t("admin.creating")}
      contentClassName="max-h-[90vh] overflow-y-auto sm:max-w-xl"
    >
      <FormField id="series-name" label={t("admin.seriesName")} error={errors.name?.message} required>
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
      <FormField id="series-short" label={t("admin.shortName")} description={t("admin.shortNameHint")} error={errors.shortName?.message} required>
        <Input autoComplete="off" {...form.register("shortName")} />
      </FormField>
      <FormField id="series-description" label={t("admin.seriesDescription")} error={errors.description?.message}>
        <Textarea rows={3} {...form.register("description")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="series-track" label={t("admin.track")} error={errors.track?.message}>
          <select className={controlClassName} {...form.register("track")}>
            {TRACKS.map((tr) => <option key={tr} value={tr}>{t(`tracks.${tr}`)}</option>)}
          </select>
        </FormField>
        <FormField id="series-attribution" label={t("admin.attribution")} error={errors.attribution?.message}>
          <select className={controlClassName} {...form.register("attribution")}>
            {ATTRIBUTION_RULES.map((a) => <option key={a} value={a}>{t(`attribution.${a}`)}</option>)}
          </select>
        </FormField>
      </div>
      <fieldset className="space-y-1.5" aria-describedby={errors.partyIds ? "series-parties-error" : undefined}>
        <legend className="text-sm font-medium">{t("admin.seriesParties")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-1">
          {parties.map((p) => (
            <label key={p.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={p.id} className="size-4 accent-[var(--primary)]" {...form.register("partyIds")} />
              {p.code} · {p.name}
            </label>
          ))}
        </div>
        {errors.partyIds ? <p id="series-parties-error" className="text-sm text-danger">{errors.partyIds.message ?? errors.partyIds.root?.message}</p> : null}
      </fieldset>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium">{t("admin.convenors")}</legend>
        <div className="max-h-40 space-y-1 overflow-y-auto rounded-md border border-border p-2">
          {accounts.map((a) => (
            <label key={a.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={a.id} className="size-4 accent-[var(--primary)]" {...form.register("convenorIds")} />
              {a.name} <span className="text-muted-foreground">{a.email}</span>
            </label>
          ))}
        </div>
        {errors.convenorIds ? <p className="text-sm text-danger">{errors.convenorIds.message}</p> : null}
      </fieldset>
    </FormDialog>
  );
}

function AppointConvenorDialog({ series, accounts }: { series: SeriesRow; accounts: Account[] }) {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState("");
  const [error, setError] = useState("");
  const appoint = useMutation(trpc.admin.series.appointConvenor.mutationOptions());

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError("");
    if (!userId) {
      setError(t("chooseAccount"));
      return;
    }
    try {
      await appoint.mutateAsync({ seriesId: series.id, userId });
      toast.success(t("convenorAppointed"));
      setOpen(false);
      setUserId("");
      router.refresh();
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={t("appointConvenorTitle", { name: series.shortName })}>{t("appointConvenor")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("appointConvenorTitle", { name: series.name })}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="space-y-4">
          <FormField id={`appoint-${series.id}`} label={t("account")} error={error || undefined}>
            <select className={controlClassName} value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">{t("chooseAccount")}</option>
              {accounts.map((a) => <option key={a.id} value={a.id}>{a.name} ({a.email})</option>)}
            </select>
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>{t("cancel")}</Button>
            <Button type="submit" disabled={appoint.isPending}>{t("appoint")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

const EDIT_FIELDS = ["name", "shortName", "description", "track", "attribution", "partyIds"] as const;

/** Edits a series; loads its current values (and version) when opened, so a save never overwrites blindly. */
function EditSeriesDialog({ series, parties }: { series: SeriesRow; parties: PartyOption[] }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const list = useQuery({ ...trpc.admin.series.list.queryOptions(), enabled: open, staleTime: 0 });
  const update = useMutation(trpc.admin.series.update.mutationOptions());
  const current = list.data?.find((s) => s.id === series.id);
  const form = useForm<UpdateSeriesInput>({ resolver: lazyZodResolver(() => import("@/lib/schemas/admin").then((m) => m.updateSeriesSchema)) });
  const { errors } = form.formState;
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  if (current && loadedVersion !== current.version) {
    setLoadedVersion(current.version);
    form.reset({
      seriesId: current.id,
      name: current.name,
      shortName: current.shortName,
      description: current.description,
      track: current.track,
      attribution: current.attribution,
      partyIds: current.parties.map((p) => p.party.id),
      version: current.version,
    });
  }

  const prefix = `edit-${series.id}`;
  return (
    <FormDialog
      form={form}
      fields={EDIT_FIELDS}
      submit={(values) => update.mutateAsync(values)}
      success={(saved) => t("seriesEdit.saved", { shortName: saved.shortName })}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setLoadedVersion(null);
      }}
      pending={!current || loadedVersion === null ? <p className="text-sm text-muted-foreground" role="status">{t("seriesEdit.loading")}</p> : null}
      trigger={<Button size="sm" variant="outline" aria-label={t("seriesEdit.editFor", { name: series.shortName })}>{t("seriesEdit.edit")}</Button>}
      title={t("seriesEdit.title", { name: series.name })}
      description={t("seriesEdit.description")}
      errorTitle={t("seriesEdit.errorTitle")}
      cancelLabel={t("seriesEdit.cancel")}
      submitLabel={t("seriesEdit.save")}
      submittingLabel={t("seriesEdit.saving")}
      contentClassName="max-h-[90vh] overflow-y-auto sm:max-w-xl"
    >
      <FormField id={`${prefix}-name`} label={t("admin.seriesName")} error={errors.name?.message} required>
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
      <FormField id={`${prefix}-short`} label={t("admin.shortName")} description={t("admin.shortNameHint")} error={errors.shortName?.message} required>
        <Input autoComplete="off" {...form.register("shortName")} />
      </FormField>
      <FormField id={`${prefix}-description`} label={t("admin.seriesDescription")} error={errors.description?.message}>
        <Textarea rows={3} {...form.register("description")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={`${prefix}-track`} label={t("admin.track")} error={errors.track?.message}>
          <select className={controlClassName} {...form.register("track")}>
            {TRACKS.map((tr) => <option key={tr} value={tr}>{t(`tracks.${tr}`)}</option>)}
          </select>
        </FormField>
        <FormField id={`${prefix}-attribution`} label={t("admin.attribution")} error={errors.attribution?.message}>
          <select className={controlClassName} {...form.register("attribution")}>
            {ATTRIBUTION_RULES.map((a) => <option key={a} value={a}>{t(`attribution.${a}`)}</option>)}
          </select>
        </FormField>
      </div>
      <fieldset className="space-y-1.5" aria-describedby={errors.partyIds ? `${prefix}-parties-error` : undefined}>
        <legend className="text-sm font-medium">{t("admin.seriesParties")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-1">
          {parties.map((p) => (
            <label key={p.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={p.id} className="size-4 accent-[var(--primary)]" {...form.register("partyIds")} />
              {p.code} · {p.name}
            </label>
          ))}
        </div>
        {errors.partyIds ? (
          <p id={`${prefix}-parties-error`} role="alert" className="text-sm text-danger">{errors.partyIds.message ?? errors.partyIds.root?.message}</p>
        ) : null}
      </fieldset>
    </FormDialog>
  );
}
