"use client";

import { useMutation } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, GripVertical, ListPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useLayoutEffect, useRef, useState, type ComponentType } from "react";
import { toast } from "@/components/ui/toast";
import { CarryOverButton, DeleteItemButton, PublishButton, ReannounceButton } from "@/components/agenda/agenda-actions";
import { AgendaItemContent } from "@/components/agenda/agenda-item-content";
import { ItemFormDialog } from "@/components/agenda/item-form-dialog";
import { ScholarsDialog } from "@/components/agenda/scholars-dialog";
import { useAgendaRefresh, type AgendaItemView, type AgendaOptions, type AgendaView } from "@/components/agenda/agenda-data";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";
import type { SortableAgendaProps } from "@/components/agenda/agenda-sortable";
import { AGENDA_LIST_CLASS, AGENDA_ROW_CLASS, GRIP_CLASS } from "@/components/agenda/agenda-row-style";

/** `arrayMove` without dnd-kit: the keyboard buttons work before drag and drop has loaded. */
function moveIn<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
}

/*
 * Drag and drop (dnd-kit, about 19 kB compressed) is not part of the page's first load: most visits
 * read the agenda. Its code loads when a pointer or focus enters the list, and the list becomes
 * sortable when a pointer or focus reaches a drag handle. Until then the rows are the same markup
 * with an inert handle; the "Move up"/"Move down" buttons work from the start.
 */
let sortableModule: Promise<ComponentType<SortableAgendaProps>> | undefined;
const loadSortable = () => (sortableModule ??= import("@/components/agenda/agenda-sortable").then((m) => m.SortableAgenda));

type Props = {
  session: AgendaView["session"];
  items: AgendaItemView[];
  options: AgendaOptions;
  /** The session's zone, described for labels. */
  zone: string;
};

