"use client";

import { useMutation } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { Input, controlClassName } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { formatPoint, MAX_POINTS, resizeLabels, scalePoints, SCALE_BOUND } from "@/lib/issue-scale";
import { defaultScale } from "@/lib/scales";
import type { IssueFormInput, IssueFormValues } from "@/lib/schemas/issues";
import { ISSUE_KINDS, type IssueKindName } from "@/lib/vocabulary";
import { useTRPC } from "@/lib/trpc/client";
import type { RouterOutputs } from "@/lib/trpc/types";
import { cn } from "@/lib/utils";
import { lazyZodResolver } from "@/lib/forms";

/** What the form edits of an issue (issue.get). */
export type EditableIssue = Pick<
  RouterOutputs["issue"]["get"],
  "id" | "version" | "title" | "description" | "kind" | "topic" | "scaleMin" | "scaleMax" | "scaleLabels"
>;

const FIELDS = ["title", "description", "kind", "topic", "scaleMin", "scaleMax", "scaleLabels"] as const;

function initialValues(issue?: EditableIssue): IssueFormInput {
  if (issue) {
    const { title, description, kind, topic, scaleMin, scaleMax, scaleLabels } = issue;
    return { title, description, kind, topic, scaleMin, scaleMax, scaleLabels: [...scaleLabels] };
  }
  const scale = defaultScale("PROPOSITION");
  return { title: "", description: "", kind: "PROPOSITION", topic: "", scaleMin: scale.min, scaleMax: scale.max, scaleLabels: scale.labels };
}

/**
 * The form of "New issue" (with seriesId) or "Edit" (with issue). Once stances use an issue (scaleLocked),
 * its kind and points are shown but disabled; the labels' wording stays editable.
 */
