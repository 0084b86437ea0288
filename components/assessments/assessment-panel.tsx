"use client";

/** A scholar's assessment and the panel figures for one agenda item (placeholder until the assessments work lands). */
export function AssessmentPanel(_props: { agendaItemId: string }) {
  return null;
}
