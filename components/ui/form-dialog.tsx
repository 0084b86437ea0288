"use client";

import { useTranslations } from "next-intl";
import { Slot } from "@radix-ui/react-slot";
import dynamic from "next/dynamic";
import { createContext, lazy, useContext, useRef, useState, type ComponentType, type ReactNode } from "react";

/** A dialog's form, loaded the first time its dialog opens (or its trigger is hovered or focused). */
export type LazyForm<P> = ComponentType<P> & { preload: () => void };

/**
 * `lazyForm(() => import("./x-form").then((m) => m.XForm))`: the form's code (react-hook-form, its fields,
 * its mutations) stays out of the page's first load; a page with five dialogs ships none of their forms.
 */
export function lazyForm<P extends object>(load: () => Promise<ComponentType<P>>): LazyForm<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () => (loading ??= load().then((component) => ({ default: component })));
  const Loaded = lazy(start);
  function Form(props: P) {
    return <Loaded {...props} />;
  }
  return Object.assign(Form, {
    preload: () => {
      void start();
    },
  });
}

const FormDialogContext = createContext<{ close: () => void } | null>(null);

/** Closes the dialog around a form (its Cancel button, a success). */
export function useCloseFormDialog(): () => void {
  const context = useContext(FormDialogContext);
  if (!context) throw new Error("useCloseFormDialog outside a FormDialog");
  return context.close;
}

export type FormDialogProps = {
  /** The element that opens the dialog (a button). */
  trigger: ReactNode;
  /** The form, usually a lazyForm's element; it mounts on each opening, so it starts from fresh values. */
  children: ReactNode;
  /** Starts loading the form's code before the click (the lazyForm's preload). */
  preload?: () => void;
  /** Told each time the dialog opens or closes. */
  onOpenChange?: (open: boolean) => void;
  closeLabel?: string;
  contentClassName?: string;
};

const loadFrame = () => import("@/components/ui/form-dialog-frame").then((m) => m.FormDialogFrame);
const FormDialogFrame = dynamic(loadFrame, { ssr: false });

/**
 * A dialog around one form (see DialogForm). The trigger renders at once; the dialog itself (Radix, about
 * 11 kB compressed) and the form load when someone points at, focuses or presses the trigger. The content
 * mounts only while open, so the form starts from its initial values every time.
 */
export function FormDialog({ trigger, children, preload, onOpenChange, closeLabel, contentClassName }: FormDialogProps) {
  const t = useTranslations("errors");
  const [open, setOpenState] = useState(false);
  const triggerRef = useRef<HTMLElement>(null);
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  const warm = () => {
    void loadFrame();
    preload?.();
  };
  return (
    <>
      <Slot ref={triggerRef} aria-haspopup="dialog" aria-expanded={open} onPointerEnter={warm} onFocus={warm} onClick={() => setOpen(true)}>
        {trigger}
      </Slot>
      {open ? (
        <FormDialogFrame
          onClose={() => setOpen(false)}
          returnFocus={() => triggerRef.current?.focus()}
          closeLabel={closeLabel}
          contentClassName={contentClassName}
          loadingLabel={t("loading")}
        >
          <FormDialogContext value={{ close: () => setOpen(false) }}>{children}</FormDialogContext>
        </FormDialogFrame>
      ) : null}
    </>
  );
}
