"use client";

import { useMutation } from "@tanstack/react-query";
import { Archive, ArchiveRestore } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";

/** Archive or unarchive an issue, after a confirmation; convenors only (the page decides). */
export function ArchiveIssueButton({ issue }: { issue: { id: string; version: number; title: string; archived: boolean } }) {
  const t = useTranslations("issues");
  const trpc = useTRPC();
  const router = useRouter();
  const archive = useMutation(trpc.issue.archive.mutationOptions());
  const unarchive = useMutation(trpc.issue.unarchive.mutationOptions());
  const pending = archive.isPending || unarchive.isPending;

  async function run() {
    try {
      if (issue.archived) await unarchive.mutateAsync({ issueId: issue.id, version: issue.version });
      else await archive.mutateAsync({ issueId: issue.id, version: issue.version });
      toast.success(issue.archived ? t("unarchived") : t("archivedToast"));
      router.refresh();
    } catch (e) {
      toast.error(describeError(e));
    }
  }

  return (
    <ConfirmAction
      trigger={
        <Button variant="outline" size="sm" disabled={pending}>
          {issue.archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />} {issue.archived ? t("unarchive") : t("archive")}
        </Button>
      }
      label={issue.archived ? t("unarchive") : t("archive")}
      title={issue.archived ? t("unarchiveTitle", { title: issue.title }) : t("archiveTitle", { title: issue.title })}
      description={issue.archived ? t("unarchiveBody") : t("archiveBody")}
      cancelLabel={t("cancel")}
      tone="default"
      onConfirm={run}
    />
  );
}
