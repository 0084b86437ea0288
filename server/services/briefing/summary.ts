import { gzipSync } from "node:zlib";
import type { Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { briefingFileName, buildBriefingBook, type BriefingBook } from "@/server/services/briefing/book";
import { renderBriefingMarkdown } from "@/server/services/briefing/markdown";

/** The book as Markdown, exactly what the .md download holds. */
export async function getBriefingMarkdown(db: Db, viewer: Viewer, sessionId: string) {
  return renderedBriefing(await buildBriefingBook(db, viewer, sessionId));
}

/** The Markdown of a book, rendered once per book object (a held book is the same object). */
const rendered = new WeakMap<BriefingBook, string>();
export function renderedBriefing(book: BriefingBook): string {
  let text = rendered.get(book);
  if (text === undefined) {
    text = renderBriefingMarkdown(book);
    rendered.set(book, text);
  }
  return text;
}

/**
 * The .md download's bytes, and their gzip, made once per book object like its text: a held book is
 * downloaded without encoding or compressing it again.
 */
const encoded = new WeakMap<BriefingBook, { bytes: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> }>();
export function briefingDownload(book: BriefingBook) {
  let held = encoded.get(book);
  if (!held) {
    const bytes = new TextEncoder().encode(renderedBriefing(book)) as Uint8Array<ArrayBuffer>;
    held = { bytes, gzip: new Uint8Array(gzipSync(bytes)) };
    encoded.set(book, held);
  }
  return held;
}

/** What the viewer's book contains, for the briefing tab. */
export async function getBriefingSummary(db: Db, viewer: Viewer, sessionId: string) {
  const book = await buildBriefingBook(db, viewer, sessionId, { outline: true });
  return {
    attribution: book.attribution,
    illustrative: book.illustrative,
    reader: book.reader,
    agendaItems: book.agenda.length,
    papers: book.papers.length,
    stanceIssues: book.stances.length,
    hasTracker: book.tracker !== null,
    panels: book.panels.length,
    minutes: book.minutes ? (book.minutes.released ? ("RELEASED" as const) : ("DRAFT" as const)) : null,
    fileNames: {
      pdf: briefingFileName(book.series.shortName, book.session.title, "pdf"),
      md: briefingFileName(book.series.shortName, book.session.title, "md"),
    },
  };
}
