import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { buildJointTextExport, ILLUSTRATIVE_LABEL, revisionLabel } from "@/server/services/joint-texts/export";
import { requireViewer } from "@/server/trpc/server";

type Props = { params: Promise<{ textId: string }> };

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Joint text", robots: { index: false } };

/** A joint text's current revision as a printable page in the conventional notation; the PDF prints exactly this page. */
export default async function JointTextPrintPage({ params }: Props) {
  const { textId } = await params;
  const viewer = await requireViewer();
  const doc = await buildJointTextExport(db(), viewer, textId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <article className="bk-document jt-document" lang={doc.languageTag}>
      <p className="bk-marking">{doc.marking}</p>
      <p className="bk-kicker">
        {doc.seriesShortName} · {doc.sessionTitle}
      </p>
      <h1>{doc.title}</h1>
      <p className="bk-subtitle">
        {doc.kindLabel} · {revisionLabel(doc)}
      </p>
      {doc.illustrative ? <p className="bk-illustrative">{ILLUSTRATIVE_LABEL}</p> : null}
      <div className="jt-paragraphs">
        {doc.paragraphs.map((p) => (
          <div key={p.number} className="jt-paragraph" data-agreed={p.agreed ? "true" : "false"}>
            <span className="jt-no">{p.number}.</span>
            <p>
            {p.pieces.map((piece, i) =>
              piece.kind === "text" ? (
                piece.runs.map((r, j) => (r.bold ? <strong key={`${i}-${j}`}>{r.text}</strong> : r.italic ? <em key={`${i}-${j}`}>{r.text}</em> : <span key={`${i}-${j}`}>{r.text}</span>))
              ) : (
                <span key={i} className="jt-bracket">
                  {piece.text}
                  {piece.footnote !== null ? <sup>{piece.footnote}</sup> : null}
                </span>
              ),
            )}
            </p>
          </div>
        ))}
      </div>
      {doc.footnotes.length > 0 ? (
        <ol className="jt-footnotes">
          {doc.footnotes.map((f) => (
            <li key={f.number}>
              <sup>{f.number}</sup> {f.text}
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  );
}
