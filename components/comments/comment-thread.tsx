"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useViewerZone } from "@/components/layout/viewer-zone";
import { formatInstant } from "@/lib/format";
import { CheckCircle2, MessageSquare } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { toast } from "@/components/ui/toast";
import { CommentForm } from "@/components/comments/comment-form";
import { MarkdownHtml } from "@/components/markdown/markdown-html";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";
import { describeError } from "@/lib/trpc/errors";
import { threadView, type ThreadView } from "@/lib/comments/thread-view";
import type { CommentTarget } from "@/lib/schemas/comments";

type Target = CommentTarget;
type Comment = ThreadView["comments"][number];


/** The comment thread on an agenda item, a paper or a paragraph of a joint text. */
export function CommentThread({ target }: { target: Target }) {
  const t = useTranslations("comments");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input: Target =
    "agendaItemId" in target
      ? { agendaItemId: target.agendaItemId }
      : "paperId" in target
        ? { paperId: target.paperId }
        : { jointTextId: target.jointTextId, paragraphId: target.paragraphId };
  // A long thread opens on its most recently active comments; the rest come on request.
  const [all, setAll] = useState(false);
  const query = useQuery({ ...trpc.comment.list.queryOptions(all ? { ...input, all: true } : input), select: threadView, placeholderData: (previous) => previous });
  const create = useMutation(trpc.comment.create.mutationOptions());
  const { mutate: markSeen } = useMutation(trpc.comment.markSeen.mutationOptions());
  const inputKey = JSON.stringify(input);

  // Once a thread has been shown, the visit is recorded up to when it was fetched; the markers on
  // screen stay until the next fetch.
  const fetchedAt = query.data?.fetchedAt.getTime();
  const lastMarked = useRef<string | null>(null);
  useEffect(() => {
    if (fetchedAt === undefined) return;
    const mark = `${inputKey}@${fetchedAt}`;
    if (lastMarked.current === mark) return;
    lastMarked.current = mark;
    markSeen(
      { ...(JSON.parse(inputKey) as Target), seenAt: new Date(fetchedAt) },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries(trpc.comment.countsForSession.queryFilter());
          void queryClient.invalidateQueries(trpc.comment.countsForJointText.queryFilter());
        },
      },
    );
  }, [fetchedAt, inputKey, markSeen, queryClient, trpc]);

  const refresh = () => {
    void queryClient.invalidateQueries(trpc.comment.countsForJointText.queryFilter());
    return queryClient.invalidateQueries(trpc.comment.list.queryFilter(input));
  };

  const comments = query.data?.comments ?? [];
  const topLevel = comments.filter((c) => c.parentId === null);
  const repliesOf = (id: string) => comments.filter((c) => c.parentId === id);
  const newCount = comments.filter((c) => c.isNew).length;

  return (
    <Card aria-busy={query.isPending || undefined} data-testid="comment-thread">
      <CardHeader className="flex flex-row flex-wrap items-center gap-2">
        <CardTitle as="h2">{t("title")}</CardTitle>
        {query.data ? <span className="text-sm text-muted-foreground">{t("count", { count: query.data.total })}</span> : null}
        {newCount > 0 ? (
          <Badge variant="info" data-testid="comment-new-count">
            {t("newCount", { count: newCount })}
          </Badge>
        ) : null}
      </CardHeader>
      <CardContent className="space-y-4">
      {query.isPending ? (
        <div className="space-y-3" aria-label={t("loading")}>
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-16 w-5/6" />
        </div>
      ) : query.isError ? (
        <Alert variant="danger">
          <AlertDescription>{t("loadFailed", { message: query.error.message })}</AlertDescription>
        </Alert>
      ) : topLevel.length === 0 ? (
        <EmptyState icon={MessageSquare} title={t("empty")} description={t("emptyHint")} titleAs="p" />
      ) : (
        <>
        {query.data.earlier > 0 ? (
          <Button type="button" variant="outline" size="sm" onClick={() => setAll(true)} disabled={query.isFetching} data-testid="comment-earlier">
            {t("showEarlier", { count: query.data.earlier })}
          </Button>
        ) : null}
        <ol className="space-y-3" aria-label={t("listLabel")}>
          {topLevel.map((c) => (
            <ThreadItem
              key={c.id}
              comment={c}
              replies={repliesOf(c.id)}
              target={input}
              canComment={query.data.canComment}
              canResolve={query.data.canResolve}
              onChanged={refresh}
            />
          ))}
        </ol>
        </>
      )}

      {/* Observers read the discussion and write nothing: no comment box for them. */}
      {query.isError || !query.data?.canComment ? null : (
        <CommentForm
          id={`comment-new-${inputKey.replace(/\W/g, "")}`}
          label={t("newLabel")}
          submitLabel={t("post")}
          mentionTarget={input}
          onSubmit={async (body, mentionIds) => {
            await create.mutateAsync({ ...input, body, mentionIds });
            toast.success(t("posted"));
            await refresh();
          }}
        />
      )}
      </CardContent>
    </Card>
  );
}

