"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { higherLevels, type ReleaseLevelName } from "@/lib/vocabulary";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";

/** Raise the release level, one step or more; it can never be lowered, so it asks first. */
export function ReleaseControl({ paperId, version, level }: { paperId: string; version: number; level: ReleaseLevelName }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const options = higherLevels(level);
  const [picked, setPicked] = useState<ReleaseLevelName | undefined>(options[0]);
  // After a release the options shrink: fall back to the next level up.
  const target = picked && options.includes(picked) ? picked : options[0];
  const raise = useMutation(trpc.paper.raiseRelease.mutationOptions());
  if (options.length === 0 || !target) return <p className="text-sm text-muted-foreground">{t("papers.release.highest")}</p>;

  async function confirm() {
    if (!target) return;
    try {
      await raise.mutateAsync({ paperId, version, releaseLevel: target });
      toast.success(t("papers.release.done", { level: t(`releaseLevel.${target}`) }));
      await queryClient.invalidateQueries({ queryKey: trpc.paper.pathKey() });
      router.refresh();
    } catch (error) {
      toast.error(describeError(error));
    }
  }

  return (
    <div className="space-y-2" data-testid="release-control">
      <label htmlFor="release-target" className="block text-sm font-medium">
        {t("papers.release.label")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <select
          id="release-target"
          value={target}
          onChange={(e) => setPicked(e.target.value as ReleaseLevelName)}
          className="h-8 rounded-md border border-input bg-card px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring"
        >
          {options.map((l) => (
            <option key={l} value={l}>
              {t(`releaseLevel.${l}`)}
            </option>
          ))}
        </select>
        <ConfirmAction
          variant="default"
          disabled={raise.isPending}
          label={t("papers.release.raise")}
          title={t("papers.release.confirmTitle", { level: t(`releaseLevel.${target}`) })}
          description={t("papers.release.confirmBody")}
          cancelLabel={t("papers.cancel")}
          onConfirm={confirm}
        />
      </div>
      <p className="text-xs text-muted-foreground">{t("papers.release.help")}</p>
    </div>
  );
}

/** Withdraws the paper: it stays listed, marked, with its whole history. */
export function WithdrawPaper({ paperId, version }: { paperId: string; version: number }) {
  const t = useTranslations("papers");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const withdraw = useMutation(trpc.paper.withdraw.mutationOptions());
  return (
    <ConfirmAction
      label={t("withdraw.label")}
      title={t("withdraw.title")}
      description={t("withdraw.body")}
      cancelLabel={t("cancel")}
      onConfirm={async () => {
        try {
          await withdraw.mutateAsync({ paperId, version });
          toast.success(t("withdraw.done"));
          await queryClient.invalidateQueries({ queryKey: trpc.paper.pathKey() });
          router.refresh();
        } catch (error) {
          toast.error(describeError(error));
        }
      }}
    />
  );
}
