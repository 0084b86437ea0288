import * as React from "react";
import { ChevronRight } from "lucide-react";

import { cn } from "@/lib/utils";

export type BreadcrumbItem = {
  label: React.ReactNode;
  /** Omit for the current page (the last item). */
  href?: string;
};

export type BreadcrumbsProps = Omit<React.ComponentProps<"nav">, "children"> & {
  items: BreadcrumbItem[];
  /** Accessible name of the nav landmark; pass a translated string. */
  label?: string;
  /** Link component for hrefs, e.g. next-intl's locale-aware `Link`; defaults to <a>. */
  linkAs?: React.ElementType<{ href: string; className?: string; children?: React.ReactNode }>;
};

export function Breadcrumbs({ items, label = "Breadcrumb", linkAs: LinkComp = "a", className, ...props }: BreadcrumbsProps) {
  return (
    <nav data-slot="breadcrumbs" aria-label={label} className={cn("text-sm", className)} {...props}>
      <ol className="flex flex-wrap items-center gap-1 text-muted-foreground">
        {items.map((item, index) => {
          const isLast = index === items.length - 1;
          return (
            <li key={index} className="inline-flex items-center gap-1">
              {item.href && !isLast ? (
                <LinkComp
                  href={item.href}
                  className="rounded-sm underline-offset-4 hover:text-foreground hover:underline"
                >
                  {item.label}
                </LinkComp>
              ) : (
                <span aria-current={isLast ? "page" : undefined} className={isLast ? "text-foreground" : undefined}>
                  {item.label}
                </span>
              )}
              {isLast ? null : <ChevronRight className="size-3.5 shrink-0" aria-hidden="true" />}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export type PageHeaderProps = Omit<React.ComponentProps<"header">, "title"> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons or menus aligned to the end of the title row. */
  actions?: React.ReactNode;
  /** A <Breadcrumbs> (or any node) shown above the title. */
  breadcrumb?: React.ReactNode;
};

/** The top of a page: the page's only h1, its description and its primary actions. */
export function PageHeader({ title, description, actions, breadcrumb, className, children, ...props }: PageHeaderProps) {
  return (
    <header data-slot="page-header" className={cn("flex flex-col gap-3 pb-5", className)} {...props}>
      {breadcrumb}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="text-2xl font-semibold leading-tight tracking-tight text-foreground">{title}</h1>
          {description ? <p className="max-w-3xl text-sm text-muted-foreground">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </header>
  );
}
