"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { ListChecks } from "lucide-react";
import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { toast } from "@/components/ui/toast";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SealPanel } from "@/components/stances/seal-panel";
import { formatPoint } from "@/lib/issue-scale";
import { useStanceRefresh, type BoardCell, type BoardParty, type BoardRow, type BoardView } from "@/components/stances/stance-data";
import { StanceFormDialog } from "@/components/stances/stance-form-dialog";
import { StanceHistoryDialog } from "@/components/stances/stance-history-dialog";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";
import { describeError } from "@/lib/trpc/errors";

const NEXT_LEVEL = { PARTY: "GOVERNMENTS", GOVERNMENTS: "ALL_PARTICIPANTS", ALL_PARTICIPANTS: null } as const;

type Opened = { stanceId: string; partyCode: string; issueTitle: string; scaleMin: number };

/** Issues of the session's agenda × the series' parties; select a cell for its history. */
export function StanceBoard({ sessionId, initial }: { sessionId: string; initial: BoardView }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const board = useQuery({ ...trpc.stance.board.queryOptions({ sessionId }), initialData: initial });
  const [opened, setOpened] = useState<Opened | null>(null);

  if (board.isPending) return <BoardSkeleton />;
  if (board.isError) {
    return <Alert variant="danger" role="alert"><AlertDescription>{t("stances.loadError")}</AlertDescription></Alert>;
  }
  const data = board.data;
  const groups = [
    { kind: "PROPOSITION" as const, title: t("stances.propositions"), rows: data.rows.filter((r) => r.issue.kind === "PROPOSITION") },
    { kind: "DETERRENCE_CRITERION" as const, title: t("stances.criteria"), rows: data.rows.filter((r) => r.issue.kind === "DETERRENCE_CRITERION") },
  ].filter((g) => g.rows.length > 0);
  const sealedOpen = data.seal.sealedAt !== null && data.seal.revealedAt === null;
  const myParty = data.parties.find((p) => p.id === data.viewer.partyId) ?? null;
  const concluded = data.session.status === "CONCLUDED";
  // A concluded session's stances are locked (README, "Session rules"); so are a party's after it submitted to a seal.
  const locked = concluded || (sealedOpen && myParty !== null && data.seal.submitted.some((s) => s.partyCode === myParty.code));

  return (
    <div>
      <SealPanel board={data} />
      <p className="mb-3 text-sm text-muted-foreground">{t("stances.description")}</p>
      {concluded && myParty ? (
        <Alert variant="info" className="mb-3" data-testid="stances-locked">
          <AlertDescription>{t("stances.lockedConcluded")}</AlertDescription>
        </Alert>
      ) : null}
      {data.rows.length === 0 ? (
        <EmptyState icon={ListChecks} title={t("stances.emptyTitle")} description={t("stances.emptyBody")} titleAs="h2" />
      ) : (
        // Below md the same table reads as a list: each issue a block with every party's position
        // under it, named by its code (no sideways scrolling on a phone).
        <Table aria-label={t("stances.boardLabel")} data-testid="stance-board" className="max-md:block" containerClassName="max-md:overflow-visible">
          <TableHeader className="max-md:sr-only">
            <TableRow>
              <TableHead className="md:min-w-56">{t("stances.issueColumn")}</TableHead>
              {data.parties.map((p) => (
                <TableHead key={p.id} className="md:min-w-44">
                  <abbr title={p.name} className="no-underline">{p.code}</abbr>
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody className="max-md:block">
            {groups.map((g) => (
              <Fragment key={g.kind}>
                <TableRow className="max-md:block">
                  <TableHead scope="colgroup" colSpan={data.parties.length + 1} className="bg-muted/50 text-xs uppercase tracking-wide max-md:flex max-md:items-center">
                    {g.title}
                  </TableHead>
                </TableRow>
                {g.rows.map((row) => (
                  <TableRow key={row.issue.id} data-testid={`stance-row-${row.issue.id}`} className="max-md:block max-md:py-2">
                    <TableHead scope="row" className="align-top font-medium text-foreground max-md:block max-md:h-auto max-md:whitespace-normal max-md:py-1 max-md:text-sm">
                      {row.issue.title}
                    </TableHead>
                    {data.parties.map((party) => (
                      <TableCell key={party.id} className="align-top max-md:flex max-md:gap-3 max-md:py-1" data-testid={`stance-cell-${party.code}`}>
                        <abbr title={party.name} aria-hidden className="w-8 shrink-0 pt-1.5 text-xs font-semibold text-muted-foreground no-underline md:hidden">
                          {party.code}
                        </abbr>
                        <Cell
                          sessionId={sessionId}
                          row={row}
                          party={party}
                          cell={row.cells[party.id] ?? null}
                          own={party.id === myParty?.id}
                          locked={locked}
                          sealedOpen={sealedOpen}
                          onOpen={(cell) => setOpened({ stanceId: cell.stanceId, partyCode: party.code, issueTitle: row.issue.title, scaleMin: row.issue.scaleMin })}
                        />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </Fragment>
            ))}
          </TableBody>
        </Table>
      )}
      <StanceHistoryDialog
        stanceId={opened?.stanceId ?? null}
        partyCode={opened?.partyCode ?? ""}
        issueTitle={opened?.issueTitle ?? ""}
        scaleMin={opened?.scaleMin ?? 0}
        onClose={() => setOpened(null)}
      />
    </div>
  );
}

function Cell({
  sessionId,
  row,
  party,
  cell,
  own,
  locked,
  sealedOpen,
  onOpen,
}: {
  sessionId: string;
  row: BoardRow;
  party: BoardParty;
  cell: BoardCell | null;
  own: boolean;
  locked: boolean;
  sealedOpen: boolean;
  onOpen: (cell: BoardCell) => void;
}) {
  const t = useTranslations();
  const here = cell && cell.carriedFrom === null ? cell : undefined;
  return (
    <div className="min-w-0 flex-1 space-y-1.5">
      {cell ? (
        <button
          type="button"
          onClick={() => onOpen(cell)}
          aria-label={t("stances.cellLabel", {
            party: party.code,
            issue: row.issue.title,
            point: formatPoint(cell.position, row.issue.scaleMin),
            label: cell.label,
            level: t(`releaseLevel.${cell.releaseLevel}`),
          })}
          className={cn(
            "block w-full rounded-md border px-2 py-1.5 text-left text-sm hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
            cell.isDraft ? "border-dashed border-warning-border" : "border-border",
          )}
        >
          <span className="flex items-baseline gap-1.5">
            <span className="font-mono font-medium tabular-nums">{formatPoint(cell.position, row.issue.scaleMin)}</span>{" "}
            <span>{cell.label}</span>
          </span>
          <span className="mt-1 flex flex-wrap gap-1">
            {cell.isDraft ? (
              <Badge variant="warning" title={t("stances.draftHint")}>{t("stances.draft")}</Badge>
            ) : (
              <Badge variant="neutral">{t(`releaseLevel.${cell.releaseLevel}`)}</Badge>
            )}
            {cell.redLine ? <Badge variant="danger">{t("stances.redLine")}</Badge> : null}
            <Badge variant="outline">{t("stances.priority", { priority: cell.priority })}</Badge>
          </span>
          {cell.carriedFrom ? (
            <span className="mt-1 block text-xs italic text-muted-foreground">{t("stances.carriedFrom", { session: cell.carriedFrom.title })}</span>
          ) : null}
        </button>
      ) : (
        <span className="text-sm text-muted-foreground">
          <span aria-hidden>—</span>
          <span className="sr-only">{t("stances.noPositionSr", { party: party.code })}</span>
        </span>
      )}
      {own && !locked ? (
        <div className="flex flex-wrap gap-1">
          {here ? (
            <>
              <StanceFormDialog sessionId={sessionId} issue={row.issue} party={party} stance={here} />
              <ReleaseButton sessionId={sessionId} cell={here} party={party} issueTitle={row.issue.title} sealedOpen={sealedOpen} />
            </>
          ) : (
            <StanceFormDialog sessionId={sessionId} issue={row.issue} party={party} carried={cell ?? undefined} />
          )}
        </div>
      ) : null}
    </div>
  );
}

function ReleaseButton({
  sessionId,
  cell,
  party,
  issueTitle,
  sealedOpen,
}: {
  sessionId: string;
  cell: BoardCell;
  party: BoardParty;
  issueTitle: string;
  sealedOpen: boolean;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const refresh = useStanceRefresh(sessionId);
  const release = useMutation(trpc.stance.release.mutationOptions());
  const next = NEXT_LEVEL[cell.releaseLevel];
  if (!next) return null;
  const level = t(`releaseLevel.${next}`);
  return (
    <ConfirmAction
      label={t("stances.release.button", { level })}
      ariaLabel={t("stances.release.buttonLabel", { party: party.code, issue: issueTitle, level })}
      title={t("stances.release.title", { level })}
      description={`${t(`stances.release.${next}`)}${sealedOpen ? ` ${t("stances.release.sealedNote")}` : ""}`}
      cancelLabel={t("stances.form.cancel")}
      className="h-7 px-2"
      onConfirm={async () => {
        try {
          await release.mutateAsync({ stanceId: cell.stanceId, version: cell.version, releaseLevel: next });
          toast.success(t("stances.release.done", { level }));
          await refresh();
        } catch (e) {
          toast.error(describeError(e));
        }
      }}
    />
  );
}

function BoardSkeleton() {
  return (
    <div className="space-y-2" aria-busy="true">
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-14 w-full" />
      ))}
    </div>
  );
}
