import "server-only";
import { cache } from "react";
import { api, loadOrNotFound } from "@/server/trpc/server";

/** The series a page belongs to, loaded once per request for the layout and its pages. */
export const loadSeries = cache(async (seriesId: string) => loadOrNotFound((await api()).series.get({ seriesId })));