type ItemProps = {
  comment: Comment;
  replies: Comment[];
  target: Target;
  canComment: boolean;
  canResolve: boolean;
  onChanged: () => Promise<void>;
};

/** A top-level comment (a thread) with its replies, reply form and the convenor's resolve button. */
function ThreadItem({ comment, replies, target, canComment, canResolve, onChanged }: ItemProps) {
  const t = useTranslations("comments");
  const zone = useViewerZone();
  const trpc = useTRPC();
  const [replying, setReplying] = useState(false);
  const create = useMutation(trpc.comment.create.mutationOptions());
  const resolve = useMutation(trpc.comment.resolve.mutationOptions());
  const reopen = useMutation(trpc.comment.reopen.mutationOptions());
  const resolved = comment.resolvedAt !== null;

  async function toggleResolved() {
    try {
      if (resolved) await reopen.mutateAsync({ commentId: comment.id });
      else await resolve.mutateAsync({ commentId: comment.id });
      toast.success(resolved ? t("reopened") : t("resolved"));
      await onChanged();
    } catch (e) {
      toast.error(describeError(e));
    }
  }

  return (
    <li
      className={cn("rounded-md border border-border bg-card", resolved && "bg-muted/40")}
      data-testid="comment-thread-item"
      data-resolved={resolved || undefined}
    >
      <CommentView comment={comment} onChanged={onChanged}>
        <div className="flex flex-wrap items-center gap-1">
          {canComment ? (
            <Button
              type="button"
              size="sm"
              variant="ghost"
              onClick={() => setReplying((r) => !r)}
              aria-expanded={replying}
              aria-label={t("replyTo", { name: comment.author.name })}
            >
              {t("reply")}
            </Button>
          ) : null}
          {canResolve ? (
            <Button type="button" size="sm" variant="outline" onClick={() => void toggleResolved()} disabled={resolve.isPending || reopen.isPending}>
              {resolved ? t("reopen") : t("resolve")}
            </Button>
          ) : null}
        </div>
      </CommentView>
      {resolved ? (
        <p className="flex items-center gap-1 border-t border-border px-3 py-1.5 text-xs text-muted-foreground" data-testid="comment-resolved">
          <CheckCircle2 className="size-3.5 text-success" aria-hidden />
          {t("resolvedBy", { name: comment.resolvedBy?.name ?? "—", at: formatInstant(comment.resolvedAt as Date, zone) })}
        </p>
      ) : null}
      {replies.length > 0 || replying ? (
        <div className="space-y-2 border-t border-border py-2 pl-6 pr-3 sm:pl-10">
          {replies.length > 0 ? (
            <ol className="space-y-2" aria-label={t("repliesLabel", { name: comment.author.name })}>
              {replies.map((r) => (
                <li key={r.id} className="rounded-md border-l-2 border-border">
                  <CommentView comment={r} onChanged={onChanged} />
                </li>
              ))}
            </ol>
          ) : null}
          {replying ? (
            <CommentForm
              id={`comment-reply-${comment.id}`}
              label={t("replyLabel", { name: comment.author.name })}
              submitLabel={t("postReply")}
              autoFocus
              onCancel={() => setReplying(false)}
              mentionTarget={target}
              onSubmit={async (body, mentionIds) => {
                await create.mutateAsync({ ...target, parentId: comment.id, body, mentionIds });
                toast.success(t("posted"));
                setReplying(false);
                await onChanged();
              }}
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** Who wrote it, as shown in the platform: party code for delegates, "Scholar, <affiliation>" for scholars. */
function useAuthorLabel(author: Comment["author"]): string | null {
  const t = useTranslations();
  if (author.role === "DELEGATE" && author.partyCode) return author.partyCode;
  if (author.role === "SCHOLAR") return author.affiliation ? t("comments.scholarAt", { affiliation: author.affiliation }) : t("roles.SCHOLAR");
  if (author.role) return t(`roles.${author.role}`);
  return null;
}

/** One comment: author, time, markers, body (or "comment withdrawn"), and the author's edit/withdraw. */
function CommentView({ comment, onChanged, children }: { comment: Comment; onChanged: () => Promise<void>; children?: ReactNode }) {
  const t = useTranslations("comments");
  const zone = useViewerZone();
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const edit = useMutation(trpc.comment.edit.mutationOptions());
  const withdraw = useMutation(trpc.comment.withdraw.mutationOptions());
  const label = useAuthorLabel(comment.author);
  const withdrawn = comment.withdrawnAt !== null;

  return (
    <article className="space-y-1.5 px-3 py-2" data-testid="comment" data-comment-id={comment.id} aria-label={t("commentBy", { name: comment.author.name })}>
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
        <span className="text-sm font-medium text-foreground">{comment.author.name}</span>
        {label ? <span data-testid="comment-author-label">{label}</span> : null}
        <time dateTime={comment.createdAt.toISOString()}>{formatInstant(comment.createdAt, zone)}</time>
        {comment.editedAt && !withdrawn ? (
          <span title={formatInstant(comment.editedAt, zone)} data-testid="comment-edited">
            ({t("edited")})
          </span>
        ) : null}
        {comment.isNew ? (
          <Badge variant="info" data-testid="comment-new">
            {t("new")}
          </Badge>
        ) : null}
      </header>
      {withdrawn ? (
        <p className="text-sm italic text-muted-foreground" data-testid="comment-withdrawn">
          {t("withdrawn")}
        </p>
      ) : editing ? (
        <CommentForm
          id={`comment-edit-${comment.id}`}
          label={t("editLabel")}
          submitLabel={t("save")}
          initialBody={comment.body ?? ""}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await edit.mutateAsync({ commentId: comment.id, version: comment.version, body });
            toast.success(t("saved"));
            setEditing(false);
            await onChanged();
          }}
        />
      ) : (
        <div data-testid="comment-body">
          <MarkdownHtml html={comment.html} />
        </div>
      )}
      {!editing ? (
        <div className="flex flex-wrap items-center gap-1">
          {children}
          {comment.canEdit && !withdrawn ? (
            <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(true)} title={t("editWindow")}>
              {t("edit")}
            </Button>
          ) : null}
          {comment.canWithdraw ? (
            <ConfirmAction
              label={t("withdraw")}
              title={t("withdrawTitle")}
              description={t("withdrawBody")}
              cancelLabel={t("cancel")}
              onConfirm={async () => {
                try {
                  await withdraw.mutateAsync({ commentId: comment.id });
                  toast.success(t("withdrawnToast"));
                  await onChanged();
                } catch (e) {
                  toast.error(describeError(e));
                }
              }}
            />
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
