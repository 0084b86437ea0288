"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormDialog, lazyForm } from "@/components/ui/form-dialog";
import type { CarrySource } from "@/components/joint-texts/new-joint-text-form";

const Form = lazyForm(() => import("@/components/joint-texts/new-joint-text-form").then((m) => m.NewJointTextForm));

/** The chair's "New joint text": kind, title, language, optionally from the previous session's text. */
export function NewJointTextButton({ sessionId, carryFrom }: { sessionId: string; carryFrom: CarrySource[] }) {
  const t = useTranslations("jointTexts");
  return (
    <FormDialog
      preload={Form.preload}
      trigger={
        <Button size="sm">
          <Plus aria-hidden="true" />
          {t("new")}
        </Button>
      }
    >
      <Form sessionId={sessionId} carryFrom={carryFrom} />
    </FormDialog>
  );
}
