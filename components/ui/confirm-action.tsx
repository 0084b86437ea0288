"use client";

import type { ReactNode } from "react";
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

type Props = {
  /** The button's visible text, and the confirm button's. */
  label: string;
  /** Accessible name of the trigger when the label alone is ambiguous in a list. */
  ariaLabel?: string;
  title: ReactNode;
  description: ReactNode;
  cancelLabel: string;
  onConfirm: () => void | Promise<void>;
  variant?: "default" | "outline";
  disabled?: boolean;
  className?: string;
};

/** A small button that asks before a change that cannot be undone (remove, revoke, release, seal). */
export function ConfirmAction({ label, ariaLabel, title, description, cancelLabel, onConfirm, variant = "outline", disabled, className }: Props) {
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button size="sm" variant={variant} aria-label={ariaLabel} disabled={disabled} className={className}>{label}</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{cancelLabel}</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={() => void onConfirm()}>{label}</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
