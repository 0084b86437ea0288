import type { RouterOutputs } from "@/lib/trpc/types";

type Outputs = RouterOutputs["assessment"];

/** What assessment.panel returns: figures only once at least 3 scholars have assessed. */
export type AssessmentPanelView = Outputs["panel"];
/** What assessment.mine returns: the viewer's own assessment and whether they may give or revise it. */
export type MyAssessmentView = Outputs["mine"];
export type PanelIssueView = NonNullable<AssessmentPanelView["issue"]>;
/** One entry of assessment.panelsForSession (the briefing book's panels). */
export type SessionPanelView = Outputs["panelsForSession"][number];
