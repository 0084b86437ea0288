import { AlignmentType, Document, Footer, FootnoteReferenceRun, Header, Packer, PageNumber, Paragraph, TextRun } from "docx";
import { jointTextMarking } from "@/lib/marking";
import { JOINT_TEXT_KIND_LABELS } from "@/lib/schemas/joint-texts";
import type { Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { DELETE_OPTION, figuresOf, isBracket, type JointBody } from "@/server/domain/joint-text";
import { readableText, revisionBody } from "@/server/services/joint-texts/shared";

/*
 * A joint text's current revision as a document for the PDF (print page) and Word (.docx) exports,
 * in the conventional notation: contested wording in square brackets, options separated by " / ",
 * "(delete)" for an empty option, a footnote per held bracket naming the holding parties by party
 * code. No person appears anywhere (no author, no "prepared by"): the notation names parties only,
 * which is also what Chatham House asks. NOT_FOUND unless the viewer may read the text.
 */

export type ExportRun = { text: string; bold?: boolean; italic?: boolean };
export type ExportPiece = { kind: "text"; runs: ExportRun[] } | { kind: "bracket"; text: string; footnote: number | null };
export type ExportParagraph = { number: number; agreed: boolean; pieces: ExportPiece[] };

export type JointTextExport = {
  /** The text's series (for the read log; never printed). */
  seriesId: string;
  id: string;
  title: string;
  kindLabel: string;
  languageTag: string;
  marking: string;
  illustrative: boolean;
  seriesShortName: string;
  sessionTitle: string;
  revision: number;
  /** The last revision tabled to the parties ("Rev. N"), if any. */
  lastTabled: number | null;
  /** No bracket is left: the document is the clean text. */
  clean: boolean;
  paragraphs: ExportParagraph[];
  footnotes: { number: number; parties: string[]; text: string }[];
  cleanShare: number;
  agreedParagraphs: number;
};

/** Inline emphasis of a paragraph's Markdown (**bold**, *italic*, _italic_); the rest stays as written. */
export function inlineRuns(text: string): ExportRun[] {
  const runs: ExportRun[] = [];
  const pattern = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|(?<![\w])_([^_]+)_(?![\w])/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index) });
    if (m[1] !== undefined) runs.push({ text: m[1], bold: true });
    else runs.push({ text: (m[2] ?? m[3])!, italic: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

/** The body as export paragraphs; footnotes are numbered in reading order, held brackets only. */
export function exportParagraphs(body: JointBody): { paragraphs: ExportParagraph[]; footnotes: JointTextExport["footnotes"] } {
  const footnotes: JointTextExport["footnotes"] = [];
  const paragraphs = body.paragraphs.map((p, i) => {
    const pieces: ExportPiece[] = p.segments.map((s) => {
      if (!isBracket(s)) return { kind: "text", runs: inlineRuns(s.text) };
      const text = `[${s.options.map((o) => (o.text.trim() === "" ? DELETE_OPTION : o.text)).join(" / ")}]`;
      if (s.holds.length === 0) return { kind: "bracket", text, footnote: null };
      const number = footnotes.length + 1;
      footnotes.push({ number, parties: [...s.holds], text: `Held by ${s.holds.join(", ")}.` });
      return { kind: "bracket", text, footnote: number };
    });
    return { number: i + 1, agreed: !p.segments.some(isBracket), pieces };
  });
  return { paragraphs, footnotes };
}

export async function buildJointTextExport(db: Db, viewer: Viewer, textId: string): Promise<JointTextExport> {
  const text = await readableText(db, viewer, textId);
  const [body, tabled] = await Promise.all([
    revisionBody(db, text.id, text.currentRevision),
    db.jointTextRevision.findFirst({ where: { textId: text.id, tabled: true }, orderBy: { number: "desc" }, select: { tabledNo: true } }),
  ]);
  const figures = figuresOf(body);
  const series = text.session.series;
  return {
    id: text.id,
    seriesId: text.session.seriesId,
    title: text.title,
    kindLabel: JOINT_TEXT_KIND_LABELS[text.kind],
    languageTag: text.languageTag,
    marking: jointTextMarking({ seriesShortName: series.shortName, release: text.release, attribution: series.attribution }),
    illustrative: series.illustrative,
    seriesShortName: series.shortName,
    sessionTitle: text.session.title,
    revision: text.currentRevision,
    lastTabled: tabled?.tabledNo ?? null,
    clean: figures.brackets === 0,
    ...exportParagraphs(body),
    cleanShare: figures.cleanShare,
    agreedParagraphs: figures.agreedParagraphs,
  };
}

/** "Rev. 2 (revision 14)", "Clean text (revision 12)". */
export function revisionLabel(doc: JointTextExport): string {
  const state = doc.clean ? "Clean text" : doc.lastTabled ? `Rev. ${doc.lastTabled}` : "Chair's draft";
  return `${state} · revision ${doc.revision}`;
}

/** "TRI-15-Recommendations-on-nuclear-risk-reduction-rev-14.docx" */
export function exportFileName(doc: JointTextExport, ext: "pdf" | "docx"): string {
  const base = `${doc.seriesShortName} ${doc.title} ${doc.clean ? "clean" : "rev"} ${doc.revision}`
    .normalize("NFKD")
    .replace(/[^\w\s.-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .slice(0, 120);
  return `${base || "joint-text"}.${ext}`;
}

export const ILLUSTRATIVE_LABEL = "Illustrative demo content";

/** The Word document: marking in every page's header and footer, one footnote per held bracket. */
export async function renderJointTextDocx(doc: JointTextExport): Promise<Buffer> {
  const small = 16; // half-points: 8 pt
  const marking = (extra: TextRun[] = []) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.marking, bold: true, size: small }), ...extra] });
  const paragraphs = doc.paragraphs.map(
    (p) =>
      new Paragraph({
        spacing: { after: 160 },
        children: [
          new TextRun({ text: `${p.number}.\t` }),
          ...p.pieces.flatMap((piece) =>
            piece.kind === "text"
              ? piece.runs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic }))
              : [new TextRun({ text: piece.text, bold: true }), ...(piece.footnote === null ? [] : [new FootnoteReferenceRun(piece.footnote)])],
          ),
        ],
      }),
  );
  const document = new Document({
    creator: "Trilogue",
    lastModifiedBy: "Trilogue",
    title: doc.title,
    description: doc.marking,
    styles: { default: { document: { run: { font: "Times New Roman", size: 24 } } } },
    footnotes: Object.fromEntries(doc.footnotes.map((f) => [f.number, { children: [new Paragraph(f.text)] }])),
    sections: [
      {
        headers: { default: new Header({ children: [marking(doc.illustrative ? [new TextRun({ text: ` · ${ILLUSTRATIVE_LABEL}`, size: small })] : [])] }) },
        footers: {
          default: new Footer({
            children: [marking([new TextRun({ text: " · Page ", size: small }), new TextRun({ children: [PageNumber.CURRENT], size: small })])],
          }),
        },
        children: [
          new Paragraph({ children: [new TextRun({ text: `${doc.seriesShortName} · ${doc.sessionTitle}`, size: 20 })] }),
          new Paragraph({ spacing: { before: 120, after: 120 }, children: [new TextRun({ text: doc.title, bold: true, size: 32 })] }),
          new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: `${doc.kindLabel} · ${revisionLabel(doc)}`, size: 20 })] }),
          ...paragraphs,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
