import * as React from "react";

import { cn } from "@/lib/utils";

/** A placeholder block; pair a loading region with aria-busy or a Spinner so the wait is announced. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("rounded-md bg-muted motion-safe:animate-pulse", className)}
      {...props}
    />
  );
}
