"use client";

import dynamic from "next/dynamic";
import { useSyncExternalStore } from "react";
import { subscribeToaster, toasterMounted, toasterWanted } from "@/components/ui/toast";

const SonnerToaster = dynamic(() => import("@/components/ui/sonner-toaster"), { ssr: false });

/** Mount once in the root layout. Renders nothing until the first toast (components/ui/toast.ts) asks for it. */
export function Toaster() {
  const wanted = useSyncExternalStore(subscribeToaster, toasterWanted, () => false);
  return wanted ? <SonnerToaster onMounted={toasterMounted} /> : null;
}
