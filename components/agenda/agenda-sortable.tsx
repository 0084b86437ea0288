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
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AGENDA_LIST_CLASS, AGENDA_ROW_CLASS, GRIP_CLASS } from "@/components/agenda/agenda-row-style";
import { cn } from "@/lib/utils";

export type SortableAgendaProps = {
  rows: { id: string; title: string; body: ReactNode }[];
  order: string[];
  onDrop: (from: number, to: number) => void;
};

/** The agenda list with drag and drop (pointer and keyboard), loaded by the editor on first approach. */
export function SortableAgenda({ rows, order, onDrop }: SortableAgendaProps) {
  const t = useTranslations("agenda");
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (id: UniqueIdentifier) => rows.find((r) => r.id === String(id))?.title ?? "";
  const positionOf = (id: UniqueIdentifier) => order.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("dndStart", { title: titleOf(active.id), position: positionOf(active.id), count: order.length }),
    onDragOver: ({ active, over }) =>
      over ? t("dndOver", { title: titleOf(active.id), position: positionOf(over.id), count: order.length }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t("dndEnd", { title: titleOf(active.id), position: positionOf(over.id), count: order.length }) : undefined,
    onDragCancel: ({ active }) => t("dndCancel", { title: titleOf(active.id), position: positionOf(active.id) }),
  };
  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = order.indexOf(String(active.id));
    const to = order.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    onDrop(from, to);
  }
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t("dndInstructions") } }}
    >
      <SortableContext items={order} strategy={verticalListSortingStrategy}>
        <ol className={AGENDA_LIST_CLASS} data-testid="agenda" aria-label={t("listLabel")}>
          {rows.map((row) => (
            <SortableRow key={row.id} id={row.id} title={row.title}>
              {row.body}
            </SortableRow>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableRow({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const t = useTranslations("agenda");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={cn(AGENDA_ROW_CLASS, isDragging && "relative z-10 shadow-md ring-2 ring-ring")}
      data-testid="agenda-item"
    >
      <button
        type="button"
        id={`agenda-grip-${id}`}
        ref={setActivatorNodeRef}
        className={GRIP_CLASS}
        {...attributes}
        {...listeners}
        aria-label={t("dragLabel", { title })}
        aria-describedby="agenda-reorder-hint"
      >
        <GripVertical className="size-4" aria-hidden />
      </button>
      {children}
    </li>
  );
}
