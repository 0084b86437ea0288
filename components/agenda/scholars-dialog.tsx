"use client";

import { GraduationCap } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ScholarsFormProps } from "@/components/agenda/scholars-form";
import { Button } from "@/components/ui/button";
import { FormDialog, lazyForm } from "@/components/ui/form-dialog";

const ScholarsForm = lazyForm(() => import("@/components/agenda/scholars-form").then((m) => m.ScholarsForm));

/** Track 1.5: the scholars invited to one item; the dialog's form loads when it first opens. */
export function ScholarsDialog(props: ScholarsFormProps) {
  const t = useTranslations();
  const { item } = props;
  return (
    <FormDialog
      trigger={
        <Button size="sm" variant="outline" className="h-8" aria-label={t("agenda.scholarsLabel", { title: item.title })}>
          <GraduationCap aria-hidden /> {t("agenda.scholars", { count: item.scholars?.length ?? 0 })}
        </Button>
      }
      preload={ScholarsForm.preload}
      closeLabel={t("common.close")}
    >
      <ScholarsForm {...props} />
    </FormDialog>
  );
}
