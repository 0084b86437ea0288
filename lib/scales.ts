import type { IssueKind } from "@/prisma/generated/enums";

export interface Scale {
  min: number;
  max: number;
  /** One label per point, from `min` to `max`. */
  labels: string[];
}

const PROPOSITION_LABELS = [
  "Strongly oppose",
  "Oppose",
  "Somewhat oppose",
  "Neutral",
  "Somewhat support",
  "Support",
  "Strongly support",
] as const;

const CRITERION_LABELS = ["Not required", "Desirable", "Important", "Essential"] as const;

/** The scale a new issue of this kind gets unless its author chooses another (see DESIGN.md, "Issue"). */
export function defaultScale(kind: IssueKind): Scale {
  // Fresh arrays each call: callers may edit the labels of the issue they are drafting.
  switch (kind) {
    case "PROPOSITION":
      return { min: -3, max: 3, labels: [...PROPOSITION_LABELS] };
    case "DETERRENCE_CRITERION":
      return { min: 0, max: 3, labels: [...CRITERION_LABELS] };
  }
}
