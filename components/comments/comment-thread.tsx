"use client";

/** The comment thread on an agenda item or a paper (placeholder until the comments work lands). */
export function CommentThread(_props: { target: { agendaItemId: string } | { paperId: string } }) {
  return null;
}
