"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { Input, controlClassName } from "@/components/ui/input";
import { lazyZodResolver } from "@/lib/forms";
import { JOINT_TEXT_KINDS, type JointTextFormValues, type NewJointTextFormValues } from "@/lib/schemas/joint-texts";
import { useTRPC } from "@/lib/trpc/client";

export type CarrySource = { id: string; title: string; kind: JointTextFormValues["kind"]; languageTag: string; sessionTitle: string };
type Values = NewJointTextFormValues;

export function NewJointTextForm({ sessionId, carryFrom }: { sessionId: string; carryFrom: CarrySource[] }) {
  const t = useTranslations("jointTexts");
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.jointText.create.mutationOptions());
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import("@/lib/schemas/joint-texts").then((m) => m.newJointTextFormSchema)),
    defaultValues: { kind: "JOINT_STATEMENT", title: "", languageTag: "en", carriedFromId: "" },
  });
  const { errors } = form.formState;
  return (
    <DialogForm
      form={form}
      fields={["kind", "title", "languageTag", "carriedFromId"]}
      submit={async (values) => {
        const created = await create.mutateAsync({ sessionId, kind: values.kind, title: values.title, languageTag: values.languageTag, carriedFromId: values.carriedFromId || undefined });
        router.push(`/joint-texts/${created.id}`);
        return created;
      }}
      success={t("created")}
      refresh={() => undefined}
      title={t("new")}
      description={t("newHelp")}
      errorTitle={t("errorTitle")}
      cancelLabel={t("cancel")}
      submitLabel={t("create")}
      submittingLabel={t("creating")}
    >
      <FormField id="jt-kind" label={t("kind")} error={errors.kind?.message}>
        <select className={controlClassName} {...form.register("kind")}>
          {JOINT_TEXT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="jt-title" label={t("titleLabel")} error={errors.title?.message} required>
        <Input autoComplete="off" {...form.register("title")} />
      </FormField>
      <FormField id="jt-language" label={t("language")} description={t("languageHint")} error={errors.languageTag?.message} required>
        <Input autoComplete="off" className="w-32" {...form.register("languageTag")} />
      </FormField>
      {carryFrom.length > 0 ? (
        <FormField id="jt-carry" label={t("carryFrom")} description={t("carryHint")} error={errors.carriedFromId?.message}>
          <select className={controlClassName} {...form.register("carriedFromId")}>
            <option value="">{t("carryNone")}</option>
            {carryFrom.map((c) => (
              <option key={c.id} value={c.id}>
                {c.sessionTitle}: {c.title}
              </option>
            ))}
          </select>
        </FormField>
      ) : null}
    </DialogForm>
  );
}
