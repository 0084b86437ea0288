"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { MarkdownEditor } from "@/components/revisions/markdown-editor";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/lib/trpc/client";
import { describeError, fieldErrorsOf } from "@/lib/trpc/errors";

type Item = { id: string; title: string; position: number };

/** Starts a paper: title, the agenda items it speaks to, and a first text (revision 1). */
export function NewPaperForm({ sessionId, items, asScholar }: { sessionId: string; items: Item[]; asScholar: boolean }) {
  const t = useTranslations("papers.new");
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [itemIds, setItemIds] = useState<string[]>(items.length === 1 ? [items[0]!.id] : []);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(trpc.paper.create.mutationOptions());

  async function submit() {
    setFormError(null);
    // zod loads with the first submit, not with the page.
    const { createPaperSchema } = await import("@/lib/schemas/papers");
    const parsed = createPaperSchema.safeParse({ sessionId, title, body, agendaItemIds: itemIds });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    try {
      const paper = await create.mutateAsync(parsed.data);
      toast.success(t("created"));
      router.push(`/papers/${paper.id}`);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      if (Object.keys(fieldErrors).length > 0) setErrors(Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v?.[0]])));
      setFormError(describeError(error));
    }
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="text-sm text-muted-foreground">{asScholar ? t("asScholar") : t("asParty")}</p>
      <FormField id="new-paper-title" label={t("title")} error={errors.title} required>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoComplete="off" />
      </FormField>

      <fieldset className="space-y-2" aria-describedby={errors.agendaItemIds ? "new-paper-items-error" : undefined}>
        <legend className="text-sm font-medium">{t("items")}</legend>
        <p className="text-xs text-muted-foreground">{asScholar ? t("itemsHelpScholar") : t("itemsHelp")}</p>
        <ul className="space-y-1.5">
          {items.map((item) => {
            const id = `new-paper-item-${item.id}`;
            return (
              <li key={item.id} className="flex items-start gap-2 text-sm">
                <Checkbox
                  id={id}
                  checked={itemIds.includes(item.id)}
                  onCheckedChange={(v) => setItemIds((ids) => (v === true ? [...ids, item.id] : ids.filter((x) => x !== item.id)))}
                  className="mt-0.5"
                />
                <label htmlFor={id}>
                  {item.position}. {item.title}
                </label>
              </li>
            );
          })}
        </ul>
        {errors.agendaItemIds ? (
          <p id="new-paper-items-error" className="text-sm text-danger">
            {errors.agendaItemIds}
          </p>
        ) : null}
      </fieldset>

      <MarkdownEditor id="new-paper-body" label={t("body")} value={body} onChange={setBody} rows={14} initialMode="split" />

      {formError ? (
        <Alert variant="danger">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={create.isPending}>
          {t("submit")}
        </Button>
        <Button type="button" variant="outline" onClick={() => router.back()}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
