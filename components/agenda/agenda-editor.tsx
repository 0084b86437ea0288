"use client";

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useMutation } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, GripVertical, ListPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { CarryOverButton, DeleteItemButton, PublishButton, ReannounceButton } from "@/components/agenda/agenda-actions";
import { AgendaItemContent } from "@/components/agenda/agenda-item-content";
import { ItemFormDialog } from "@/components/agenda/item-form-dialog";
import { ScholarsDialog } from "@/components/agenda/scholars-dialog";
import { useAgendaRefresh, type AgendaItemView, type AgendaOptions, type AgendaView } from "@/components/agenda/agenda-data";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";
import { describeError } from "@/lib/trpc/errors";

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
    const next = arrayMove(order, from, to);
    save(next);
    setAnnouncement(t("moved", { title: byId.get(id)?.title ?? "", position: to + 1, count: order.length }));
    focusTarget.current = { id, direction: by < 0 ? "up" : "down" };
  }

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = order.indexOf(String(active.id));
    const to = order.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    save(arrayMove(order, from, to));
  }

  const titleOf = (id: UniqueIdentifier) => byId.get(String(id))?.title ?? "";
  const positionOf = (id: UniqueIdentifier) => order.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("dndStart", { title: titleOf(active.id), position: positionOf(active.id), count: order.length }),
    onDragOver: ({ active, over }) =>
      over ? t("dndOver", { title: titleOf(active.id), position: positionOf(over.id), count: order.length }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t("dndEnd", { title: titleOf(active.id), position: positionOf(over.id), count: order.length }) : undefined,
    onDragCancel: ({ active }) => t("dndCancel", { title: titleOf(active.id), position: positionOf(active.id) }),
  };

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
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onDragEnd}
            accessibility={{ announcements, screenReaderInstructions: { draggable: t("dndInstructions") } }}
          >
            <SortableContext items={order} strategy={verticalListSortingStrategy}>
              <ol className="divide-y divide-border rounded-md border border-border" data-testid="agenda" aria-label={t("listLabel")}>
                {ordered.map((item, index) => (
                  <SortableRow
                    key={item.id}
                    item={item}
                    index={index}
                    count={ordered.length}
                    onMove={move}
                    session={session}
                    options={options}
                    zone={zone}
                  />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
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

function SortableRow({ item, index, count, onMove, session, options, zone }: RowProps) {
  const t = useTranslations("agenda");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });
  const published = session.agendaPublishedAt !== null;

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={cn("flex gap-2 bg-card p-3", isDragging && "relative z-10 shadow-md ring-2 ring-ring")}
      data-testid="agenda-item"
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="mt-0.5 flex size-7 shrink-0 cursor-grab touch-none items-center justify-center rounded text-muted-foreground hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring active:cursor-grabbing"
        {...attributes}
        {...listeners}
        aria-label={t("dragLabel", { title: item.title })}
        aria-describedby="agenda-reorder-hint"
      >
        <GripVertical className="size-4" aria-hidden />
      </button>
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
    </li>
  );
}
