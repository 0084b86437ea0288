import { Badge } from "@/components/ui/badge";

/** The release level, amber while the paper is still the party's own draft. */
export function PaperReleaseBadge({ level, label }: { level: "PARTY" | "GOVERNMENTS" | "ALL_PARTICIPANTS"; label: string }) {
  return <Badge variant={level === "PARTY" ? "warning" : level === "GOVERNMENTS" ? "info" : "success"}>{label}</Badge>;
}

export function WithdrawnBadge({ label, className }: { label: string; className?: string }) {
  return (
    <Badge variant="danger" className={className} data-testid="withdrawn-badge">
      {label}
    </Badge>
  );
}
