"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/forms";

export type FormDialogProps<TValues extends FieldValues, TOutput, TResult> = {
  /** The dialog's form (react-hook-form, usually with a zod resolver). */
  form: UseFormReturn<TValues, unknown, TOutput>;
  /** The values the form starts from each time the dialog opens. */
  initialValues: () => TValues;
  /** The server's field names the form shows beside its fields, or a map from them to the form's own. */
  fields: readonly string[] | Readonly<Record<string, Path<TValues>>>;
  /** The call: resolves once saved; a rejection is shown in the dialog (field errors beside their fields). */
  submit: (values: TOutput) => Promise<TResult>;
  /** The toast after a success. */
  success: string | ((result: TResult, values: TOutput) => string);
  /** What to reload after a success; by default the page (router.refresh()). */
  refresh?: () => unknown;
  /** The element that opens the dialog (a button). */
  trigger: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  errorTitle: string;
  cancelLabel: string;
  submitLabel: string;
  submittingLabel: string;
  closeLabel?: string;
  contentClassName?: string;
  /** The form's fields. */
  children: ReactNode;
};

/**
 * A dialog around one form: opens with fresh values, shows the server's refusal in the dialog and beside
 * the fields, and after a success closes, toasts and reloads what shows the change.
 */
export function FormDialog<TValues extends FieldValues, TOutput, TResult>({
  form,
  initialValues,
  fields,
  submit,
  success,
  refresh,
  trigger,
  title,
  description,
  errorTitle,
  cancelLabel,
  submitLabel,
  submittingLabel,
  closeLabel,
  contentClassName,
  children,
}: FormDialogProps<TValues, TOutput, TResult>) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState("");
  const { isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError("");
    try {
      const result = await submit(values);
      toast.success(typeof success === "function" ? success(result, values) : success);
      setOpen(false);
      await (refresh ? refresh() : router.refresh());
    } catch (e) {
      setError(applyServerErrors(e, form.setError, fields));
    }
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setError("");
          form.reset(initialValues());
        }
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className={contentClassName} closeLabel={closeLabel}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description ? <DialogDescription>{description}</DialogDescription> : null}
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {error ? (
            <Alert variant="danger" role="alert">
              <AlertTitle>{errorTitle}</AlertTitle>
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          {children}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>{cancelLabel}</Button>
            <Button type="submit" disabled={isSubmitting}>{isSubmitting ? submittingLabel : submitLabel}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
