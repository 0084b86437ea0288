"use client";

import { Suspense, type ReactNode } from "react";
import { Dialog, DialogContent, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

/**
 * The dialog half of FormDialog, loaded when a form dialog is first wanted. Open while mounted; closing
 * (Escape, the close button, outside) tells the owner, and focus goes back to the owner's trigger.
 */
export function FormDialogFrame({
  children,
  onClose,
  returnFocus,
  closeLabel,
  contentClassName,
  loadingLabel,
}: {
  children: ReactNode;
  onClose: () => void;
  returnFocus: () => void;
  closeLabel?: string;
  contentClassName?: string;
  /** Shown as the dialog's title while the form's code loads. */
  loadingLabel: string;
}) {
  return (
    <Dialog
      open
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
    >
      <DialogContent
        className={contentClassName}
        closeLabel={closeLabel}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus();
        }}
      >
        <Suspense
          fallback={
            <DialogHeader>
              <DialogTitle className="flex items-center gap-2 text-muted-foreground">
                <Spinner label={null} /> {loadingLabel}
              </DialogTitle>
            </DialogHeader>
          }
        >
          {children}
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
