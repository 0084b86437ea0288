import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { STATUS_LETTER, type TrackerStatus } from "@/lib/schemas/tracker";
import { cn } from "@/lib/utils";

export const STATUS_VARIANT: Record<TrackerStatus, NonNullable<BadgeProps["variant"]>> = {
  INCOMPLETE: "outline",
  BLOCKED: "danger",
  CONVERGED: "success",
  NARROWING: "info",
  WIDENING: "warning",
  STEADY: "neutral",
};

/** Heatmap cell classes: the same meaning as the badges, with the letter always shown. */
export const STATUS_CELL: Record<TrackerStatus, string> = {
  INCOMPLETE: "bg-background text-muted-foreground border-dashed border-border",
  BLOCKED: "bg-danger-subtle text-danger-subtle-foreground border-danger-border",
  CONVERGED: "bg-success-subtle text-success-subtle-foreground border-success-border",
  NARROWING: "bg-info-subtle text-info-subtle-foreground border-info-border",
  WIDENING: "bg-warning-subtle text-warning-subtle-foreground border-warning-border",
  STEADY: "bg-muted text-muted-foreground border-border",
};

/** A convergence status as text (colour only reinforces it). */
export function TrackerStatusBadge({ status, className }: { status: TrackerStatus; className?: string }) {
  const t = useTranslations("trackerStatus");
  return (
    <Badge variant={STATUS_VARIANT[status]} className={cn(className)} data-status={status}>
      <span aria-hidden className="font-mono">{STATUS_LETTER[status]}</span>
      {t(status)}
    </Badge>
  );
}
