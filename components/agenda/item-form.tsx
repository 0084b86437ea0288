"use client";

import { formatSlotDay } from "@/lib/format";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { useAgendaRefresh, type AgendaItemView, type AgendaOptions, type AgendaView } from "@/components/agenda/agenda-data";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { Input, controlClassName } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { formToItemFields } from "@/lib/agenda-form";
import type { AgendaItemFormValues } from "@/lib/schemas/agenda";
import { AGENDA_ITEM_STATUSES } from "@/lib/vocabulary";
import { sessionDays, zonedParts } from "@/lib/zoned-time";
import { useTRPC } from "@/lib/trpc/client";
import { lazyZodResolver } from "@/lib/forms";

export type ItemFormProps = {
  session: AgendaView["session"];
  options: AgendaOptions;
  zone: string;
  /** Edit this item; without it the dialog adds one. */
  item?: AgendaItemView;
};

/** Server field names → the form's fields (the form asks for a day and two times). */
const SERVER_FIELDS: Readonly<Record<string, keyof AgendaItemFormValues>> = {
  title: "title",
  description: "description",
  startsAt: "startTime",
  endsAt: "endTime",
  issueId: "issueId",
  proposingPartyId: "proposingPartyId",
  status: "status",
};

function defaults(item: AgendaItemView | undefined, timeZone: string): AgendaItemFormValues {
  const start = item?.startsAt ? zonedParts(item.startsAt, timeZone) : null;
  const end = item?.endsAt ? zonedParts(item.endsAt, timeZone) : null;
  return {
    title: item?.title ?? "",
    description: item?.description ?? "",
    day: start?.day ?? end?.day ?? "",
    startTime: start?.time ?? "",
    endTime: end?.time ?? "",
    issueId: item?.issue?.id ?? "",
    proposingPartyId: item?.proposingParty?.id ?? "",
    status: item?.status ?? "PROPOSED",
  };
}

/** Adds an agenda item, or edits one (with item); times are entered in the session's zone. */
export function ItemForm({ session, options, zone, item }: ItemFormProps) {
  const t = useTranslations();
  const trpc = useTRPC();
  const refresh = useAgendaRefresh(session.id);
  const create = useMutation(trpc.agenda.createItem.mutationOptions());
  const update = useMutation(trpc.agenda.updateItem.mutationOptions());
  const form = useForm<AgendaItemFormValues>({
    resolver: lazyZodResolver(() => import("@/lib/schemas/agenda").then((m) => m.agendaItemFormSchema)),
    defaultValues: defaults(item, session.timeZone),
  });
  const { errors } = form.formState;
  const days = sessionDays(session.startsAt, session.endsAt, session.timeZone);
  const published = session.agendaPublishedAt !== null;
  const idPrefix = `agenda-item-${item?.id ?? "new"}`;

  // An edited item may link an issue that is archived since: keep it in the list.
  const issues = item?.issue && !options.issues.some((i) => i.id === item.issue?.id) ? [...options.issues, item.issue] : options.issues;

  async function submit(values: AgendaItemFormValues) {
    const fields = formToItemFields(values, session.timeZone);
    if (item) {
      await update.mutateAsync({ itemId: item.id, version: item.version, ...fields });
      return t("agenda.itemSaved");
    }
    await create.mutateAsync({ sessionId: session.id, ...fields });
    return t("agenda.itemAdded");
  }

  return (
    <DialogForm
      form={form}
      fields={SERVER_FIELDS}
      submit={submit}
      success={(message) => message}
      refresh={refresh}
      title={item ? t("agenda.editItemTitle") : t("agenda.addItemTitle")}
      description={item ? (published ? t("agenda.deferInsteadNote") : t("agenda.editItemDescription")) : t("agenda.addItemDescription")}
      errorTitle={t("agenda.errorTitle")}
      cancelLabel={t("agenda.cancel")}
      submitLabel={item ? t("agenda.save") : t("agenda.add")}
      submittingLabel={item ? t("agenda.saving") : t("agenda.adding")}
    >
      <FormField id={`${idPrefix}-title`} label={t("agenda.fieldTitle")} error={errors.title?.message} required>
        <Input autoComplete="off" {...form.register("title")} />
      </FormField>
      <FormField
        id={`${idPrefix}-description`}
        label={t("agenda.fieldDescription")}
        description={t("agenda.fieldDescriptionHint")}
        error={errors.description?.message}
      >
        <Textarea rows={4} {...form.register("description")} />
      </FormField>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("agenda.slotHint", { zone })}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <FormField id={`${idPrefix}-day`} label={t("agenda.fieldDay")} error={errors.day?.message}>
            <select className={controlClassName} {...form.register("day")}>
              <option value="">{t("agenda.noDay")}</option>
              {days.map((d) => (
                <option key={d} value={d}>
                  {formatSlotDay(`${d}T12:00:00Z`, "UTC")}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id={`${idPrefix}-start`} label={t("agenda.fieldStart")} error={errors.startTime?.message}>
            <Input type="time" {...form.register("startTime")} />
          </FormField>
          <FormField id={`${idPrefix}-end`} label={t("agenda.fieldEnd")} error={errors.endTime?.message}>
            <Input type="time" {...form.register("endTime")} />
          </FormField>
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id={`${idPrefix}-issue`} label={t("agenda.fieldIssue")} error={errors.issueId?.message}>
          <select className={controlClassName} {...form.register("issueId")}>
            <option value="">{t("agenda.noIssue")}</option>
            {issues.map((i) => <option key={i.id} value={i.id}>{i.title}</option>)}
          </select>
        </FormField>
        <FormField id={`${idPrefix}-party`} label={t("agenda.fieldParty")} error={errors.proposingPartyId?.message}>
          <select className={controlClassName} {...form.register("proposingPartyId")}>
            <option value="">{t("agenda.noParty")}</option>
            {options.parties.map((p) => <option key={p.id} value={p.id}>{p.code} · {p.name}</option>)}
          </select>
        </FormField>
      </div>
      <FormField id={`${idPrefix}-status`} label={t("agenda.fieldStatus")} error={errors.status?.message}>
        <select className={controlClassName} {...form.register("status")}>
          {AGENDA_ITEM_STATUSES.map((s) => <option key={s} value={s}>{t(`itemStatus.${s}`)}</option>)}
        </select>
      </FormField>
    </DialogForm>
  );
}
