"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, type ReactNode } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useCloseFormDialog } from "@/components/ui/form-dialog";
import { toast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/forms";

export type DialogFormProps<TValues extends FieldValues, TOutput, TResult> = {
  /** The dialog's form (react-hook-form, usually with a lazy zod resolver). */
  form: UseFormReturn<TValues, unknown, TOutput>;
  /** The server's field names the form shows beside its fields, or a map from them to the form's own. */
  fields: readonly string[] | Readonly<Record<string, Path<TValues>>>;
  /** The call: resolves once saved; a rejection is shown in the dialog (field errors beside their fields). */
  submit: (values: TOutput) => Promise<TResult>;
  /** The toast after a success; none when omitted. */
  success?: string | ((result: TResult, values: TOutput) => string);
  /** Keep the dialog open after a success (to show `done`); by default it closes. */
  stayOpen?: boolean;
  /** Shown instead of the whole dialog content while set (e.g. the result after a success). */
  done?: ReactNode;
  /** Shown instead of the form (below the title) while set (e.g. while the values load). */
  pending?: ReactNode;
  /** A rejection the dialog handles itself (resolve true): the form stays as typed and no message shows. */
  recover?: (error: unknown) => Promise<boolean>;
  /** What to reload after a success; by default the page (router.refresh()). */
  refresh?: () => unknown;
  title: ReactNode;
  description?: ReactNode;
  errorTitle: string;
  cancelLabel: string;
  submitLabel: string;
  submittingLabel: string;
  /** The form's fields. */
  children: ReactNode;
};

/**
 * The form inside a FormDialog: shows the server's refusal in the dialog and beside the fields, and after
 * a success toasts, reloads what shows the change and closes the dialog. It lives in the dialog's lazily
 * loaded form, never in the page's first load.
 */
export function DialogForm<TValues extends FieldValues, TOutput, TResult>({
  form,
  fields,
  submit,
  success,
  stayOpen = false,
  done,
  pending,
  recover,
  refresh,
  title,
  description,
  errorTitle,
  cancelLabel,
  submitLabel,
  submittingLabel,
  children,
}: DialogFormProps<TValues, TOutput, TResult>) {
  const router = useRouter();
  const close = useCloseFormDialog();
  const [error, setError] = useState("");
  const { isSubmitting } = form.formState;
  // The dialog opened (and focused its close button) before the form had loaded: focus the first field
  // as a dialog whose form was there from the start would.
  const focusFirstField = useCallback((node: HTMLFormElement | null) => {
    if (!node || node.contains(document.activeElement)) return;
    const first = node.querySelector<HTMLInputElement>("input:not([type=hidden]):not(:disabled), select:not(:disabled), textarea:not(:disabled)");
    // In a radio group the chosen option takes the focus, as the Tab key would.
    const chosen = first?.type === "radio" ? node.querySelector<HTMLInputElement>(`input[type=radio][name="${first.name}"]:checked`) : null;
    (chosen ?? first)?.focus();
  }, []);

  const onSubmit = form.handleSubmit(async (values) => {
    setError("");
    try {
      const result = await submit(values);
      if (success !== undefined) toast.success(typeof success === "function" ? success(result, values) : success);
      // Reload before closing: the form mounts afresh on the next opening and starts from what the page
      // shows then, so the page must show the change by the time the dialog is gone.
      await (refresh ? refresh() : router.refresh());
      if (!stayOpen) close();
    } catch (e) {
      if (recover && (await recover(e))) return;
      setError(applyServerErrors(e, form.setError, fields));
    }
  });

  return (
    done ?? (
      <>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description ? <DialogDescription>{description}</DialogDescription> : null}
        </DialogHeader>
        {pending ?? (
          <form ref={focusFirstField} onSubmit={onSubmit} noValidate className="space-y-4">
            {error ? (
              <Alert variant="danger" role="alert">
                <AlertTitle>{errorTitle}</AlertTitle>
                <AlertDescription>{error}</AlertDescription>
              </Alert>
            ) : null}
            {children}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={close}>{cancelLabel}</Button>
              <Button type="submit" disabled={isSubmitting}>{isSubmitting ? submittingLabel : submitLabel}</Button>
            </DialogFooter>
          </form>
        )}
      </>
    )
  );
}
