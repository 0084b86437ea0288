"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useMemo, useState, type ReactNode } from "react";
import { toast } from "@/components/ui/toast";
import { ChathamWarning } from "@/components/minutes/chatham-warning";
import { formatInstant } from "@/lib/format";
import { MinutesHistory } from "@/components/minutes/minutes-history";
import { ConflictPanel } from "@/components/revisions/lazy";
import { MarkdownEditor } from "@/components/revisions/markdown-editor";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { findNameMentions, type MemberName } from "@/lib/name-mentions";
import { useTRPC } from "@/lib/trpc/client";
import { describeError, errorCode } from "@/lib/trpc/errors";
import type { RouterOutputs } from "@/lib/trpc/types";

type MinutesView = NonNullable<RouterOutputs["minutes"]["get"]>;

type Saved = { body: string; version: number; revisionNumber: number; updatedAt: Date; authorName: string };
type Theirs = { body: string; version: number; revisionNumber: number; authorName: string };



/**
 * The convenors' minutes editor: Markdown with a live preview, a save that keeps a revision each
 * time, one-way release, the history with comparisons, the Chatham House name warning, and the
 * conflict panel when someone else saved first (nothing typed is lost: the text stays in the editor).
 */
export function MinutesEditor({
  sessionId,
  timeZone,
  initial,
  chathamHouse,
  members,
  viewerName,
  renderedBody,
  currentItem,
}: {
  sessionId: string;
  timeZone: string;
  initial: MinutesView | null;
  chathamHouse: boolean;
  members: MemberName[];
  viewerName: string;
  /** The saved minutes rendered by the server: the preview shows it until the text is edited. */
  renderedBody?: ReactNode;
  /** The item the convenor marked "now under discussion", offered as the next heading. */
  currentItem?: { position: number; title: string } | null;
}) {
  const t = useTranslations("minutes");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(initial?.body ?? "");
  const [saved, setSaved] = useState<Saved | null>(
    initial
      ? { body: initial.body, version: initial.version, revisionNumber: initial.revisionNumber, updatedAt: initial.updatedAt, authorName: initial.authorName }
      : null,
  );
  const [releasedAt, setReleasedAt] = useState<Date | null>(initial?.releasedAt ?? null);
  /** The version the next save carries: the latest revision this editor has seen. */
  const [baseVersion, setBaseVersion] = useState(initial?.version ?? 0);
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  const [error, setError] = useState("");

  const deferredBody = useDeferredValue(body);
  const mentions = useMemo(() => (chathamHouse ? findNameMentions(deferredBody, members) : []), [chathamHouse, deferredBody, members]);
  const dirty = body !== (saved?.body ?? "");

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const refreshHistory = () => queryClient.invalidateQueries(trpc.minutes.revisions.queryFilter({ sessionId }));

  /** Someone saved in between: load their text; the next save goes on top of it. */
  async function loadTheirs() {
    const latest = await queryClient.fetchQuery({ ...trpc.minutes.get.queryOptions({ sessionId }), staleTime: 0 });
    if (!latest) return;
    setTheirs({ body: latest.body, version: latest.version, revisionNumber: latest.revisionNumber, authorName: latest.authorName });
    setSaved({ body: latest.body, version: latest.version, revisionNumber: latest.revisionNumber, updatedAt: latest.updatedAt, authorName: latest.authorName });
    setReleasedAt(latest.releasedAt);
    setBaseVersion(latest.version);
    toast.warning(t("conflictToast"));
    void refreshHistory();
  }

  const save = useMutation(
    trpc.minutes.save.mutationOptions({
      onSuccess: (result, input) => {
        setSaved({ body: input.body, version: result.version, revisionNumber: result.revisionNumber, updatedAt: result.updatedAt, authorName: viewerName });
        setBaseVersion(result.version);
        setReleasedAt(result.releasedAt);
        setTheirs(null);
        setError("");
        toast.success(t("saved", { number: result.revisionNumber }));
        if (result.mentions && result.mentions.length > 0) {
          toast.warning(t("chatham.savedWarning", { names: result.mentions.map((m) => m.name).join(", ") }));
        }
        void refreshHistory();
        router.refresh();
      },
      onError: async (e) => {
        if (errorCode(e) === "CONFLICT") {
          setError("");
          await loadTheirs();
        } else {
          setError(describeError(e));
        }
      },
    }),
  );

  const release = useMutation(
    trpc.minutes.release.mutationOptions({
      onSuccess: (result) => {
        setReleasedAt(result.releasedAt);
        toast.success(t("releasedToast"));
        void refreshHistory();
        router.refresh();
      },
      onError: async (e) => {
        if (errorCode(e) === "CONFLICT") await loadTheirs();
        else toast.error(describeError(e));
      },
    }),
  );

  async function submit(text = body) {
    // zod loads with the first save, not with the page.
    const { minutesBody } = await import("@/lib/schemas/minutes");
    const parsed = minutesBody.safeParse(text);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "");
      return;
    }
    setError("");
    save.mutate({ sessionId, body: text, version: baseVersion });
  }

  const updatedAfterRelease = releasedAt !== null && saved !== null && saved.updatedAt > releasedAt;

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="minutes-status">
          {saved ? (
            <span className="text-muted-foreground">
              {t("revisionMetaBy", { number: saved.revisionNumber, date: formatInstant(saved.updatedAt, timeZone), author: saved.authorName })}
            </span>
          ) : null}
          {releasedAt ? (
            <Badge variant="success">{t("released", { date: formatInstant(releasedAt, timeZone) })}</Badge>
          ) : (
            <Badge variant="warning">{t("notReleased")}</Badge>
          )}
          {updatedAfterRelease ? <Badge variant="info">{t("updatedAfterRelease")}</Badge> : null}
        </div>
        {!releasedAt ? <p className="text-xs text-muted-foreground">{t("notReleasedHint")}</p> : null}
        {!saved ? <p className="text-sm text-muted-foreground">{t("startHint")}</p> : null}

        {theirs ? (
          <ConflictPanel
            theirs={{ body: theirs.body, label: t("theirsLabel", { number: theirs.revisionNumber, author: theirs.authorName }) }}
            mine={{ body }}
            onKeepMine={() => void submit(body)}
            onUseTheirs={() => {
              setBody(theirs.body);
              setTheirs(null);
            }}
            onDismiss={() => setTheirs(null)}
          />
        ) : null}

        <Card>
          <CardContent className="space-y-3 pt-5">
            {/* Above the text, so it stays in view while typing. */}
            {chathamHouse ? <ChathamWarning mentions={mentions} /> : null}
            {currentItem ? (
              <CurrentItemPrompt
                item={currentItem}
                onInsert={(heading) => setBody((b) => `${b.trimEnd()}${b.trim() ? "\n\n" : ""}${heading}\n\n`)}
              />
            ) : null}
            <MarkdownEditor
              id="minutes-body"
              label={t("editorLabel")}
              description={t("editorDescription")}
              value={body}
              onChange={(v) => {
                setBody(v);
                if (error) setError("");
              }}
              rows={20}
              initialMode="split"
              rendered={initial && renderedBody ? { source: initial.body, node: renderedBody } : undefined}
              invalid={error !== ""}
              errorId={error ? "minutes-body-error" : undefined}
            />
            {error ? (
              <p id="minutes-body-error" role="alert" className="text-sm text-danger">
                {error}
              </p>
            ) : null}
            <div className="flex flex-wrap items-center gap-2">
              <Button type="button" onClick={() => void submit()} disabled={save.isPending || !dirty}>
                {save.isPending ? t("saving") : t("save")}
              </Button>
              {saved && !releasedAt && !dirty ? (
                <ConfirmAction
                  label={t("release")}
                  title={t("releaseTitle")}
                  description={t("releaseBody", { number: saved.revisionNumber })}
                  cancelLabel={t("cancel")}
                  onConfirm={() => release.mutateAsync({ sessionId, version: baseVersion }).then(() => undefined, () => undefined)}
                />
              ) : null}
              <span className="text-xs text-muted-foreground" aria-live="polite">
                {dirty ? t("unsaved") : saved ? t("allSaved") : ""}
                {saved && !releasedAt && dirty ? ` · ${t("releaseDirty")}` : ""}
              </span>
            </div>
          </CardContent>
        </Card>
      </div>
      <div>
        <MinutesHistory sessionId={sessionId} timeZone={timeZone} />
      </div>
    </div>
  );
}

/** "Now under discussion: 3. Title", with a button that starts its section in the minutes. */
function CurrentItemPrompt({ item, onInsert }: { item: { position: number; title: string }; onInsert: (heading: string) => void }) {
  const t = useTranslations("live");
  const label = `${item.position}. ${item.title}`;
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-border bg-muted/40 px-3 py-2 text-sm" data-testid="minutes-current-item">
      <span className="font-medium">{t("nowDiscussing")}</span>
      <span>{label}</span>
      <Button type="button" size="sm" variant="outline" className="ml-auto h-7 px-2 text-xs" aria-label={t("insertHeadingLabel", { title: item.title })} onClick={() => onInsert(`## ${label}`)}>
        {t("insertHeading")}
      </Button>
    </div>
  );
}
