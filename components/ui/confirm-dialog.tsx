"use client";

import { useState, type ReactNode } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { describeError } from "@/lib/trpc/errors";

export type ConfirmDialogProps = {
  label: string;
  title: ReactNode;
  description: ReactNode;
  cancelLabel: string;
  onConfirm: () => void | Promise<void>;
  confirmLabel?: string;
  tone: "destructive" | "default";
  onClose: () => void;
  /** Where focus returns when the dialog closes: the trigger, which lives outside this lazily loaded part. */
  returnFocus: () => void;
};

/**
 * The dialog half of ConfirmAction, loaded only when a confirmation first opens (Radix's alert dialog is
 * about 11 kB compressed that no page needs before someone asks to change something).
 */
export function ConfirmDialog({ label, title, description, cancelLabel, onConfirm, confirmLabel, tone, onClose, returnFocus }: ConfirmDialogProps) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <AlertDialog
      open
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
    >
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus();
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {error ? (
          <Alert variant="danger" role="alert">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel>{cancelLabel}</AlertDialogCancel>
          <AlertDialogAction
            variant={tone}
            disabled={busy}
            onClick={async (event) => {
              event.preventDefault();
              setBusy(true);
              try {
                await onConfirm();
                onClose();
              } catch (e) {
                setError(describeError(e));
              } finally {
                setBusy(false);
              }
            }}
          >
            {confirmLabel ?? label}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
