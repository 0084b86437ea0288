import * as React from "react";
import type { LucideIcon } from "lucide-react";

import { cn } from "@/lib/utils";

export type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** A lucide icon component (e.g. `Inbox`), or any decorative node. */
  icon?: LucideIcon | React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Usually a Button; what the user can do next. */
  action?: React.ReactNode;
  /** Heading element for the title, to fit the page outline; defaults to h3. */
  titleAs?: "h2" | "h3" | "h4" | "p";
};

function isComponent(icon: unknown): icon is LucideIcon {
  return (
    typeof icon === "function" ||
    (typeof icon === "object" && icon !== null && "$$typeof" in icon && "render" in icon)
  );
}

export function EmptyState({
  icon,
  title,
  description,
  action,
  titleAs: Title = "h3",
  className,
  ...props
}: EmptyStateProps) {
  let iconNode: React.ReactNode = null;
  if (isComponent(icon)) {
    const Icon = icon;
    iconNode = <Icon className="size-5" aria-hidden="true" />;
  } else if (icon) {
    iconNode = icon;
  }

  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-border px-6 py-10 text-center",
        className,
      )}
      {...props}
    >
      {iconNode ? (
        <div
          className="mb-1 flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground"
          aria-hidden="true"
        >
          {iconNode}
        </div>
      ) : null}
      <Title className="text-sm font-semibold text-foreground">{title}</Title>
      {description ? <p className="max-w-md text-sm text-muted-foreground">{description}</p> : null}
      {action ? <div className="mt-2 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}
