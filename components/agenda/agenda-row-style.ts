/** The agenda editor's list and rows, the same before and after drag and drop loads. */
export const AGENDA_LIST_CLASS = "divide-y divide-border rounded-md border border-border";
export const AGENDA_ROW_CLASS = "flex gap-2 bg-card p-3";
export const GRIP_CLASS =
  "mt-0.5 flex size-7 shrink-0 cursor-grab touch-none items-center justify-center rounded text-muted-foreground hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring active:cursor-grabbing";

