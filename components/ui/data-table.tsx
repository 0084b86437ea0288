"use client";

import * as React from "react";
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown, Search } from "lucide-react";

import { cn } from "@/lib/utils";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

declare module "@tanstack/react-table" {
  // Type parameters must match TanStack's declaration to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Horizontal alignment of header and cells; use "right" for numbers. */
    align?: "left" | "center" | "right";
    headerClassName?: string;
    cellClassName?: string;
  }
}

const alignClass = { left: "text-left", center: "text-center", right: "text-right" } as const;
const justifyClass = { left: "justify-start", center: "justify-center", right: "justify-end" } as const;

export type DataTableFilterOptions = {
  /** Accessible name of the filter box; pass a translated string. */
  label: string;
  placeholder?: string;
  /**
   * Text for a polite live region announcing the row count while filtering,
   * e.g. `(shown, total) => t("rowsShown", { shown, total })`.
   */
  resultsLabel?: (shown: number, total: number) => string;
};

export type DataTableProps<TData, TValue = unknown> = {
  columns: ColumnDef<TData, TValue>[];
  data: TData[];
  /** Shown in place of the rows when `data` is empty; an <EmptyState> fits well. */
  emptyState?: React.ReactNode;
  /** Shown when the global filter matches nothing; defaults to `emptyState`. */
  noResults?: React.ReactNode;
  /** Describes the table for assistive technology. */
  caption?: React.ReactNode;
  /** Keep the caption for screen readers only (when a visible heading already names the table). */
  captionHidden?: boolean;
  /** Show a text box filtering across all columns. */
  globalFilter?: DataTableFilterOptions;
  /** Extra controls rendered in the toolbar, after the filter box. */
  toolbar?: React.ReactNode;
  initialSorting?: SortingState;
  getRowId?: (row: TData, index: number) => string;
  rowClassName?: (row: Row<TData>) => string | undefined;
  className?: string;
};

export function DataTable<TData, TValue = unknown>({
  columns,
  data,
  emptyState,
  noResults,
  caption,
  captionHidden = false,
  globalFilter: filterOptions,
  toolbar,
  initialSorting = [],
  getRowId,
  rowClassName,
  className,
}: DataTableProps<TData, TValue>) {
  const [sorting, setSorting] = React.useState<SortingState>(initialSorting);
  const [globalFilter, setGlobalFilter] = React.useState("");
  const filterId = React.useId();

  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting, globalFilter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    globalFilterFn: "includesString",
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;
  const filtering = globalFilter.trim() !== "";
  const fallback = filtering ? (noResults ?? emptyState) : emptyState;

  return (
    <div data-slot="data-table" className={cn("flex flex-col gap-3", className)}>
      {filterOptions || toolbar ? (
        <div className="flex flex-wrap items-center gap-2">
          {filterOptions ? (
            <div className="relative w-full max-w-xs">
              <label htmlFor={filterId} className="sr-only">
                {filterOptions.label}
              </label>
              <Search
                className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
                aria-hidden="true"
              />
              <Input
                id={filterId}
                type="search"
                value={globalFilter}
                onChange={(event) => setGlobalFilter(event.target.value)}
                placeholder={filterOptions.placeholder ?? filterOptions.label}
                className="pl-8"
                autoComplete="off"
              />
            </div>
          ) : null}
          {toolbar}
        </div>
      ) : null}

      {filterOptions?.resultsLabel ? (
        <p className="sr-only" aria-live="polite" aria-atomic="true">
          {filtering ? filterOptions.resultsLabel(rows.length, data.length) : ""}
        </p>
      ) : null}

      <div className="overflow-hidden rounded-lg border border-border bg-card">
        <Table>
          {caption ? (
            <TableCaption className={cn(captionHidden ? "sr-only" : "mt-0 border-t border-border px-3 py-2 text-xs")}>{caption}</TableCaption>
          ) : null}
          <TableHeader>
            {table.getHeaderGroups().map((headerGroup) => (
              <TableRow key={headerGroup.id} className="hover:bg-transparent">
                {headerGroup.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const align = meta?.align ?? "left";
                  const sorted = header.column.getIsSorted();
                  const content = header.isPlaceholder
                    ? null
                    : flexRender(header.column.columnDef.header, header.getContext());

                  return (
                    <TableHead
                      key={header.id}
                      colSpan={header.colSpan}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={cn(alignClass[align], meta?.headerClassName)}
                    >
                      {!header.isPlaceholder && header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className={cn(
                            "-mx-1.5 inline-flex h-7 items-center gap-1 rounded-sm px-1.5 font-semibold transition-colors hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring",
                            sorted && "text-foreground",
                            justifyClass[align],
                          )}
                        >
                          {content}
                          {sorted === "asc" ? (
                            <ArrowUp className="size-3.5" aria-hidden="true" />
                          ) : sorted === "desc" ? (
                            <ArrowDown className="size-3.5" aria-hidden="true" />
                          ) : (
                            <ChevronsUpDown className="size-3.5 opacity-60" aria-hidden="true" />
                          )}
                        </button>
                      ) : (
                        content
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {rows.length > 0 ? (
              rows.map((row) => (
                <TableRow
                  key={row.id}
                  data-state={row.getIsSelected() ? "selected" : undefined}
                  className={rowClassName?.(row)}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return (
                      <TableCell
                        key={cell.id}
                        className={cn(alignClass[meta?.align ?? "left"], meta?.align === "right" && "tabular-nums", meta?.cellClassName)}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))
            ) : (
              <TableRow className="hover:bg-transparent">
                <TableCell colSpan={columnCount} className="p-0 [&_[data-slot=empty-state]]:rounded-none [&_[data-slot=empty-state]]:border-0">
                  {fallback ?? <p className="px-3 py-8 text-center text-sm text-muted-foreground">No results.</p>}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
