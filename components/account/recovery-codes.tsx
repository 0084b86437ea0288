"use client";

import { Copy, Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

/** Ten recovery codes, shown once, with copy and download as .txt (a dialog's "done" content). */
export function RecoveryCodesShown({ codes, email }: { codes: string[]; email: string }) {
  const t = useTranslations("factors.codes");
  const text = `${t("fileHeading", { email })}\n\n${codes.join("\n")}\n`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      toast.success(t("copied"));
    } catch {
      toast.error(t("copyFailed"));
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "trilogue-recovery-codes.txt";
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("title")}</DialogTitle>
        <DialogDescription>{t("description")}</DialogDescription>
      </DialogHeader>
      <ol className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md border border-border bg-muted p-4 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">{code}</li>
        ))}
      </ol>
      <DialogFooter className="gap-2">
        <Button type="button" variant="outline" onClick={() => void copy()}><Copy aria-hidden /> {t("copy")}</Button>
        <Button type="button" variant="outline" onClick={download}><Download aria-hidden /> {t("download")}</Button>
        <DialogClose asChild>
          <Button type="button">{t("done")}</Button>
        </DialogClose>
      </DialogFooter>
    </>
  );
}
