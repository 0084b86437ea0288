"use client";

import { useTranslations } from "next-intl";
import { createContext, lazy, Suspense, useContext, useState, type ComponentType, type ReactNode } from "react";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

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

/**
 * A dialog around one form (see DialogForm). The content mounts only while open, so the form's code loads
 * with the first opening and the form starts from its initial values every time.
 */
export function FormDialog({ trigger, children, preload, onOpenChange, closeLabel, contentClassName }: FormDialogProps) {
  const [open, setOpenState] = useState(false);
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild onPointerEnter={preload} onFocus={preload}>
        {trigger}
      </DialogTrigger>
      <DialogContent className={contentClassName} closeLabel={closeLabel}>
        <FormDialogContext value={{ close: () => setOpen(false) }}>
          <Suspense fallback={<FormLoading />}>{children}</Suspense>
        </FormDialogContext>
      </DialogContent>
    </Dialog>
  );
}

function FormLoading() {
  const t = useTranslations("errors");
  return (
    <DialogHeader>
      <DialogTitle className="flex items-center gap-2 text-muted-foreground">
        <Spinner label={null} /> {t("loading")}
      </DialogTitle>
    </DialogHeader>
  );
}
