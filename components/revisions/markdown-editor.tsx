"use client";

import dynamic from "next/dynamic";
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";

// The Markdown renderer loads with the first preview of text the server has not rendered: writing needs
// only the text area, and a preview of the saved text comes rendered from the server (`rendered`).
const loadMarkdown = () => import("@/components/markdown/markdown").then((m) => m.Markdown);
const Markdown = dynamic(loadMarkdown);

type Mode = "write" | "preview" | "split";

/**
 * A Markdown text area with a live preview (Write / Preview / Split). The preview is rendered only
 * through components/markdown/markdown.tsx, so what the author sees is what readers get.
 */
export function MarkdownEditor({
  id,
  value,
  onChange,
  label,
  description,
  rows = 16,
  disabled,
  invalid,
  errorId,
  initialMode = "write",
  rendered,
  className,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  label: string;
  description?: string;
  rows?: number;
  disabled?: boolean;
  invalid?: boolean;
  /** id of an element describing the error, for aria-describedby. */
  errorId?: string;
  initialMode?: Mode;
  /** The server's rendering of `source` (a server component's <Markdown>): the preview while the text is still that. */
  rendered?: { source: string; node: ReactNode };
  className?: string;
}) {
  const t = useTranslations("markdownEditor");
  const [mode, setMode] = useState<Mode>(initialMode);
  const descriptionId = description ? `${id}-description` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cn("space-y-1.5", className)} data-testid="markdown-editor">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <SegmentedControl options={["write", "preview", "split"] as const} value={mode} onChange={setMode} label={t("mode")} labelOf={(m) => t(m)} />
      </div>
      {description ? (
        <p id={descriptionId} className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      <div className={cn("gap-3", mode === "split" && "grid md:grid-cols-2")}>
        <Textarea
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onFocus={() => void loadMarkdown()}
          rows={rows}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          spellCheck
          className={cn("font-mono text-[0.8125rem]", mode === "preview" && "hidden")}
        />
        {mode !== "write" ? (
          <div
            id={`${id}-preview`}
            aria-label={t("previewLabel", { label })}
            role="region"
            aria-live="polite"
            data-testid="markdown-preview"
            className="min-h-16 overflow-auto rounded-md border border-border bg-card p-3"
          >
            {rendered && value === rendered.source && value.trim() ? (
              rendered.node
            ) : value.trim() ? (
              <Markdown>{value}</Markdown>
            ) : (
              <p className="text-sm text-muted-foreground">{t("nothingToPreview")}</p>
            )}
          </div>
        ) : null}
      </div>
      <p className="text-xs text-muted-foreground">{t("hint")}</p>
    </div>
  );
}