/** The convenor's agenda: add, edit, reorder (drag and drop or buttons), publish, carry over, invite scholars. */
export function AgendaEditor({ session, items, options, zone }: Props) {
  const t = useTranslations("agenda");
  const trpc = useTRPC();
  const refresh = useAgendaRefresh(session.id);
  const reorder = useMutation(trpc.agenda.reorder.mutationOptions());

  // The order shown: the one just chosen while saves are under way, else the server's. Refetches that
  // land between two quick moves never overwrite a newer local order.
  const [localOrder, setLocalOrder] = useState<string[] | null>(null);
  const order = localOrder ?? items.map((i) => i.id);
  const byId = new Map(items.map((i) => [i.id, i]));
  const ordered = order.flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });

  const [announcement, setAnnouncement] = useState("");
  // After a move, focus returns to the moved item's button once the list has re-rendered.
  const focusTarget = useRef<{ id: string; direction: "up" | "down" } | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);

  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    const first = document.getElementById(`agenda-move-${target.direction}-${target.id}`) as HTMLButtonElement | null;
    const other = document.getElementById(`agenda-move-${target.direction === "up" ? "down" : "up"}-${target.id}`) as HTMLButtonElement | null;
    (first && !first.disabled ? first : other)?.focus();
  });

  function save(next: string[]) {
    setLocalOrder(next);
    pending.current += 1;
    queue.current = queue.current
      .then(() => reorder.mutateAsync({ sessionId: session.id, itemIds: next }))
      .catch((error: unknown) => {
        toast.error(t("reorderFailed", { message: describeError(error) }));
      })
      .finally(async () => {
        pending.current -= 1;
        if (pending.current > 0) return;
        // Drained: show what the server holds (the new order, or the old one if a save was refused).
        await refresh().catch(() => undefined);
        if (pending.current === 0) setLocalOrder(null);
      });
  }

  function move(id: string, by: -1 | 1) {
    const from = order.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= order.length) return;
    const next = moveIn(order, from, to);
    save(next);
    setAnnouncement(t("moved", { title: byId.get(id)?.title ?? "", position: to + 1, count: order.length }));
    focusTarget.current = { id, direction: by < 0 ? "up" : "down" };
  }

  function drop(from: number, to: number) {
    save(moveIn(order, from, to));
  }

  const [Sortable, setSortable] = useState<ComponentType<SortableAgendaProps> | null>(null);
  const restoreFocus = useRef<string | null>(null);
  const preloadSortable = () => void loadSortable();
  // The swap remounts the rows, so it waits for a handle: nothing else in the list is in use then (an
  // open dialog is modal), and focus on the handle is restored below.
  function wantSortable() {
    if (Sortable) return;
    void loadSortable().then((component) => {
      const active = document.activeElement;
      restoreFocus.current = active instanceof HTMLElement && active.id ? active.id : null;
      setSortable(() => component);
    });
  }
  useLayoutEffect(() => {
    if (!Sortable || !restoreFocus.current) return;
    document.getElementById(restoreFocus.current)?.focus();
    restoreFocus.current = null;
  }, [Sortable]);

  const rows = ordered.map((item, index) => ({
    id: item.id,
    title: item.title,
    body: <RowBody item={item} index={index} count={ordered.length} onMove={move} session={session} options={options} zone={zone} />,
  }));

  const published = session.agendaPublishedAt !== null;
  const undiscussed = items.filter((i) => i.status !== "DISCUSSED").length;
  const marked = items.filter((i) => i.changes.length > 0).length;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <ItemFormDialog session={session} options={options} zone={zone} />
        {session.status === "DRAFT" && !published ? <PublishButton session={session} count={items.length} /> : null}
        {session.status === "CONCLUDED" ? <CarryOverButton sessionId={session.id} count={undiscussed} /> : null}
        {published && marked > 0 ? <ReannounceButton sessionId={session.id} count={marked} /> : null}
      </div>

      {ordered.length === 0 ? (
        <EmptyState icon={ListPlus} title={t("emptyConvenor")} />
      ) : (
        <>
          <p id="agenda-reorder-hint" className="text-xs text-muted-foreground">{t("reorderHint")}</p>
          {Sortable ? (
            <Sortable rows={rows} order={order} onDrop={drop} />
          ) : (
            <ol className={AGENDA_LIST_CLASS} data-testid="agenda" aria-label={t("listLabel")} onPointerEnter={preloadSortable} onFocus={preloadSortable}>
              {rows.map((row) => (
                <li key={row.id} className={AGENDA_ROW_CLASS} data-testid="agenda-item">
                  <button
                    type="button"
                    id={`agenda-grip-${row.id}`}
                    className={GRIP_CLASS}
                    aria-label={t("dragLabel", { title: row.title })}
                    aria-describedby="agenda-reorder-hint"
                    onPointerEnter={wantSortable}
                    onFocus={wantSortable}
                  >
                    <GripVertical className="size-4" aria-hidden />
                  </button>
                  {row.body}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      <div aria-live="polite" role="status" className="sr-only">{announcement}</div>
    </div>
  );
}

type RowProps = {
  item: AgendaItemView;
  index: number;
  count: number;
  onMove: (id: string, by: -1 | 1) => void;
  session: AgendaView["session"];
  options: AgendaOptions;
  zone: string;
};

/** A row's number, content and buttons: the same with or without drag and drop. */
function RowBody({ item, index, count, onMove, session, options, zone }: RowProps) {
  const t = useTranslations("agenda");
  const published = session.agendaPublishedAt !== null;

  return (
    <>
      <span className="mt-1 w-6 shrink-0 text-right text-sm font-semibold tabular-nums text-muted-foreground">{index + 1}.</span>
      <AgendaItemContent item={item} />
      <div className="flex shrink-0 flex-wrap items-start justify-end gap-1">
        <Button
          id={`agenda-move-up-${item.id}`}
          type="button"
          size="icon"
          variant="ghost"
          className="size-8"
          disabled={index === 0}
          onClick={() => onMove(item.id, -1)}
          aria-label={t("moveUpLabel", { title: item.title })}
          title={t("moveUp")}
        >
          <ArrowUp aria-hidden />
        </Button>
        <Button
          id={`agenda-move-down-${item.id}`}
          type="button"
          size="icon"
          variant="ghost"
          className="size-8"
          disabled={index === count - 1}
          onClick={() => onMove(item.id, 1)}
          aria-label={t("moveDownLabel", { title: item.title })}
          title={t("moveDown")}
        >
          <ArrowDown aria-hidden />
        </Button>
        <ItemFormDialog session={session} options={options} zone={zone} item={item} />
        {!published ? <DeleteItemButton sessionId={session.id} item={item} /> : null}
        {session.track === "TRACK_1_5" && item.scholars ? <ScholarsDialog sessionId={session.id} item={item} scholars={options.scholars} /> : null}
      </div>
    </>
  );
}
