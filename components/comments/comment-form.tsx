"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { MentionPicker, type Mention } from "@/components/comments/mention-picker";
import { applyServerErrors, lazyZodResolver } from "@/lib/forms";
import type { CommentFormValues, CommentTarget } from "@/lib/schemas/comments";
import { COMMENT_MAX_LENGTH } from "@/lib/vocabulary";

type Props = {
  /** Unique in the page: the textarea's id. */
  id: string;
  label: string;
  submitLabel: string;
  initialBody?: string;
  /** Focus the textarea when the form opens (reply and edit forms). */
  autoFocus?: boolean;
  /** The thread: offers the @mention picker (new comments and replies; not edits). */
  mentionTarget?: CommentTarget;
  onSubmit: (body: string, mentionIds: string[]) => Promise<void>;
  onCancel?: () => void;
};

/** The one form for a new comment, a reply and an edit: Markdown text, Ctrl/⌘+Enter to send. */
export function CommentForm({ id, label, submitLabel, initialBody = "", autoFocus, mentionTarget, onSubmit, onCancel }: Props) {
  const t = useTranslations("comments");
  const [error, setError] = useState("");
  const [mentions, setMentions] = useState<Mention[]>([]);
  const form = useForm<CommentFormValues>({ resolver: lazyZodResolver(() => import("@/lib/schemas/comments").then((m) => m.commentFormSchema)), defaultValues: { body: initialBody } });
  const { errors, isSubmitting } = form.formState;
  const length = useWatch({ control: form.control, name: "body" }).length;

  const submit = form.handleSubmit(async (values) => {
    setError("");
    try {
      // A mention counts while its "@Name" is still in the text.
      const mentionIds = [...new Set(mentions.filter((m) => values.body.includes(`@${m.name}`)).map((m) => m.id))];
      await onSubmit(values.body, mentionIds);
      form.reset({ body: "" });
      setMentions([]);
    } catch (e) {
      setError(applyServerErrors(e, form.setError, ["body"]));
    }
  });

  return (
    <form onSubmit={submit} className="space-y-2" noValidate data-testid="comment-form">
      {error ? (
        <Alert variant="danger">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id={id} label={label} hideLabel error={errors.body?.message} description={t("markdownHint")}>
        <Textarea
          rows={3}
          autoFocus={autoFocus}
          placeholder={label}
          {...form.register("body")}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
            if (e.key === "Escape" && onCancel) onCancel();
          }}
        />
      </FormField>
      <div className="flex flex-wrap items-center justify-end gap-2">
        {mentionTarget ? (
          <div className="mr-auto">
            <MentionPicker
              target={mentionTarget}
              onPick={(person) => {
                const body = form.getValues("body");
                const spacer = body === "" || body.endsWith(" ") || body.endsWith("\n") ? "" : " ";
                form.setValue("body", `${body}${spacer}@${person.name} `, { shouldDirty: true });
                setMentions((list) => [...list, person]);
                form.setFocus("body");
              }}
            />
          </div>
        ) : null}
        {length > COMMENT_MAX_LENGTH * 0.9 ? (
          <span className="mr-auto text-xs text-muted-foreground">{t("length", { length, max: COMMENT_MAX_LENGTH })}</span>
        ) : null}
        {onCancel ? (
          <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
            {t("cancel")}
          </Button>
        ) : null}
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
