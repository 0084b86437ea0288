"use client";

import { Pencil, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormDialog, lazyForm } from "@/components/ui/form-dialog";
import type { EditableIssue } from "@/components/issues/issue-form";

const IssueForm = lazyForm(() => import("@/components/issues/issue-form").then((m) => m.IssueForm));

/** "New issue" (with seriesId) or "Edit" (with issue); the form loads when the dialog first opens. */
export function IssueFormDialog(props: { seriesId?: string; issue?: EditableIssue; scaleLocked?: boolean }) {
  const t = useTranslations("issues");
  return (
    <FormDialog
      trigger={props.issue ? (
        <Button variant="outline" size="sm"><Pencil aria-hidden /> {t("edit")}</Button>
      ) : (
        <Button size="sm"><Plus aria-hidden /> {t("newIssue")}</Button>
      )}
      preload={IssueForm.preload}
      contentClassName="max-h-[90vh] overflow-y-auto sm:max-w-2xl"
    >
      <IssueForm {...props} />
    </FormDialog>
  );
}
