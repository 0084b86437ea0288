import * as React from "react";
import { LoaderCircle } from "lucide-react";

import { cn } from "@/lib/utils";

const sizes = {
  sm: "size-3.5",
  default: "size-4",
  lg: "size-6",
} as const;

export type SpinnerProps = Omit<React.ComponentProps<"span">, "children"> & {
  size?: keyof typeof sizes;
  /**
   * Text announced to screen readers (pass a translated string). Set to null when the
   * spinner sits next to visible text that already says what is happening.
   */
  label?: string | null;
};

export function Spinner({ className, size = "default", label = "Loading", ...props }: SpinnerProps) {
  const announced = label !== null && label !== "";
  return (
    <span
      data-slot="spinner"
      role={announced ? "status" : undefined}
      aria-hidden={announced ? undefined : true}
      className={cn("inline-flex items-center justify-center text-current", className)}
      {...props}
    >
      <LoaderCircle className={cn("animate-spin", sizes[size])} aria-hidden="true" />
      {announced ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
