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
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { describeError } from "@/lib/trpc/errors";

type Props = {
  /** The button's visible text, and the confirm button's unless confirmLabel says otherwise. */
  label: string;
  /** Accessible name of the trigger when the label alone is ambiguous in a list. */
  ariaLabel?: string;
  title: ReactNode;
  description: ReactNode;
  cancelLabel: string;
  /** The change. The dialog stays open while it runs; if it throws, the dialog shows why and stays open. */
  onConfirm: () => void | Promise<void>;
  /** The confirm button's text, when it is not the trigger's. */
  confirmLabel?: string;
  /** "destructive" (the default) for what cannot be undone, "default" for a plain step. */
  tone?: "destructive" | "default";
  /** A trigger of one's own (an icon button); without it a small button shows the label. */
  trigger?: ReactNode;
  variant?: "default" | "outline";
  disabled?: boolean;
  className?: string;
};

/** The one confirmation: a button that asks before a change (remove, revoke, release, seal, conclude). */
export function ConfirmAction({
  label,
  ariaLabel,
  title,
  description,
  cancelLabel,
  onConfirm,
  confirmLabel,
  tone = "destructive",
  trigger,
  variant = "outline",
  disabled,
  className,
}: Props) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setError("");
      }}
    >
      <AlertDialogTrigger asChild>
        {trigger ?? (
          <Button size="sm" variant={variant} aria-label={ariaLabel} disabled={disabled} className={className}>
            {label}
          </Button>
        )}
      </AlertDialogTrigger>
      <AlertDialogContent>
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
                setOpen(false);
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
