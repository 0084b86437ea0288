import type { toast as sonnerToast } from "sonner";

/*
 * Toasts without sonner on first load: `toast.success(...)` etc. load sonner and its toaster on the first
 * toast, then show it (and every later one) through them. <Toaster /> in the root layout mounts the
 * toaster when asked; a toast waits until the toaster listens, so none is lost.
 */

type Sonner = typeof sonnerToast;

let requested = false;
const listeners = new Set<() => void>();
let markMounted: () => void = () => undefined;
const mounted = new Promise<void>((resolve) => {
  markMounted = resolve;
});
let sonner: Promise<Sonner> | undefined;

function load(): Promise<Sonner> {
  sonner ??= (async () => {
    requested = true;
    for (const listener of listeners) listener();
    const [{ toast }] = await Promise.all([import("sonner"), mounted]);
    return toast;
  })();
  return sonner;
}

/** For <Toaster />: whether a toast asked for the toaster yet, and a way to hear when one does. */
export function toasterWanted(): boolean {
  return requested;
}

export function subscribeToaster(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called once sonner's toaster listens. */
export function toasterMounted(): void {
  markMounted();
}

type Show = (message: Parameters<Sonner["success"]>[0], options?: Parameters<Sonner["success"]>[1]) => void;
const show =
  (kind: "success" | "error" | "warning" | "info"): Show =>
  (message, options) =>
    void load().then((toast) => toast[kind](message, options));

export const toast = { success: show("success"), error: show("error"), warning: show("warning"), info: show("info") };
