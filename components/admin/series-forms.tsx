"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { Account, PartyOption, SeriesRow } from "@/components/admin/series-admin";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { Input, controlClassName } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { lazyZodResolver } from "@/lib/forms";
import type { CreateSeriesInput, UpdateSeriesInput } from "@/lib/schemas/admin";
import { useTRPC } from "@/lib/trpc/client";
import { ATTRIBUTION_RULES, TRACKS } from "@/lib/vocabulary";

const SERIES_FIELDS = ["name", "shortName", "description", "track", "attribution", "partyIds", "convenorIds"] as const;

const SERIES_DEFAULTS: CreateSeriesInput = { name: "", shortName: "", description: "", track: "TRACK_1", attribution: "ATTRIBUTED", partyIds: [], convenorIds: [] };

/** A new series with its parties and first convenors. */
export function CreateSeriesForm({ parties, accounts }: { parties: PartyOption[]; accounts: Account[] }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.series.create.mutationOptions());
  const form = useForm<CreateSeriesInput>({
    resolver: lazyZodResolver(() => import("@/lib/schemas/admin").then((m) => m.createSeriesSchema)),
    defaultValues: SERIES_DEFAULTS,
  });
  const { errors } = form.formState;

  return (
    <DialogForm
      form={form}
      fields={SERIES_FIELDS}
      submit={(values) => create.mutateAsync(values)}
      success={(created) => t("admin.seriesCreated", { shortName: created.shortName })}
      title={t("admin.newSeries")}
      description={t("admin.description")}
      errorTitle={t("admin.errorTitle")}
      cancelLabel={t("admin.cancel")}
      submitLabel={t("admin.create")}
      submittingLabel={t("admin.creating")}
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
    </DialogForm>
  );
}

type AppointValues = { userId: string };

/** Appoints one more convenor of a series from the accounts that are not yet one. */
export function AppointConvenorForm({ series, accounts }: { series: SeriesRow; accounts: Account[] }) {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const appoint = useMutation(trpc.admin.series.appointConvenor.mutationOptions());
  const form = useForm<AppointValues>({ defaultValues: { userId: "" } });
  const { errors } = form.formState;

  return (
    <DialogForm
      form={form}
      fields={APPOINT_FIELDS}
      submit={({ userId }) => appoint.mutateAsync({ seriesId: series.id, userId })}
      success={t("convenorAppointed")}
      title={t("appointConvenorTitle", { name: series.name })}
      description={t("description")}
      errorTitle={t("errorTitle")}
      cancelLabel={t("cancel")}
      submitLabel={t("appoint")}
      submittingLabel={t("appoint")}
    >
      <FormField id={`appoint-${series.id}`} label={t("account")} error={errors.userId?.message}>
        <select className={controlClassName} {...form.register("userId", { required: t("chooseAccount") })}>
          <option value="">{t("chooseAccount")}</option>
          {accounts.map((a) => <option key={a.id} value={a.id}>{a.name} ({a.email})</option>)}
        </select>
      </FormField>
    </DialogForm>
  );
}

const APPOINT_FIELDS = ["userId"] as const;

const EDIT_FIELDS = ["name", "shortName", "description", "track", "attribution", "partyIds"] as const;

/** Edits a series from its current values (and version), loaded as the dialog opens: a save never overwrites blindly. */
export function EditSeriesForm({ series, parties }: { series: SeriesRow; parties: PartyOption[] }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.admin.series.list.queryOptions(), staleTime: 0 });
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
    <DialogForm
      form={form}
      fields={EDIT_FIELDS}
      submit={(values) => update.mutateAsync(values)}
      success={(saved) => t("seriesEdit.saved", { shortName: saved.shortName })}
      pending={!current || loadedVersion === null ? <p className="text-sm text-muted-foreground" role="status">{t("seriesEdit.loading")}</p> : null}
      title={t("seriesEdit.title", { name: series.name })}
      description={t("seriesEdit.description")}
      errorTitle={t("seriesEdit.errorTitle")}
      cancelLabel={t("seriesEdit.cancel")}
      submitLabel={t("seriesEdit.save")}
      submittingLabel={t("seriesEdit.saving")}
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
    </DialogForm>
  );
}