export function IssueForm({ seriesId, issue, scaleLocked = false }: { seriesId?: string; issue?: EditableIssue; scaleLocked?: boolean }) {
  const t = useTranslations("issues");
  const tk = useTranslations("issueKind");
  const trpc = useTRPC();
  const create = useMutation(trpc.issue.create.mutationOptions());
  const update = useMutation(trpc.issue.update.mutationOptions());
  const form = useForm<IssueFormInput, unknown, IssueFormValues>({ resolver: lazyZodResolver(() => import("@/lib/schemas/issues").then((m) => m.issueFormSchema)), defaultValues: initialValues(issue) });
  const { errors } = form.formState;
  const locked = Boolean(issue && scaleLocked);
  const idBase = `issue-${issue?.id ?? "new"}`;

  const [kind, scaleMin, scaleMax, labels] = useWatch({ control: form.control, name: ["kind", "scaleMin", "scaleMax", "scaleLabels"] });
  const validRange = Number.isInteger(scaleMin) && Number.isInteger(scaleMax) && scaleMin < scaleMax && scaleMax - scaleMin < MAX_POINTS;
  const points = validRange ? scalePoints(scaleMin, scaleMax) : [];

  /** min/max inputs regenerate the label inputs: a point that stays keeps its label. */
  function setRange(nextMin: number, nextMax: number) {
    const prevMin = form.getValues("scaleMin");
    form.setValue("scaleMin", nextMin, { shouldDirty: true });
    form.setValue("scaleMax", nextMax, { shouldDirty: true });
    const ok = Number.isInteger(nextMin) && Number.isInteger(nextMax) && nextMin < nextMax && nextMax - nextMin < MAX_POINTS;
    if (ok && Number.isInteger(prevMin)) {
      form.setValue("scaleLabels", resizeLabels(prevMin, form.getValues("scaleLabels"), nextMin, nextMax), { shouldDirty: true });
    }
  }

  function pickKind(kind: IssueKindName) {
    form.setValue("kind", kind, { shouldDirty: true });
    const scale = defaultScale(kind);
    form.setValue("scaleMin", scale.min, { shouldDirty: true });
    form.setValue("scaleMax", scale.max, { shouldDirty: true });
    form.setValue("scaleLabels", scale.labels, { shouldDirty: true });
    form.clearErrors(["scaleMin", "scaleMax", "scaleLabels"]);
  }

  async function submit(values: IssueFormValues) {
    if (issue) {
      await update.mutateAsync({ ...values, issueId: issue.id, version: issue.version });
      return t("saved");
    }
    await create.mutateAsync({ ...values, seriesId: seriesId as string });
    return t("created", { title: values.title });
  }

  const labelErrors = errors.scaleLabels as unknown as (({ message?: string } | undefined)[] & { message?: string; root?: { message?: string } }) | undefined;
  const labelsRootError = labelErrors?.message ?? labelErrors?.root?.message;

  return (
    <DialogForm
      form={form}
      fields={FIELDS}
      submit={submit}
      success={(message) => message}
      title={issue ? t("editTitle") : t("newIssue")}
      description={t("formDescription")}
      errorTitle={t("errorTitle")}
      cancelLabel={t("cancel")}
      submitLabel={issue ? t("save") : t("create")}
      submittingLabel={t("saving")}
    >
      <FormField id={`${idBase}-title`} label={t("fieldTitle")} error={errors.title?.message} required>
        <Input autoComplete="off" {...form.register("title")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={`${idBase}-kind`} label={t("fieldKind")} error={errors.kind?.message} description={issue ? undefined : t("kindHint")} required>
          <select
            className={cn(controlClassName, "h-9 px-2")}
            value={kind}
            disabled={locked}
            onChange={(e) => pickKind(e.target.value as IssueKindName)}
          >
            {ISSUE_KINDS.map((k) => <option key={k} value={k}>{tk(k)}</option>)}
          </select>
        </FormField>
        <FormField id={`${idBase}-topic`} label={t("fieldTopic")} description={t("topicHint")} error={errors.topic?.message}>
          <Input autoComplete="off" {...form.register("topic")} />
        </FormField>
      </div>
      <FormField id={`${idBase}-description`} label={t("fieldDescription")} description={t("descriptionHint")} error={errors.description?.message}>
        <Textarea rows={6} {...form.register("description")} />
      </FormField>

      <fieldset className="space-y-3 rounded-md border border-border p-3">
        <legend className="px-1 text-sm font-medium">{t("scale")}</legend>
        {locked ? (
          <Alert variant="info" icon={Lock} data-testid="scale-locked">
            <AlertTitle>{t("scaleLockedTitle")}</AlertTitle>
            <AlertDescription>{t("scaleLockedBody")}</AlertDescription>
          </Alert>
        ) : (
          <p className="text-xs text-muted-foreground">{t("scaleHint", { max: MAX_POINTS, bound: SCALE_BOUND })}</p>
        )}
        <div className="grid grid-cols-2 gap-4 sm:max-w-sm">
          <FormField id={`${idBase}-min`} label={t("scaleMin")} error={errors.scaleMin?.message} required>
            <Input
              type="number"
              inputMode="numeric"
              step={1}
              min={-SCALE_BOUND}
              max={SCALE_BOUND}
              disabled={locked}
              value={Number.isFinite(scaleMin) ? scaleMin : ""}
              onChange={(e) => setRange(e.target.value === "" ? Number.NaN : Number(e.target.value), form.getValues("scaleMax"))}
            />
          </FormField>
          <FormField id={`${idBase}-max`} label={t("scaleMax")} error={errors.scaleMax?.message} required>
            <Input
              type="number"
              inputMode="numeric"
              step={1}
              min={-SCALE_BOUND}
              max={SCALE_BOUND}
              disabled={locked}
              value={Number.isFinite(scaleMax) ? scaleMax : ""}
              onChange={(e) => setRange(form.getValues("scaleMin"), e.target.value === "" ? Number.NaN : Number(e.target.value))}
            />
          </FormField>
        </div>
        {points.length > 0 ? (
          <ol className="grid gap-2 sm:grid-cols-2" aria-label={t("scaleLabelsList")}>
            {points.map((point, i) => (
              <li key={`${point}-${labels.length}`}>
                <FormField
                  id={`${idBase}-label-${i}`}
                  label={t("pointLabel", { point: formatPoint(point, scaleMin) })}
                  error={labelErrors?.[i]?.message}
                  required
                >
                  <Input autoComplete="off" {...form.register(`scaleLabels.${i}` as const)} />
                </FormField>
              </li>
            ))}
          </ol>
        ) : null}
        {labelsRootError ? <p className="text-xs font-medium text-danger" role="alert">{labelsRootError}</p> : null}
      </fieldset>
    </DialogForm>
  );
}
