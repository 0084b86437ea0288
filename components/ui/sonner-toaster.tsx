"use client";

import * as React from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";
import { CircleAlert, CircleCheck, Info, LoaderCircle, TriangleAlert } from "lucide-react";

/**
 * Sonner's Toaster in the Trilogue palette. Loaded on the first toast only (components/ui/toast.ts and
 * components/ui/toaster.tsx); toasts are announced politely by sonner.
 */
export default function SonnerToaster({ toastOptions, style, onMounted, ...props }: ToasterProps & { onMounted: () => void }) {
  // Runs after sonner's own effects (children first): the toaster listens by the time this says so.
  React.useEffect(onMounted, [onMounted]);
  return (
    <Sonner
      theme="light"
      position="bottom-right"
      closeButton
      richColors
      icons={{
        success: <CircleCheck className="size-4" aria-hidden="true" />,
        info: <Info className="size-4" aria-hidden="true" />,
        warning: <TriangleAlert className="size-4" aria-hidden="true" />,
        error: <CircleAlert className="size-4" aria-hidden="true" />,
        loading: <LoaderCircle className="size-4 animate-spin" aria-hidden="true" />,
      }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--success-bg": "var(--success-subtle)",
          "--success-text": "var(--success-subtle-foreground)",
          "--success-border": "var(--success-border)",
          "--info-bg": "var(--info-subtle)",
          "--info-text": "var(--info-subtle-foreground)",
          "--info-border": "var(--info-border)",
          "--warning-bg": "var(--warning-subtle)",
          "--warning-text": "var(--warning-subtle-foreground)",
          "--warning-border": "var(--warning-border)",
          "--error-bg": "var(--danger-subtle)",
          "--error-text": "var(--danger-subtle-foreground)",
          "--error-border": "var(--danger-border)",
          "--border-radius": "var(--radius)",
          fontFamily: "var(--font-sans)",
          ...style,
        } as React.CSSProperties
      }
      toastOptions={{
        ...toastOptions,
        classNames: {
          // Sonner's stylesheet is unlayered, so overrides of its own properties need `!`.
          title: "font-medium!",
          actionButton: "bg-primary! text-primary-foreground! font-medium!",
          cancelButton: "bg-secondary! text-secondary-foreground!",
          closeButton: "focus-visible:outline-2! focus-visible:outline-offset-2! focus-visible:outline-ring!",
          ...toastOptions?.classNames,
        },
      }}
      {...props}
    />
  );
}
