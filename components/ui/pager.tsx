import Link from "next/link";
import { cn } from "@/lib/utils";

/** Previous / "page N of M" / next links for a paged list; nothing when there is one page. */
export function Pager({
  page,
  pages,
  href,
  label,
  previous,
  next,
  position,
  className,
}: {
  page: number;
  pages: number;
  /** The address of another page of the same list. */
  href: (page: number) => string;
  label: string;
  previous: string;
  next: string;
  position: string;
  className?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className={cn("flex items-center justify-between gap-2 text-sm", className)}>
      {page > 1 ? <Link href={href(page - 1)} className="hover:underline">{previous}</Link> : <span />}
      <span className="text-muted-foreground">{position}</span>
      {page < pages ? <Link href={href(page + 1)} className="hover:underline">{next}</Link> : <span />}
    </nav>
  );
}
