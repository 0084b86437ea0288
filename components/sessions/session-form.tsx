"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, controlClassName } from "@/components/ui/input";
import { describeTimeZone } from "@/lib/format";
import { applyServerErrors, lazyZodResolver } from "@/lib/forms";
import type { SessionFieldsInput } from "@/lib/schemas/sessions";
import { zonedLocalToInstant } from "@/lib/zoned-time";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";

const FIELDS = ["title", "startsAt", "endsAt", "timeZone", "place", "isVirtual"] as const;

export type SessionFormProps = {
  /** The zones to offer (computed on the server, so the list matches the one that validates). */
  timeZones: string[];
  cancelHref: string;
} & (
  | { mode: "create"; seriesId: string; defaults: SessionFieldsInput }
  | { mode: "edit"; sessionId: string; version: number; defaults: SessionFieldsInput }
);

/** Create or edit a session: wall-clock times in the chosen zone, a place unless virtual. */
export function SessionForm(props: SessionFormProps) {
  const t = useTranslations("sessionForm");
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState("");
  const create = useMutation(trpc.session.create.mutationOptions());
  const update = useMutation(trpc.session.update.mutationOptions());
  const form = useForm<SessionFieldsInput>({ resolver: lazyZodResolver(() => import("@/lib/schemas/sessions").then((m) => m.sessionFieldsSchema)), defaultValues: props.defaults });
  const { errors, isSubmitting } = form.formState;
  const [timeZone, startsAt, isVirtual] = useWatch({ control: form.control, name: ["timeZone", "startsAt", "isVirtual"] });
  const at = zonedLocalToInstant(startsAt ?? "", timeZone) ?? new Date();
  const zoneLabel = (() => {
    try {
      return describeTimeZone(timeZone, at);
    } catch {
      return timeZone;
    }
  })();
  const zones = props.timeZones.includes(props.defaults.timeZone) ? props.timeZones : [props.defaults.timeZone, ...props.timeZones];

  const onSubmit = form.handleSubmit(async (values) => {
    setError("");
    try {
      const fields = {
        title: values.title,
        startsAt: values.startsAt,
        endsAt: values.endsAt,
        timeZone: values.timeZone,
        place: values.place ?? "",
        isVirtual: values.isVirtual ?? false,
      };
      const saved =
        props.mode === "create"
          ? await create.mutateAsync({ seriesId: props.seriesId, ...fields })
          : await update.mutateAsync({ sessionId: props.sessionId, version: props.version, ...fields });
      toast.success(props.mode === "create" ? t("created", { title: saved.title }) : t("saved"));
      router.push(`/sessions/${saved.id}`);
      router.refresh();
    } catch (e) {
      setError(applyServerErrors(e, form.setError, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-5">
      {error ? (
        <Alert variant="danger" role="alert">
          <AlertTitle>{t("errorTitle")}</AlertTitle>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id="session-title" label={t("title")} error={errors.title?.message} required>
        <Input autoComplete="off" placeholder={t("titlePlaceholder")} {...form.register("title")} />
      </FormField>
      <FormField id="session-time-zone" label={t("timeZone")} description={t("timeZoneHelp")} error={errors.timeZone?.message} required>
        <select className={cn(controlClassName, "h-9 px-3")} {...form.register("timeZone")}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </FormField>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("localTimes", { zone: zoneLabel })}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="session-starts-at" label={`${t("startsAt")} (${timeZone})`} error={errors.startsAt?.message} required>
            <Input type="datetime-local" step={60} {...form.register("startsAt")} />
          </FormField>
          <FormField id="session-ends-at" label={`${t("endsAt")} (${timeZone})`} error={errors.endsAt?.message} required>
            <Input type="datetime-local" step={60} {...form.register("endsAt")} />
          </FormField>
        </div>
      </fieldset>
      <div className="flex items-center gap-2">
        <input
          id="session-is-virtual"
          type="checkbox"
          className="size-4 rounded border-input accent-primary focus-visible:outline-2 focus-visible:outline-ring"
          {...form.register("isVirtual")}
        />
        <label htmlFor="session-is-virtual" className="text-sm">
          {t("isVirtual")}
        </label>
      </div>
      <FormField id="session-place" label={t("place")} error={errors.place?.message} required={!isVirtual}>
        <Input autoComplete="off" placeholder={t("placePlaceholder")} {...form.register("place")} />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : props.mode === "create" ? t("create") : t("save")}
        </Button>
        <Button asChild variant="outline">
          <Link href={props.cancelHref}>{t("cancel")}</Link>
        </Button>
      </div>
    </form>
  );
}
