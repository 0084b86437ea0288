import * as React from "react";
import { Info } from "lucide-react";

import { cn } from "@/lib/utils";

export type IllustrativeBannerProps = React.ComponentProps<"div">;

/**
 * A slim full-width strip marking demo content as illustrative. Not a live region:
 * it is present from the first paint and should not interrupt a screen reader.
 */
export function IllustrativeBanner({
  className,
  children = "Illustrative demo data — not the position of any government.",
  ...props
}: IllustrativeBannerProps) {
  return (
    <div
      data-slot="illustrative-banner"
      role="note"
      className={cn(
        "flex items-center justify-center gap-2 border-b border-warning-border bg-warning-subtle px-4 py-1.5 text-center text-xs font-medium text-warning-subtle-foreground",
        className,
      )}
      {...props}
    >
      <Info className="size-3.5 shrink-0" aria-hidden="true" />
      <span>{children}</span>
    </div>
  );
}
