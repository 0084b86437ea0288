import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

/** The text's release: amber while it is the chair's draft. */
export function JointTextReleaseBadge({ release, label }: { release: "DRAFT" | "GOVERNMENTS" | "ALL_PARTICIPANTS"; label: string }) {
  return (
    <Badge variant={release === "DRAFT" ? "warning" : release === "GOVERNMENTS" ? "info" : "success"} data-testid="joint-text-release">
      {label}
    </Badge>
  );
}

/** A party code holding a bracket: small, monospace, so a row of them reads at a glance. */
export function HolderBadge({ code, className }: { code: string; className?: string }) {
  return (
    <span
      className={cn("inline-flex items-center rounded border border-danger/40 bg-danger/10 px-1 font-mono text-[0.65rem] leading-4 font-semibold text-danger", className)}
      data-testid="holder-badge"
    >
      {code}
    </span>
  );
}

/** 0.875 → "88%"; exact 0 and 1 only when they are. */
export function percent(share: number): string {
  if (share >= 1) return "100%";
  const p = Math.round(share * 100);
  return `${Math.min(p, 99)}%`;
}
