"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * A thin bar at the top of the window from a click on an in-app link until the new page is shown,
 * so a slow navigation is never silent. It follows the address: the bar is on while the address
 * is still the one the click left from.
 */
export function NavigationProgress({ label }: { label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = `${pathname}?${search}`;
  const [leaving, setLeaving] = useState<string | null>(null);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a");
      if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname.startsWith("/api/")) return;
      const from = `${window.location.pathname}?${new URLSearchParams(window.location.search).toString()}`;
      if (`${url.pathname}?${url.searchParams.toString()}` === from) return;
      setLeaving(from);
    };
    // In the capture phase: Next's Link prevents the default on the way back up, before a bubbling
    // listener on the document would see the click.
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);

  if (leaving === null || leaving !== here) return null;
  return (
    <div role="progressbar" aria-label={label} data-testid="navigation-progress" className="fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden bg-primary/20">
      <div className="h-full w-1/3 bg-primary motion-safe:animate-navigation-progress" />
    </div>
  );
}
