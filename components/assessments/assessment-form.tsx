"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { MyAssessmentView, PanelIssueView } from "@/components/assessments/types";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { applyServerErrors, lazyZodResolver } from "@/lib/forms";
import { formatPoint, pointLabel } from "@/lib/issue-scale";
import type { AssessmentFormInput, AssessmentFormValues } from "@/lib/schemas/assessments";
import { REASONING_MAX_LENGTH } from "@/lib/vocabulary";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";

type Props = {
  agendaItemId: string;
  issue: PanelIssueView;
  /** The assessment being revised, or null for a first one. */
  current: MyAssessmentView["assessment"];
  onSaved: () => Promise<void> | void;
  onCancel?: () => void;
};

/** A scholar's assessment: one point of the issue's scale (each with its label) and a short reasoning. */
export function AssessmentForm({ agendaItemId, issue, current, onSaved, onCancel }: Props) {
  const t = useTranslations("assessments");
  const trpc = useTRPC();
  const save = useMutation(trpc.assessment.save.mutationOptions());
  const [error, setError] = useState("");
  const form = useForm<AssessmentFormInput, unknown, AssessmentFormValues>({
    resolver: lazyZodResolver(() => import("@/lib/schemas/assessments").then((m) => m.assessmentFormSchema)),
    defaultValues: { position: current?.position, reasoning: current?.reasoning ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  const reasoning = useWatch({ control: form.control, name: "reasoning" }) ?? "";
  const points = Array.from({ length: issue.scaleMax - issue.scaleMin + 1 }, (_, i) => issue.scaleMin + i);
  const idPrefix = `assessment-${agendaItemId}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setError("");
    try {
      await save.mutateAsync({ agendaItemId, position: values.position, reasoning: values.reasoning, version: current?.version });
      toast.success(current ? t("revised") : t("saved"));
      await onSaved();
    } catch (e) {
      setError(applyServerErrors(e, form.setError, ["position", "reasoning"]));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="assessment-form">
      {error ? (
        <Alert variant="danger" role="alert">
          <AlertTitle>{t("errorTitle")}</AlertTitle>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <Controller
        control={form.control}
        name="position"
        render={({ field }) => (
          <fieldset
            className="space-y-1.5"
            aria-describedby={errors.position ? `${idPrefix}-position-error` : undefined}
            aria-invalid={errors.position ? true : undefined}
          >
            <legend className="mb-1.5 text-sm font-medium">
              {t("positionLegend")}
              <span className="ml-0.5 text-danger" aria-hidden="true">*</span>
            </legend>
            <div className="grid gap-1.5 sm:grid-cols-2">
              {points.map((p) => {
                const checked = field.value === p;
                const label = pointLabel(p, issue);
                return (
                  <label
                    key={p}
                    className={cn(
                      "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                      checked ? "border-primary bg-primary/10" : "border-border hover:bg-muted",
                    )}
                  >
                    <input
                      type="radio"
                      name={field.name}
                      value={p}
                      checked={checked}
                      onChange={() => field.onChange(p)}
                      onBlur={field.onBlur}
                      ref={p === points[0] ? field.ref : undefined}
                      className="size-4 accent-primary"
                    />
                    <span className="w-7 shrink-0 font-semibold tabular-nums">{formatPoint(p, issue.scaleMin)}</span>{" "}
                    <span>{label}</span>
                  </label>
                );
              })}
            </div>
            {errors.position?.message ? (
              <p id={`${idPrefix}-position-error`} className="text-xs font-medium text-danger">
                {errors.position.message}
              </p>
            ) : null}
          </fieldset>
        )}
      />
      <FormField
        id={`${idPrefix}-reasoning`}
        label={t("reasoning")}
        description={t("reasoningHint", { used: reasoning.length, max: REASONING_MAX_LENGTH })}
        error={errors.reasoning?.message}
      >
        <Textarea rows={4} {...form.register("reasoning")} />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : current ? t("saveRevision") : t("submit")}
        </Button>
        {onCancel ? (
          <Button type="button" variant="outline" onClick={onCancel} disabled={isSubmitting}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
