"use client";

import { cn } from "@/lib/utils";

/** A small set of mutually exclusive views (Write | Preview, Inline | Side by side) as a radio group. */
export function SegmentedControl<T extends string>({
  options,
  value,
  onChange,
  label,
  labelOf,
}: {
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: string;
  labelOf: (value: T) => string;
}) {
  return (
    <div role="radiogroup" aria-label={label} className="inline-flex rounded-md border border-border p-0.5 text-xs">
      {options.map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={value === option}
          onClick={() => onChange(option)}
          className={cn(
            "rounded px-2 py-1 focus-visible:outline-2 focus-visible:outline-ring",
            value === option ? "bg-accent font-medium text-foreground" : "text-muted-foreground",
          )}
        >
          {labelOf(option)}
        </button>
      ))}
    </div>
  );
}
