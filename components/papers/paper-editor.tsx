"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useViewerZone } from "@/components/layout/viewer-zone";
import { formatClock } from "@/lib/format";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { toast } from "@/components/ui/toast";
import { LocalTime } from "@/components/papers/local-time";
import { ConflictPanel } from "@/components/revisions/lazy";
import { MarkdownEditor } from "@/components/revisions/markdown-editor";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/lib/trpc/client";
import { describeError, errorCode, fieldErrorsOf } from "@/lib/trpc/errors";

export type PaperEditorProps = {
  paperId: string;
  /** The paper's current version: the number of its latest revision. */
  version: number;
  latest: { title: string; body: string };
  /** The viewer's autosaved working copy, restored in place of the latest text. */
  draft: { title: string; body: string; baseVersion: number; savedAt: Date } | null;
};

const AUTOSAVE_MS = 2000;

type Conflict = { title: string; body: string; number: number; author: string };


/**
 * Edits a paper: title and Markdown body with a live preview. The working copy is autosaved (about
 * two seconds after typing stops) for this person only; Save writes a revision from the version the
 * text started from. If someone saved in between, the save is refused and both texts are shown.
 */
export function PaperEditor({ paperId, version, latest, draft }: PaperEditorProps) {
  const t = useTranslations("papers.editor");
  const zone = useViewerZone();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();

  const [title, setTitle] = useState(draft?.title ?? latest.title);
  const [body, setBody] = useState(draft?.body ?? latest.body);
  const [baseVersion, setBaseVersion] = useState(draft?.baseVersion ?? version);
  const [restoredAt, setRestoredAt] = useState<Date | null>(draft?.savedAt ?? null);
  const [draftSavedAt, setDraftSavedAt] = useState<Date | null>(null);
  const [titleError, setTitleError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [savedNumber, setSavedNumber] = useState<number | null>(null);
  // What the server holds as the last saved or autosaved text; autosave only when the text differs.
  const [persisted, setPersisted] = useState({ title: draft?.title ?? latest.title, body: draft?.body ?? latest.body });
  const dirty = title !== persisted.title || body !== persisted.body;

  const saveDraft = useMutation(trpc.paper.saveDraft.mutationOptions());
  const discardDraft = useMutation(trpc.paper.discardDraft.mutationOptions());
  const save = useMutation(trpc.paper.save.mutationOptions());

  // Autosave, debounced.
  const saveDraftAsync = saveDraft.mutateAsync;
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => {
      const snapshot = { title, body };
      saveDraftAsync({ paperId, baseVersion, ...snapshot })
        .then((d) => {
          setPersisted(snapshot);
          setDraftSavedAt(d.savedAt);
        })
        .catch(() => setDraftSavedAt(null));
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [title, body, baseVersion, dirty, paperId, saveDraftAsync]);

  // Warn before leaving with text the server does not have yet.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const loadTheirs = useCallback(async (): Promise<{ version: number; theirs: Conflict } | null> => {
    const fresh = await queryClient.fetchQuery({ ...trpc.paper.get.queryOptions({ paperId }), staleTime: 0 });
    if (!fresh.latest) return null;
    return {
      version: fresh.version,
      theirs: { title: fresh.latest.title, body: fresh.latest.body, number: fresh.latest.number, author: fresh.latest.author.name },
    };
  }, [queryClient, trpc, paperId]);

  async function doSave(version: number) {
    setFormError(null);
    // zod loads with the first save, not with the page.
    const { paperTextSchema } = await import("@/lib/schemas/papers");
    const parsed = paperTextSchema.safeParse({ title, body });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      if (issue?.path[0] === "title") setTitleError(issue.message);
      else setFormError(issue?.message ?? t("invalid"));
      return;
    }
    setTitleError(undefined);
    try {
      const result = await save.mutateAsync({ paperId, version, ...parsed.data });
      setPersisted({ title, body });
      setBaseVersion(result.version);
      setConflict(null);
      setRestoredAt(null);
      setDraftSavedAt(null);
      setSavedNumber(result.version);
      toast.success(t("saved", { number: result.version }));
      await queryClient.invalidateQueries({ queryKey: trpc.paper.pathKey() });
      router.refresh();
    } catch (error) {
      if (errorCode(error) === "CONFLICT") {
        const fresh = await loadTheirs().catch(() => null);
        if (fresh) {
          // The next save starts from their version; what was typed stays in the editor.
          setBaseVersion(fresh.version);
          setConflict(fresh.theirs);
          return;
        }
      }
      const fieldErrors = fieldErrorsOf(error);
      if (fieldErrors.title?.[0]) setTitleError(fieldErrors.title[0]);
      setFormError(describeError(error));
    }
  }

  async function discard() {
    await discardDraft.mutateAsync({ paperId });
    const fresh = await loadTheirs();
    const theirs = fresh?.theirs ?? { title: latest.title, body: latest.body };
    setPersisted({ title: theirs.title, body: theirs.body });
    setTitle(theirs.title);
    setBody(theirs.body);
    setBaseVersion(fresh?.version ?? version);
    setRestoredAt(null);
    setDraftSavedAt(null);
    setConflict(null);
    toast.success(t("discarded"));
  }

  const status = save.isPending
    ? t("saving")
    : saveDraft.isPending
      ? t("autosaving")
      : dirty
        ? t("unsaved")
        : draftSavedAt
          ? t("draftSavedAt", { time: formatClock(draftSavedAt, zone) })
          : null;

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void doSave(baseVersion);
      }}
      aria-describedby="paper-editor-status"
    >
      {restoredAt ? (
        <Alert variant="info" data-testid="draft-restored">
          <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {t.rich("restored", { time: () => <LocalTime date={restoredAt} /> })}
            </span>
            <Button type="button" size="sm" variant="outline" onClick={() => void discard()} disabled={discardDraft.isPending}>
              {t("discard")}
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}

      {conflict ? (
        <ConflictPanel
          theirs={{ title: conflict.title, body: conflict.body, label: t("theirsLabel", { number: conflict.number, author: conflict.author }) }}
          mine={{ title, body, label: t("mineLabel") }}
          onUseTheirs={() => {
            setTitle(conflict.title);
            setBody(conflict.body);
            setConflict(null);
          }}
          onKeepMine={() => void doSave(baseVersion)}
          onDismiss={() => setConflict(null)}
        />
      ) : null}

      {savedNumber && !conflict ? (
        <Alert variant="success">
          <AlertDescription>
            {t("savedAs", { number: savedNumber })}{" "}
            <Link href={`/papers/${paperId}`} className="underline">
              {t("viewPaper")}
            </Link>
          </AlertDescription>
        </Alert>
      ) : null}

      <FormField id="paper-title" label={t("title")} error={titleError} required>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoComplete="off" />
      </FormField>

      <MarkdownEditor id="paper-body" label={t("body")} value={body} onChange={setBody} rows={18} initialMode="split" />

      {formError ? (
        <Alert variant="danger">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {t("save")}
        </Button>
        <Button asChild variant="outline">
          <Link href={`/papers/${paperId}`}>{t("close")}</Link>
        </Button>
        {restoredAt || draftSavedAt ? (
          <Button type="button" variant="ghost" onClick={() => void discard()} disabled={discardDraft.isPending}>
            {t("discard")}
          </Button>
        ) : null}
        <p id="paper-editor-status" role="status" aria-live="polite" className="text-xs text-muted-foreground" data-testid="editor-status">
          {status ?? t("basedOn", { number: baseVersion })}
        </p>
      </div>
    </form>
  );
}
