"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { RevisionDiff } from "@/components/revisions/lazy";
import { useStanceRefresh, type BoardCell, type BoardParty, type IssueView, type StanceView } from "@/components/stances/stance-data";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { controlClassName } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { formatPoint, pointLabel } from "@/lib/issue-scale";
import { lazyZodResolver } from "@/lib/forms";
import type { StanceFormInput, StanceFormValues } from "@/lib/schemas/stances";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";

export type StanceFormProps = {
  sessionId: string;
  issue: IssueView;
  party: BoardParty;
  /** The stance recorded at this session, to edit; without it the dialog records one. */
  stance?: BoardCell;
  /** A position carried from an earlier session: the new stance starts from it. */
  carried?: BoardCell;
};

const FIELDS = ["position", "rationale", "conditions", "redLine", "priority"] as const;

function valuesOf(cell: BoardCell | StanceView | undefined, issue: IssueView): StanceFormValues {
  return {
    position: cell?.position ?? Math.floor((issue.scaleMin + issue.scaleMax) / 2),
    rationale: cell?.rationale ?? "",
    conditions: cell?.conditions ?? "",
    redLine: cell?.redLine ?? false,
    priority: cell?.priority ?? 2,
  };
}

/** Records or edits a party's stance; a stale save shows both versions so the delegate can re-apply. */
export function StanceForm({ sessionId, issue, party, stance, carried }: StanceFormProps) {
  const t = useTranslations("stances");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useStanceRefresh(sessionId);
  const [baseVersion, setBaseVersion] = useState(stance?.version ?? 0);
  const [theirs, setTheirs] = useState<StanceView | null>(null);
  const create = useMutation(trpc.stance.create.mutationOptions());
  const save = useMutation(trpc.stance.save.mutationOptions());
  const resolver = useMemo(
    () => lazyZodResolver<StanceFormInput, StanceFormValues>(() => import("@/lib/schemas/stances").then((m) => m.stanceFormSchemaFor(issue))),
    [issue],
  );
  const form = useForm<StanceFormInput, unknown, StanceFormValues>({
    resolver,
    defaultValues: valuesOf(stance ?? carried, issue),
  });
  const { errors } = form.formState;
  const idPrefix = `stance-${issue.id}-${party.id}`;
  const points = Array.from({ length: issue.scaleMax - issue.scaleMin + 1 }, (_, i) => issue.scaleMin + i);
  const mine = useWatch({ control: form.control });

  async function submit(values: StanceFormValues) {
    if (stance) {
      await save.mutateAsync({ stanceId: stance.stanceId, version: baseVersion, ...values });
      return t("form.saved");
    }
    await create.mutateAsync({ sessionId, issueId: issue.id, ...values });
    return t("form.created");
  }

  /** A stale save keeps what was typed, loads their version and saves next from it. */
  async function recover(e: unknown) {
    if (!stance || !(e instanceof TRPCClientError) || (e.data as { code?: string } | undefined)?.code !== "CONFLICT") return false;
    try {
      const current = await queryClient.fetchQuery({ ...trpc.stance.get.queryOptions({ stanceId: stance.stanceId }), staleTime: 0 });
      setTheirs(current);
      setBaseVersion(current.version);
      return true;
    } catch {
      return false; // the plain message
    }
  }

  return (
    <DialogForm
      form={form}
      fields={FIELDS}
      submit={submit}
      success={(message) => message}
      recover={recover}
      refresh={refresh}
      title={stance ? t("form.editTitle", { party: party.code }) : t("form.createTitle", { party: party.code })}
      description={t("form.description", { issue: issue.title })}
      errorTitle={t("form.errorTitle")}
      cancelLabel={t("form.cancel")}
      submitLabel={t("form.save")}
      submittingLabel={t("form.saving")}
    >
      {theirs ? (
        <Alert variant="warning" role="alert" data-testid="stance-conflict">
          <AlertTitle>{t("conflict.title")}</AlertTitle>
          <AlertDescription className="space-y-3">
            <p>{t("conflict.body", { version: theirs.version })}</p>
            <table className="w-full text-left text-xs">
              <thead>
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">{t("conflict.field")}</th>
                  <th scope="col" className="py-1 pr-2 font-medium">{t("conflict.theirs")}</th>
                  <th scope="col" className="py-1 font-medium">{t("conflict.yours")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row" className="py-1 pr-2 font-normal">{t("conflict.point")}</th>
                  <td className="py-1 pr-2">{formatPoint(theirs.position, issue.scaleMin)} {theirs.label}</td>
                  <td className="py-1">{formatPoint(Number(mine.position), issue.scaleMin)} {pointLabel(Number(mine.position), issue)}</td>
                </tr>
                <tr>
                  <th scope="row" className="py-1 pr-2 font-normal">{t("redLine")}</th>
                  <td className="py-1 pr-2">{theirs.redLine ? "✓" : "—"}</td>
                  <td className="py-1">{mine.redLine ? "✓" : "—"}</td>
                </tr>
                <tr>
                  <th scope="row" className="py-1 pr-2 font-normal">{t("form.priority")}</th>
                  <td className="py-1 pr-2">{t("form.priorityOption", { priority: theirs.priority })}</td>
                  <td className="py-1">{mine.priority === undefined ? "—" : t("form.priorityOption", { priority: mine.priority })}</td>
                </tr>
              </tbody>
            </table>
            <div>
              <p className="mb-1 text-xs font-medium">{t("conflict.rationale")}</p>
              <RevisionDiff before={theirs.rationale} after={mine.rationale ?? ""} beforeLabel={t("conflict.theirs")} afterLabel={t("conflict.yours")} />
            </div>
            <div>
              <p className="mb-1 text-xs font-medium">{t("conflict.conditions")}</p>
              <RevisionDiff before={theirs.conditions} after={mine.conditions ?? ""} beforeLabel={t("conflict.theirs")} afterLabel={t("conflict.yours")} />
            </div>
            <Button type="button" size="sm" variant="outline" onClick={() => form.reset(valuesOf(theirs, issue))}>
              {t("conflict.useTheirs")}
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}
      {!stance && carried?.carriedFrom ? (
        <p className="text-xs text-muted-foreground">{t("form.fromCarried", { session: carried.carriedFrom.title })}</p>
      ) : null}

      <Controller
        control={form.control}
        name="position"
        render={({ field }) => (
          <fieldset className="space-y-1" aria-describedby={errors.position ? `${idPrefix}-position-error` : undefined}>
            <legend className="mb-1 text-sm font-medium">{t("form.position")}</legend>
            <div className="grid gap-1 sm:grid-cols-2">
              {points.map((p) => (
                <label
                  key={p}
                  className={cn(
                    "flex cursor-pointer items-center gap-2 rounded-md border border-border px-2 py-1.5 text-sm focus-within:outline-2 focus-within:outline-ring",
                    field.value === p && "border-primary bg-accent",
                  )}
                >
                  <input
                    type="radio"
                    name={field.name}
                    value={p}
                    checked={field.value === p}
                    onChange={() => field.onChange(p)}
                    onBlur={field.onBlur}
                    className="accent-primary"
                  />
                  <span className="w-7 font-mono tabular-nums">{formatPoint(p, issue.scaleMin)}</span>{" "}
                  <span>{pointLabel(p, issue)}</span>
                </label>
              ))}
            </div>
            {errors.position?.message ? (
              <p id={`${idPrefix}-position-error`} className="text-xs text-danger">{errors.position.message}</p>
            ) : null}
          </fieldset>
        )}
      />

      <FormField id={`${idPrefix}-rationale`} label={t("form.rationale")} error={errors.rationale?.message}>
        <Textarea rows={4} {...form.register("rationale")} />
      </FormField>
      <FormField id={`${idPrefix}-conditions`} label={t("form.conditions")} description={t("form.conditionsHelp")} error={errors.conditions?.message}>
        <Textarea rows={3} {...form.register("conditions")} />
      </FormField>

      <div className="grid gap-4 sm:grid-cols-2">
        <Controller
          control={form.control}
          name="redLine"
          render={({ field }) => (
            <div className="flex items-start gap-2">
              <Checkbox
                id={`${idPrefix}-redLine`}
                checked={field.value === true}
                onCheckedChange={(v) => field.onChange(v === true)}
                aria-describedby={`${idPrefix}-redLine-help`}
              />
              <div>
                <label htmlFor={`${idPrefix}-redLine`} className="text-sm font-medium">{t("form.redLine")}</label>
                <p id={`${idPrefix}-redLine-help`} className="text-xs text-muted-foreground">{t("form.redLineHelp")}</p>
              </div>
            </div>
          )}
        />
        <Controller
          control={form.control}
          name="priority"
          render={({ field }) => (
            <FormField id={`${idPrefix}-priority`} label={t("form.priority")} error={errors.priority?.message}>
              <select
                className={controlClassName}
                value={String(field.value)}
                onChange={(e) => field.onChange(Number(e.target.value))}
                onBlur={field.onBlur}
              >
                {[3, 2, 1].map((p) => (
                  <option key={p} value={p}>{t("form.priorityOption", { priority: p })}</option>
                ))}
              </select>
            </FormField>
          )}
        />
      </div>
    </DialogForm>
  );
}
