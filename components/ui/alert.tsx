import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { CircleAlert, CircleCheck, Info, TriangleAlert, type LucideIcon } from "lucide-react";

import { cn } from "@/lib/utils";

export const alertVariants = cva(
  "flex w-full items-start gap-3 rounded-lg border px-4 py-3 text-sm",
  {
    variants: {
      variant: {
        info: "border-info-border bg-info-subtle text-info-subtle-foreground",
        success: "border-success-border bg-success-subtle text-success-subtle-foreground",
        warning: "border-warning-border bg-warning-subtle text-warning-subtle-foreground",
        danger: "border-danger-border bg-danger-subtle text-danger-subtle-foreground",
      },
    },
    defaultVariants: {
      variant: "info",
    },
  },
);

const defaultIcons: Record<NonNullable<VariantProps<typeof alertVariants>["variant"]>, LucideIcon> = {
  info: Info,
  success: CircleCheck,
  warning: TriangleAlert,
  danger: CircleAlert,
};

export type AlertProps = React.ComponentProps<"div"> &
  VariantProps<typeof alertVariants> & {
    /** Replace the variant's icon, or pass null for none. */
    icon?: LucideIcon | null;
  };

/**
 * A message in the page flow. Danger alerts default to role="alert" (announced at once);
 * the others to role="status" (announced politely when they appear). Override with `role`.
 */
export function Alert({ className, variant, icon, role, children, ...props }: AlertProps) {
  const resolved = variant ?? "info";
  const Icon = icon === undefined ? defaultIcons[resolved] : icon;
  return (
    <div
      data-slot="alert"
      data-variant={resolved}
      role={role ?? (resolved === "danger" ? "alert" : "status")}
      className={cn(alertVariants({ variant: resolved }), className)}
      {...props}
    >
      {Icon ? <Icon data-slot="alert-icon" className="mt-0.5 size-4 shrink-0" aria-hidden="true" /> : null}
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">{children}</div>
    </div>
  );
}

export function AlertTitle({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div data-slot="alert-title" className={cn("font-semibold leading-5", className)} {...props} />
  );
}

export function AlertDescription({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn("leading-5 [&_p:not(:last-child)]:mb-1", className)}
      {...props}
    />
  );
}
