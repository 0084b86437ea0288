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
/** Text convergence of a series' joint texts, or of one session's. */
export const textConvergenceSchema = z.object({ seriesId: id, sessionId: id.optional() });

export { NO_STATUS_LETTER, STATUS_LETTER, TRACKER_STATUSES, statusOfLetter } from "@/lib/vocabulary";
export type { TrackerStatus } from "@/lib/vocabulary";
