"use client";

import { Pencil, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import type { StanceFormProps } from "@/components/stances/stance-form";
import { Button } from "@/components/ui/button";
import { FormDialog, lazyForm } from "@/components/ui/form-dialog";

const StanceForm = lazyForm(() => import("@/components/stances/stance-form").then((m) => m.StanceForm));

/** "Record" or "Edit" in a cell of the stance board; the form loads when a dialog first opens. */
export function StanceFormDialog(props: StanceFormProps) {
  const t = useTranslations("stances");
  const { issue, party, stance } = props;
  return (
    <FormDialog
      trigger={stance ? (
        <Button size="sm" variant="ghost" className="h-7 px-2" aria-label={t("editLabel", { party: party.code, issue: issue.title })}>
          <Pencil aria-hidden /> {t("edit")}
        </Button>
      ) : (
        <Button size="sm" variant="outline" className="h-7 px-2" aria-label={t("recordLabel", { party: party.code, issue: issue.title })}>
          <Plus aria-hidden /> {t("record")}
        </Button>
      )}
      preload={StanceForm.preload}
      closeLabel={t("form.cancel")}
      contentClassName="max-h-[90vh] overflow-y-auto sm:max-w-2xl"
    >
      <StanceForm {...props} />
    </FormDialog>
  );
}
