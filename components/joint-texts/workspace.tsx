"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { Bracket, BracketDialog, type BracketActions, type BracketData } from "@/components/joint-texts/bracket";
import { HolderBadge, percent } from "@/components/joint-texts/badges";
import { JointTextHistory, Trend } from "@/components/joint-texts/history";
import { ParagraphComments, ParagraphCommentsToggle } from "@/components/joint-texts/paragraph-comments";
import { useTextChange } from "@/components/joint-texts/use-text-change";
import { Markdown } from "@/components/markdown/markdown";
import { RevisionDiff } from "@/components/revisions/lazy";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { controlClassName } from "@/components/ui/input";
import { JOINT_TEXT_RELEASES, jointTextReleaseRank, type JointTextReleaseName } from "@/lib/schemas/joint-texts";
import { useTRPC } from "@/lib/trpc/client";
import { joinNotation, paragraphTemplate } from "@/lib/joint-text/notation";

type View = "negotiating" | "clean" | "party" | "history";
type Selection = { paragraphId: string; segmentIndex: number; start: number; end: number; text: string };

/** The selected words when they lie inside one plain-text segment of the negotiating view. */
function readSelection(): Selection | null {
  const sel = typeof window === "undefined" ? null : window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const host = (node: Node | null) => (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>("[data-segment]");
  const a = host(range.startContainer);
  if (!a || a !== host(range.endContainer) || range.startContainer !== range.endContainer) return null;
  const start = Math.min(range.startOffset, range.endOffset);
  const end = Math.max(range.startOffset, range.endOffset);
  const text = (range.startContainer.textContent ?? "").slice(start, end);
  if (text.trim() === "") return null;
  return { paragraphId: a.dataset.paragraph!, segmentIndex: Number(a.dataset.segment), start, end, text };
}

/** The joint text page's working area: the views, the chair's and the party's controls, figures. */
export function JointTextWorkspace({ textId }: { textId: string }) {
  const t = useTranslations("jointTexts");
  const trpc = useTRPC();
  const query = useQuery(trpc.jointText.get.queryOptions({ textId }));
  const commentCounts = useQuery(trpc.comment.countsForJointText.queryOptions({ jointTextId: textId }));
  const [commentsOpen, setCommentsOpen] = useState<string | null>(null);
  const [view, setView] = useState<View>("negotiating");
  const [selection, setSelection] = useState<Selection | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [newParagraph, setNewParagraph] = useState("");
  const [alternatives, setAlternatives] = useState("");
  const [release, setRelease] = useState<JointTextReleaseName | "">("");
  const [openBracket, setOpenBracket] = useState<string | null>(null);
  const data = query.data;
  // The whole text in the notation, from the paragraphs' own (the server sends each once).
  const notation = useMemo(() => (data ? joinNotation(data.paragraphs.map((p) => p.notation), data.footnotes) : ""), [data]);
  const change = useTextChange({ notation, currentRevision: data?.currentRevision ?? 1 });

  const edit = useMutation(trpc.jointText.edit.mutationOptions());
  const table = useMutation(trpc.jointText.table.mutationOptions());
  const raise = useMutation(trpc.jointText.raiseRelease.mutationOptions());
  const hold = useMutation(trpc.jointText.setHold.mutationOptions());
  const propose = useMutation(trpc.jointText.propose.mutationOptions());
  const tableProposal = useMutation(trpc.jointText.tableProposal.mutationOptions());
  const withdraw = useMutation(trpc.jointText.withdrawProposal.mutationOptions());

  useEffect(() => {
    const onChange = () => setSelection(readSelection());
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, []);

  if (query.isPending) return <Skeleton className="h-64 w-full" />;
  if (query.isError || !data) {
    return (
      <Alert variant="danger">
        <AlertDescription>{query.error?.message}</AlertDescription>
      </Alert>
    );
  }

  const version = data.version;
  type Op = Parameters<typeof edit.mutateAsync>[0]["operation"];
  const chairEdit = (operation: Op, done?: string) => change.run(() => edit.mutateAsync({ textId, version, operation }), done);
  const canSelect = data.canChair || data.canNegotiate;
  const higher = JOINT_TEXT_RELEASES.filter((r) => jointTextReleaseRank(r) > jointTextReleaseRank(data.release));
  const target = release && higher.includes(release) ? release : higher[0];

  const actionsFor = (bracket: Pick<BracketData, "id">): BracketActions => ({
    chair: data.canChair,
    party: data.canNegotiate ? (data.party?.code ?? null) : null,
    accept: (optionId) => chairEdit({ op: "acceptOption", bracketId: bracket.id, optionId }, t("accepted")),
    addOption: (text) => chairEdit({ op: "addOption", bracketId: bracket.id, text }, t("optionAdded")),
    removeOption: (optionId) => chairEdit({ op: "removeOption", bracketId: bracket.id, optionId }),
    setHold: (held) => change.run(() => hold.mutateAsync({ textId, version, bracketId: bracket.id, held }), held ? t("holdPlaced") : t("holdLifted")),
    proposeOption: (text) => change.run(() => propose.mutateAsync({ textId, payload: { kind: "OPTION", bracketId: bracket.id, text }, note: "" }), t("proposalDrafted")),
  });

  async function bracketSelection() {
    if (!selection) return;
    const alts = alternatives.split("\n").map((a) => a.trim()).filter((a, i, all) => a !== "" && all.indexOf(a) === i);
    const span = { paragraphId: selection.paragraphId, segmentIndex: selection.segmentIndex, start: selection.start, end: selection.end };
    const ok = data!.canChair
      ? await chairEdit({ op: "bracketSpan", ...span, alternatives: alts }, t("bracketed"))
      : await change.run(() => propose.mutateAsync({ textId, payload: { kind: "BRACKET", ...span, alternatives: alts }, note: "" }), t("proposalDrafted"));
    if (ok) {
      setAlternatives("");
      setSelection(null);
      window.getSelection()?.removeAllRanges();
    }
  }

  let bracketNo = 0;
  const openIndex = data.brackets.findIndex((b) => b.id === openBracket);
  const opened = openIndex >= 0 ? data.brackets[openIndex]! : null;
  const views: View[] = data.party ? ["negotiating", "clean", "party", "history"] : ["negotiating", "clean", "history"];

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-4 lg:col-span-2">
        {change.conflict ? (
          <Alert variant="warning" data-testid="joint-text-conflict">
            <AlertTitle>{t("conflictTitle")}</AlertTitle>
            <AlertDescription className="space-y-2">
              <p>{change.conflict.message}</p>
              <RevisionDiff
                before={change.conflict.baseNotation}
                after={notation}
                beforeLabel={t("conflictYours", { n: change.conflict.baseRevision })}
                afterLabel={t("conflictTheirs", { n: data.currentRevision })}
              />
              <Button size="sm" variant="outline" onClick={change.dismissConflict}>
                {t("conflictDismiss")}
              </Button>
            </AlertDescription>
          </Alert>
        ) : null}

        <BracketDialog
          bracket={opened}
          number={openIndex + 1}
          actions={actionsFor({ id: opened?.id ?? openBracket ?? "" })}
          onClose={() => setOpenBracket(null)}
        />
        <div className="flex flex-wrap items-center justify-between gap-2">
          <SegmentedControl options={views} value={view} onChange={setView} label={t("views")} labelOf={(v) => t(`view.${v}`)} />
          <span className="text-xs text-muted-foreground" data-testid="revision-line">
            {data.lastTabled ? t("tabledLine", { n: data.lastTabled.tabledNo ?? 0 }) : t("notTabledYet")} · {t("revisionNo", { n: data.currentRevision })}
          </span>
        </div>

        {view === "negotiating" ? (
          <Card>
            <CardContent className="space-y-4 pt-4" data-testid="negotiating-view" lang={data.languageTag}>
              {canSelect ? (
                <div className="rounded-md border border-dashed border-border p-2 text-sm" data-testid="bracket-selection">
                  {selection ? (
                    <div className="space-y-2">
                      <p>
                        {data.canChair ? t("bracketSelected", { text: selection.text }) : t("proposeBracketSelected", { text: selection.text })}
                      </p>
                      <label htmlFor="jt-alternatives" className="block text-xs text-muted-foreground">
                        {t("alternatives")}
                      </label>
                      <Textarea id="jt-alternatives" rows={2} value={alternatives} onChange={(e) => setAlternatives(e.target.value)} />
                      <Button size="sm" onMouseDown={(e) => e.preventDefault()} onClick={() => void bracketSelection()} disabled={change.busy}>
                        {data.canChair ? t("bracket") : t("proposeBracket")}
                      </Button>
                    </div>
                  ) : (
                    <p className="text-muted-foreground">{data.canChair ? t("selectHelpChair") : t("selectHelpParty")}</p>
                  )}
                </div>
              ) : null}
              {data.paragraphs.length === 0 ? <p className="text-sm text-muted-foreground">{t("noParagraphs")}</p> : null}
              <ol className="space-y-3">
                {data.paragraphs.map((p, pi) => (
                  <li key={p.id} className="group flex gap-3" data-testid="paragraph" data-agreed={p.agreed}>
                    <span className="w-6 shrink-0 pt-0.5 text-right text-xs text-muted-foreground tabular-nums">{p.number}.</span>
                    <div className="min-w-0 flex-1 space-y-1">
                      {editing === p.id ? (
                        <form
                          className="space-y-2"
                          onSubmit={async (e) => {
                            e.preventDefault();
                            if (await chairEdit({ op: "editParagraph", paragraphId: p.id, template: draft }, t("saved"))) setEditing(null);
                          }}
                        >
                          <label htmlFor={`edit-${p.id}`} className="sr-only">
                            {t("editParagraph", { n: p.number })}
                          </label>
                          <Textarea id={`edit-${p.id}`} rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
                          {paragraphTemplate(p).includes("[[") ? <p className="text-xs text-muted-foreground">{t("markersHelp")}</p> : null}
                          <div className="flex gap-2">
                            <Button size="sm" type="submit" disabled={change.busy}>
                              {t("save")}
                            </Button>
                            <Button size="sm" variant="outline" type="button" onClick={() => setEditing(null)}>
                              {t("cancel")}
                            </Button>
                          </div>
                        </form>
                      ) : (
                        <p className="text-sm leading-relaxed break-words whitespace-pre-wrap">
                          {p.segments.map((s, si) =>
                            s.type === "text" ? (
                              <span key={si} data-paragraph={p.id} data-segment={si}>
                                {s.text}
                              </span>
                            ) : (
                              <Bracket key={s.id} bracket={s} number={++bracketNo} onOpen={setOpenBracket} />
                            ),
                          )}
                        </p>
                      )}
                      <div className="flex flex-wrap items-center gap-1">
                        {p.agreed ? (
                          <Badge variant="success" data-testid="agreed-badge">
                            {t("agreed")}
                          </Badge>
                        ) : null}
                        <ParagraphCommentsToggle
                          paragraphNo={p.number}
                          count={commentCounts.data?.find((c) => c.paragraphId === p.id)?.count ?? 0}
                          newCount={commentCounts.data?.find((c) => c.paragraphId === p.id)?.newCount ?? 0}
                          open={commentsOpen === p.id}
                          controls={`paragraph-comments-${p.id}`}
                          onToggle={() => setCommentsOpen((open) => (open === p.id ? null : p.id))}
                        />
                        {data.canChair && editing !== p.id ? (
                          <>
                            <Button size="sm" variant="ghost" aria-label={t("editParagraph", { n: p.number })} onClick={() => (setEditing(p.id), setDraft(paragraphTemplate(p)))}>
                              <Pencil aria-hidden="true" className="size-3.5" />
                            </Button>
                            <Button size="sm" variant="ghost" aria-label={t("moveUp", { n: p.number })} disabled={pi === 0 || change.busy} onClick={() => void chairEdit({ op: "moveParagraph", paragraphId: p.id, toIndex: pi - 1 })}>
                              <ArrowUp aria-hidden="true" className="size-3.5" />
                            </Button>
                            <Button
                              size="sm"
                              variant="ghost"
                              aria-label={t("moveDown", { n: p.number })}
                              disabled={pi === data.paragraphs.length - 1 || change.busy}
                              onClick={() => void chairEdit({ op: "moveParagraph", paragraphId: p.id, toIndex: pi + 1 })}
                            >
                              <ArrowDown aria-hidden="true" className="size-3.5" />
                            </Button>
                            <ConfirmAction
                              label={t("remove")}
                              ariaLabel={t("removeParagraph", { n: p.number })}
                              title={t("removeTitle", { n: p.number })}
                              description={t("removeBody")}
                              cancelLabel={t("cancel")}
                              onConfirm={async () => void (await chairEdit({ op: "removeParagraph", paragraphId: p.id }))}
                              className="h-7 px-2 text-xs"
                            />
                          </>
                        ) : null}
                      </div>
                      {commentsOpen === p.id ? <ParagraphComments id={`paragraph-comments-${p.id}`} jointTextId={textId} paragraphId={p.id} /> : null}
                    </div>
                  </li>
                ))}
              </ol>
              {data.footnotes.length > 0 ? (
                <ol className="space-y-0.5 border-t border-border pt-2 text-xs text-muted-foreground" aria-label={t("footnotes")}>
                  {data.footnotes.map((f) => (
                    <li key={f.number}>{t("footnote", { n: f.number, parties: f.parties.join(", ") })}</li>
                  ))}
                </ol>
              ) : null}
              {data.canChair ? (
                <form
                  className="space-y-2 border-t border-border pt-3"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    if (newParagraph.trim() === "") return;
                    if (await chairEdit({ op: "addParagraph", text: newParagraph }, t("paragraphAdded"))) setNewParagraph("");
                  }}
                >
                  <label htmlFor="jt-new-paragraph" className="block text-sm font-medium">
                    {t("addParagraph")}
                  </label>
                  <Textarea id="jt-new-paragraph" rows={3} value={newParagraph} onChange={(e) => setNewParagraph(e.target.value)} />
                  <p className="text-xs text-muted-foreground">{t("markdownHelp")}</p>
                  <Button size="sm" type="submit" disabled={change.busy || newParagraph.trim() === ""}>
                    {t("addParagraphButton")}
                  </Button>
                </form>
              ) : null}
            </CardContent>
          </Card>
        ) : null}

        {view === "clean" ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("view.clean")}</CardTitle>
              <p className="text-xs text-muted-foreground">{t("cleanHelp", { agreed: data.clean.length, total: data.paragraphs.length })}</p>
            </CardHeader>
            <CardContent data-testid="clean-view" lang={data.languageTag}>
              {data.clean.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("cleanEmpty")}</p>
              ) : (
                <ol className="space-y-3">
                  {data.clean.map((c) => (
                    <li key={c.paragraphId} className="flex gap-3">
                      <span className="w-6 shrink-0 text-right text-xs text-muted-foreground tabular-nums">{c.paragraphNo}.</span>
                      <div className="min-w-0 flex-1">
                        <Markdown>{c.text}</Markdown>
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </CardContent>
          </Card>
        ) : null}

        {view === "party" && data.party ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("partyHeading", { party: data.party.code })}</CardTitle>
            </CardHeader>
            <CardContent data-testid="party-view">
              {data.party.holds.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("partyNone", { party: data.party.code })}</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {data.party.holds.map((h) => (
                    <li key={h.bracketId} className="rounded-md border border-border p-2">
                      <span className="text-xs text-muted-foreground">{t("inParagraph", { n: h.paragraphNo })}</span>
                      <p>[{h.options.map((o) => (o.text.trim() === "" ? t("deleteOption") : o.text)).join(" / ")}]</p>
                      {h.otherHolders.length > 0 ? <p className="text-xs text-muted-foreground">{t("alsoHeldBy", { parties: h.otherHolders.join(", ") })}</p> : null}
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        ) : null}

        {view === "history" ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("view.history")}</CardTitle>
            </CardHeader>
            <CardContent>
              <JointTextHistory textId={textId} />
            </CardContent>
          </Card>
        ) : null}
      </div>

      <div className="min-w-0 space-y-4">
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("figures")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm" data-testid="joint-text-figures">
            <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1">
              <dt className="text-muted-foreground">{t("cleanShare")}</dt>
              <dd className="font-semibold tabular-nums" data-testid="clean-share">
                {percent(data.figures.cleanShare)}
              </dd>
              <dt className="text-muted-foreground">{t("agreedParagraphs")}</dt>
              <dd className="tabular-nums" data-testid="agreed-count">
                {t("agreedOf", { agreed: data.figures.agreedParagraphs, total: data.figures.paragraphs })}
              </dd>
              <dt className="text-muted-foreground">{t("openBrackets")}</dt>
              <dd className="tabular-nums">{data.figures.brackets}</dd>
            </dl>
            <div>
              <p className="text-xs text-muted-foreground">{t("holdsPerParty")}</p>
              {data.figures.holdsByParty.length === 0 ? (
                <p className="text-xs">{t("noHoldsAtAll")}</p>
              ) : (
                <ul className="mt-1 flex flex-wrap gap-2" data-testid="holds-per-party">
                  {data.figures.holdsByParty.map((h) => (
                    <li key={h.party} className="flex items-center gap-1">
                      <HolderBadge code={h.party} /> <span className="tabular-nums">{h.brackets}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <Trend textId={textId} />
            <details className="text-xs text-muted-foreground">
              <summary className="cursor-pointer focus-visible:outline-2 focus-visible:outline-ring">{t("howComputed")}</summary>
              <p className="mt-1">{data.figuresRule}</p>
              <p className="mt-1">{t("agreedRule")}</p>
            </details>
          </CardContent>
        </Card>

        {data.canChair ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("chairHeading")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4 text-sm">
              <div className="space-y-1">
                <ConfirmAction
                  label={t("table")}
                  tone="default"
                  variant="default"
                  title={t("tableTitle", { n: (data.lastTabled?.tabledNo ?? 0) + 1 })}
                  description={data.release === "DRAFT" ? t("tableBodyDraft") : t("tableBody")}
                  cancelLabel={t("cancel")}
                  onConfirm={async () => void (await change.run(() => table.mutateAsync({ textId, version }), t("tabled")))}
                />
                <p className="text-xs text-muted-foreground">{t("tableHelp")}</p>
              </div>
              {target ? (
                <div className="space-y-2 border-t border-border pt-3" data-testid="jt-release-control">
                  <label htmlFor="jt-release" className="block font-medium">
                    {t("releaseLabel")}
                  </label>
                  <div className="flex flex-wrap items-center gap-2">
                    <select id="jt-release" className={controlClassName + " h-8 w-auto"} value={target} onChange={(e) => setRelease(e.target.value as JointTextReleaseName)}>
                      {higher.map((r) => (
                        <option key={r} value={r}>
                          {t(`release.${r}`)}
                        </option>
                      ))}
                    </select>
                    <ConfirmAction
                      label={t("raise")}
                      tone="default"
                      title={t("raiseTitle", { level: t(`release.${target}`) })}
                      description={t("raiseBody")}
                      cancelLabel={t("cancel")}
                      onConfirm={async () =>
                        void (await change.run(() => raise.mutateAsync({ textId, version, release: target as "GOVERNMENTS" | "ALL_PARTICIPANTS" }), t("released")))
                      }
                    />
                  </div>
                </div>
              ) : null}
            </CardContent>
          </Card>
        ) : null}

        {data.locked ? (
          <Alert variant="info" data-testid="joint-text-locked">
            <AlertDescription>{t("locked")}</AlertDescription>
          </Alert>
        ) : null}

        {data.proposals.length > 0 || data.canNegotiate ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("proposals")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-2 text-sm" data-testid="proposals">
              {data.proposals.length === 0 ? <p className="text-muted-foreground">{t("noProposals")}</p> : null}
              <ul className="space-y-2">
                {data.proposals.map((p) => {
                  const payload = p.payload as { kind: "OPTION"; text: string } | { kind: "BRACKET"; alternatives: string[] };
                  return (
                    <li key={p.id} className="space-y-1 rounded-md border border-border p-2" data-testid="proposal" data-status={p.status}>
                      <div className="flex flex-wrap items-center gap-1">
                        <HolderBadge code={p.party} className="border-border bg-muted text-foreground" />
                        <span className="font-medium">{p.kind === "OPTION" ? t("proposalOption") : t("proposalBracket")}</span>
                        <Badge variant={p.status === "DRAFT" ? "warning" : p.status === "TABLED" ? "info" : "neutral"}>{t(`proposalStatus.${p.status}`)}</Badge>
                      </div>
                      <p className="break-words">
                        {payload.kind === "OPTION"
                          ? payload.text === "" ? t("deleteOption") : `“${payload.text}”`
                          : payload.alternatives.length > 0
                            ? payload.alternatives.map((a) => (a === "" ? t("deleteOption") : `“${a}”`)).join(" / ")
                            : t("bracketOnly")}
                      </p>
                      {p.own && p.status === "DRAFT" && data.canNegotiate ? (
                        <div className="flex flex-wrap gap-2">
                          <ConfirmAction
                            label={t("tableProposal")}
                            tone="default"
                            variant="default"
                            title={t("tableProposalTitle")}
                            description={t("tableProposalBody")}
                            cancelLabel={t("cancel")}
                            onConfirm={async () => void (await change.run(() => tableProposal.mutateAsync({ proposalId: p.id, version }), t("proposalTabled")))}
                          />
                          <ConfirmAction
                            label={t("withdraw")}
                            title={t("withdrawTitle")}
                            description={t("withdrawBody")}
                            cancelLabel={t("cancel")}
                            onConfirm={async () => void (await change.run(() => withdraw.mutateAsync({ proposalId: p.id, version: p.version }), t("proposalWithdrawn")))}
                          />
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </CardContent>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
