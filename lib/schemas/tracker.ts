import { z } from "zod";
import { id } from "@/lib/schemas/common";

export const sessionTrackerSchema = z.object({ sessionId: id });
export const seriesOverviewSchema = z.object({ seriesId: id });
export const issueTimelineSchema = z.object({ issueId: id });
/** Sessions per page of the cross-series tracker overview. */
export const TRACKER_OVERVIEW_PAGE_SIZE = 50;
/** A page of the overview, from 1; past the last page answers an empty page. */
export const trackerOverviewSchema = z.object({ page: z.number().int().min(1).max(100_000).default(1) }).optional();
export const deterrenceProfileSchema = z.object({ seriesId: id, sessionId: id.optional() });

export const TRACKER_STATUSES = ["INCOMPLETE", "BLOCKED", "CONVERGED", "NARROWING", "WIDENING", "STEADY"] as const;
export type TrackerStatus = (typeof TRACKER_STATUSES)[number];

/** One letter per status, so the heatmap never relies on colour alone (and rows travel compactly). */
export const STATUS_LETTER: Record<TrackerStatus, string> = {
  INCOMPLETE: "I",
  BLOCKED: "B",
  CONVERGED: "C",
  NARROWING: "N",
  WIDENING: "W",
  STEADY: "S",
};
/** A session at which the issue has no figures (not on its agenda, no position recorded there). */
export const NO_STATUS_LETTER = "-";

export function statusOfLetter(letter: string): TrackerStatus | null {
  return TRACKER_STATUSES.find((s) => STATUS_LETTER[s] === letter) ?? null;
}
