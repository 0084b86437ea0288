"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/lib/trpc/client";
import { describeError, errorCode } from "@/lib/trpc/errors";

/** A change that lost to someone else's: the text it started from, to compare with theirs. */
export type Conflict = { baseNotation: string; baseRevision: number; message: string };

/**
 * Runs a change to a joint text: toasts the outcome, reloads the text everywhere on the page, and on
 * CONFLICT keeps the text the change started from, so the page can show both versions.
 */
export function useTextChange(base: { notation: string; currentRevision: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(change: () => Promise<unknown>, done?: string): Promise<boolean> {
    setBusy(true);
    const started = { baseNotation: base.notation, baseRevision: base.currentRevision };
    try {
      await change();
      if (done) toast.success(done);
      setConflict(null);
      return true;
    } catch (error) {
      if (errorCode(error) === "CONFLICT") setConflict({ ...started, message: describeError(error) });
      else toast.error(describeError(error));
      return false;
    } finally {
      await queryClient.invalidateQueries({ queryKey: trpc.jointText.pathKey() });
      router.refresh();
      setBusy(false);
    }
  }
  return { run, busy, conflict, dismissConflict: () => setConflict(null) };
}
