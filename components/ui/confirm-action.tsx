"use client";

import { Slot } from "@radix-ui/react-slot";
import dynamic from "next/dynamic";
import { useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

const loadDialog = () => import("@/components/ui/confirm-dialog").then((m) => m.ConfirmDialog);
const ConfirmDialog = dynamic(loadDialog, { ssr: false });

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

/**
 * The one confirmation: a button that asks before a change (remove, revoke, release, seal, conclude).
 * The trigger renders at once; the dialog itself (confirm-dialog.tsx) loads when someone points at,
 * focuses or presses the trigger, and focus returns to the trigger when it closes.
 */
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
  const triggerRef = useRef<HTMLButtonElement>(null);
  const preload = () => void loadDialog();
  const triggerProps = {
    ref: triggerRef,
    "aria-haspopup": "dialog" as const,
    "aria-expanded": open,
    onPointerEnter: preload,
    onFocus: preload,
    onClick: () => setOpen(true),
  };
  return (
    <>
      {trigger ? (
        <Slot {...triggerProps}>{trigger}</Slot>
      ) : (
        <Button
          {...triggerProps}
          size="sm"
          variant={variant}
          aria-label={ariaLabel}
          disabled={disabled}
          className={className}
        >
          {label}
        </Button>
      )}
      {open ? (
        <ConfirmDialog
          label={label}
          title={title}
          description={description}
          cancelLabel={cancelLabel}
          onConfirm={onConfirm}
          confirmLabel={confirmLabel}
          tone={tone}
          onClose={() => setOpen(false)}
          returnFocus={() => triggerRef.current?.focus()}
        />
      ) : null}
    </>
  );
}
