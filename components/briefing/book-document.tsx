import "server-only";
import { Markdown } from "@/components/markdown/markdown";
import type { BookComment, BookTrackerRow, BriefingBook } from "@/server/services/briefing/book";
import {
  attributionLabel,
  dateLabel,
  figure,
  percent,
  placeLabel,
  preparedFor,
  sectionsOf,
  sessionDates,
  sessionZone,
  slotLabel,
  type Translate,
} from "@/server/services/briefing/format";
import { trackerNote } from "@/server/services/briefing/markdown";
import { formatPointLabel } from "@/lib/issue-scale";

/*
 * The briefing book as a printable document. Renders the book object only (see
 * server/services/briefing/book.ts); the Markdown export renders the same object. No client code:
 * Chromium prints it with JavaScript off.
 */

type Props = { book: BriefingBook; t: Translate };

const PARTY_COLOURS = ["#1e3a6e", "#b4232c", "#0f766e", "#7c3aed", "#b45309"];

function colourOf(book: BriefingBook, code: string): string {
  const i = book.series.parties.findIndex((p) => p.code === code);
  return PARTY_COLOURS[(i < 0 ? 0 : i) % PARTY_COLOURS.length] as string;
}

function Comments({ list, t, zone }: { list: BookComment[]; t: Translate; zone: string }) {
  if (list.length === 0) return null;
  return (
    <ul className="bk-comments">
      {list.map((c) => (
        <li key={c.id}>
          <p className="bk-comment-meta">
            <strong>{attributionLabel(c.by, t)}</strong> · {dateLabel(c.at, zone, true)}
            {c.resolved ? ` · ${t("briefing.comments.resolved")}` : ""}
          </p>
          <div className="bk-comment-body">{c.body}</div>
          <Comments list={c.replies} t={t} zone={zone} />
        </li>
      ))}
    </ul>
  );
}

/** One issue's scale as an axis with the parties' released positions on it (static SVG). */
function PositionsChart({ book, row, t }: { book: BriefingBook; row: BookTrackerRow; t: Translate }) {
  const width = 520;
  const left = 16;
  // Room for a party code beside a dot at the top of the scale.
  const right = width - 44;
  const steps = Math.max(1, row.scaleMax - row.scaleMin);
  const x = (v: number) => left + ((v - row.scaleMin) / steps) * (right - left);
  const stacked = new Map<number, number>();
  const dots = row.positions.map((p) => {
    const level = stacked.get(p.position) ?? 0;
    stacked.set(p.position, level + 1);
    return { ...p, level };
  });
  const height = 46 + Math.max(0, ...dots.map((d) => d.level)) * 14;
  const axisY = height - 20;
  return (
    <svg
      className="bk-chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      fontFamily="Helvetica, Arial, 'Liberation Sans', sans-serif"
      role="img"
      aria-label={t("briefing.tracker.chartLabel", { issue: row.issueTitle })}
    >
      <line x1={left} x2={right} y1={axisY} y2={axisY} stroke="#94a3b8" strokeWidth={1} />
      {Array.from({ length: steps + 1 }, (_, i) => row.scaleMin + i).map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={axisY - 3} y2={axisY + 3} stroke="#94a3b8" strokeWidth={1} />
          <text x={x(v)} y={axisY + 14} fontSize={9} textAnchor="middle" fill="#475569">
            {v > 0 ? `+${v}` : v}
          </text>
        </g>
      ))}
      {dots.map((d) => {
        const cy = axisY - 10 - d.level * 14;
        const colour = colourOf(book, d.partyCode);
        return (
          <g key={d.partyCode}>
            <circle cx={x(d.position)} cy={cy} r={5} fill={d.carried ? "#ffffff" : colour} stroke={colour} strokeWidth={1.5} />
            <text x={x(d.position) + 8} y={cy + 3} fontSize={9} fontWeight={600} fill={colour}>
              {d.partyCode}
              {d.redLine ? " ▲" : ""}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function BookDocument({ book, t }: Props) {
  const zone = book.session.timeZone;
  const sections = sectionsOf(book);
  const n = (s: (typeof sections)[number]) => sections.indexOf(s) + 1;
  const title = (s: (typeof sections)[number]) => `${n(s)}. ${t(`briefing.sections.${s}`)}`;

  return (
    <article className="bk-document" lang="en">
      {/* Cover */}
      <section className="bk-cover">
        <p className="bk-kicker">{book.series.name}</p>
        <h1>{book.session.title}</h1>
        <p className="bk-subtitle">{t("briefing.documentTitle")}</p>
        {book.illustrative ? <p className="bk-illustrative">{t("briefing.illustrative")}</p> : null}
        <table className="bk-facts">
          <tbody>
            <tr>
              <th scope="row">{t("briefing.cover.series")}</th>
              <td>
                {book.series.name} ({book.series.shortName}) · {t(`tracks.${book.series.track}`)} ·{" "}
                {book.series.parties.map((p) => p.code).join(", ")}
              </td>
            </tr>
            <tr>
              <th scope="row">{t("briefing.cover.dates")}</th>
              <td>{sessionDates(book)}</td>
            </tr>
            <tr>
              <th scope="row">{t("briefing.cover.timeZone")}</th>
              <td>{sessionZone(book)}</td>
            </tr>
            <tr>
              <th scope="row">{t("briefing.cover.place")}</th>
              <td>{placeLabel(book, t)}</td>
            </tr>
            <tr>
              <th scope="row">{t("briefing.cover.status")}</th>
              <td>{t(`sessionStatus.${book.session.status}`)}</td>
            </tr>
            <tr>
              <th scope="row">{t("briefing.cover.attribution")}</th>
              <td>{t(`attribution.${book.attribution}`)}</td>
            </tr>
            <tr>
              <th scope="row">{t("briefing.cover.preparedFor")}</th>
              <td>{preparedFor(book, t)}</td>
            </tr>
            <tr>
              <th scope="row">{t("briefing.cover.generated")}</th>
              <td>{dateLabel(book.generatedAt, "UTC", true)} UTC</td>
            </tr>
          </tbody>
        </table>
        <p className="bk-note">{book.attribution === "CHATHAM_HOUSE" ? t("briefing.chathamHouse") : t("briefing.attributed")}</p>
        <p className="bk-note">{t("briefing.cover.restricted")}</p>
        <nav className="bk-contents" aria-label={t("briefing.contents")}>
          <h2>{t("briefing.contents")}</h2>
          <ol>
            {sections.map((s) => (
              <li key={s}>
                <a href={`#bk-${s}`}>{t(`briefing.sections.${s}`)}</a>
              </li>
            ))}
          </ol>
        </nav>
      </section>

      {/* Agenda */}
      <section className="bk-section" id="bk-agenda">
        <h2>{title("agenda")}</h2>
        {book.agenda.length === 0 ? (
          <p className="bk-empty">{t("briefing.agenda.empty")}</p>
        ) : (
          <table className="bk-table">
            <thead>
              <tr>
                <th className="bk-num">{t("briefing.agenda.number")}</th>
                <th>{t("briefing.agenda.item")}</th>
                <th className="bk-nowrap">{t("briefing.agenda.slot")}</th>
                <th>{t("briefing.agenda.status")}</th>
                <th>{t("briefing.agenda.issue")}</th>
              </tr>
            </thead>
            <tbody>
              {book.agenda.map((i, k) => (
                <tr key={i.id}>
                  <td className="bk-num">{k + 1}</td>
                  <td>{i.title}</td>
                  <td className="bk-nowrap">{slotLabel(i.startsAt, i.endsAt, zone) ?? "—"}</td>
                  <td>{t(`itemStatus.${i.status}`)}</td>
                  <td className="bk-muted">{i.issue?.title ?? t("briefing.agenda.procedural")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {/* Items */}
      <section className="bk-section" id="bk-items">
        <h2>{title("items")}</h2>
        {book.agenda.map((i, k) => (
          <div key={i.id} className="bk-item">
            <h3>
              {n("items")}.{k + 1} {i.title}
            </h3>
            <p className="bk-meta">
              {[t(`itemStatus.${i.status}`), slotLabel(i.startsAt, i.endsAt, zone), i.proposedBy ? `${t("briefing.agenda.proposedBy")} ${i.proposedBy}` : null]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {i.description.trim() ? <Markdown className="bk-md">{i.description}</Markdown> : null}
            {i.issue ? (
              <div className="bk-issue">
                <p>
                  <strong>{t("briefing.agenda.issue")}:</strong> {i.issue.title}{" "}
                  <span className="bk-muted">
                    ({t(`issueKind.${i.issue.kind}`)}
                    {i.issue.topic ? `, ${i.issue.topic}` : ""})
                  </span>
                </p>
                {i.issue.description.trim() ? <Markdown className="bk-md">{i.issue.description}</Markdown> : null}
                <p className="bk-scale">
                  {t("briefing.agenda.scale")}:{" "}
                  {Array.from({ length: i.issue.scaleMax - i.issue.scaleMin + 1 }, (_, v) =>
                    formatPointLabel(i.issue!.scaleMin + v, i.issue!),
                  ).join(" · ")}
                </p>
              </div>
            ) : null}
            {i.comments.length > 0 ? (
              <div className="bk-thread">
                <h4>{t("briefing.comments.title")}</h4>
                <Comments list={i.comments} t={t} zone={zone} />
              </div>
            ) : null}
          </div>
        ))}
      </section>

      {/* Papers */}
      <section className={`bk-section${book.papers.length > 0 ? " bk-break" : ""}`} id="bk-papers">
        <h2>{title("papers")}</h2>
        {book.papers.length === 0 ? <p className="bk-empty">{t("briefing.papers.empty")}</p> : null}
        {book.papers.map((p, k) => (
          <div key={p.id} className="bk-paper">
            <h3>
              {n("papers")}.{k + 1} {p.title}
            </h3>
            <p className="bk-meta">
              {t("briefing.papers.by")} <strong>{attributionLabel(p.by, t)}</strong> · {t("briefing.papers.level")}{" "}
              {t(`releaseLevel.${p.releaseLevel}`)} · {t("briefing.papers.revision", { number: p.revision, date: dateLabel(p.revisedAt, zone) })}
            </p>
            {p.itemTitles.length > 0 ? (
              <p className="bk-meta">
                {t("briefing.papers.items")}: {p.itemTitles.join("; ")}
              </p>
            ) : null}
            <Markdown className="bk-md bk-paper-body">{p.body}</Markdown>
            {p.comments.length > 0 ? (
              <div className="bk-thread">
                <h4>{t("briefing.comments.title")}</h4>
                <Comments list={p.comments} t={t} zone={zone} />
              </div>
            ) : null}
          </div>
        ))}
      </section>

      {/* Stance board */}
      <section className={`bk-section${book.stances.length > 0 ? " bk-break" : ""}`} id="bk-stances">
        <h2>{title("stances")}</h2>
        <p className="bk-intro">{t("briefing.stances.intro")}</p>
        {book.stances.length === 0 ? <p className="bk-empty">{t("briefing.stances.empty")}</p> : null}
        {book.stances.map((s) => (
          <div key={s.issue.id} className="bk-stance">
            <h3>{s.issue.title}</h3>
            {s.positions.length > 0 ? (
              <table className="bk-table">
                <thead>
                  <tr>
                    <th>{t("briefing.stances.party")}</th>
                    <th>{t("briefing.stances.position")}</th>
                    <th>{t("briefing.stances.priority")}</th>
                    <th>{t("briefing.stances.redLine")}</th>
                    <th>{t("briefing.stances.rationale")}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.positions.map((p) => (
                    <tr key={p.partyCode}>
                      <td>
                        <span className="bk-party" style={{ borderColor: colourOf(book, p.partyCode), color: colourOf(book, p.partyCode) }}>
                          {p.partyCode}
                        </span>
                      </td>
                      <td className="bk-nowrap">
                        {p.label}
                        {p.carriedFrom ? <div className="bk-muted bk-small">{t("briefing.stances.carried", { session: p.carriedFrom })}</div> : null}
                      </td>
                      <td>{t("priorityLevel.word", { priority: p.priority })}</td>
                      <td>{p.redLine ? <strong>{t("briefing.stances.yes")}</strong> : ""}</td>
                      <td className="bk-small">
                        {p.rationale}
                        {p.conditions.trim() ? (
                          <div className="bk-conditions">
                            <em>{t("briefing.stances.conditions")}:</em> {p.conditions}
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {s.missing.length > 0 ? <p className="bk-muted bk-small">{t("briefing.stances.missing", { parties: s.missing.join(", ") })}</p> : null}
          </div>
        ))}
      </section>

      {/* Convergence */}
      {book.tracker ? (
        <section className="bk-section bk-break" id="bk-tracker">
          <h2>{title("tracker")}</h2>
          <p className="bk-intro">{t("briefing.tracker.intro")}</p>
          <p className="bk-summary">
            {book.tracker.convergedShare === null
              ? t("briefing.tracker.noSummary")
              : t("briefing.tracker.summary", {
                  share: percent(book.tracker.convergedShare),
                  converged: book.tracker.converged,
                  issues: book.tracker.issues,
                })}
          </p>
          <table className="bk-table">
            <thead>
              <tr>
                <th>{t("briefing.tracker.issue")}</th>
                <th>{t("briefing.tracker.status")}</th>
                <th className="bk-num">{t("briefing.tracker.spread")}</th>
                <th className="bk-num">{t("briefing.tracker.agreement")}</th>
                <th>{t("briefing.tracker.note")}</th>
              </tr>
            </thead>
            <tbody>
              {book.tracker.rows.map((r) => (
                <tr key={r.issueTitle}>
                  <td>{r.issueTitle}</td>
                  <td>
                    <span className={`bk-status bk-status-${r.status.toLowerCase()}`}>{t(`briefing.tracker.statuses.${r.status}`)}</span>
                  </td>
                  <td className="bk-num">{figure(r.spreadSteps)}</td>
                  <td className="bk-num">{percent(r.agreement)}</td>
                  <td className="bk-small">{trackerNote(r, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t("briefing.tracker.chart")}</h3>
          <div className="bk-charts">
            {book.tracker.rows.map((r) => (
              <figure key={r.issueTitle} className="bk-figure">
                <figcaption>
                  {r.issueTitle} <span className="bk-muted">· {t(`briefing.tracker.statuses.${r.status}`)}</span>
                </figcaption>
                <PositionsChart book={book} row={r} t={t} />
              </figure>
            ))}
          </div>
          <p className="bk-muted bk-small">{t("briefing.tracker.chartKey")}</p>
        </section>
      ) : null}

      {/* Scholar panel */}
      {sections.includes("panels") ? (
        <section className="bk-section bk-keep" id="bk-panels">
          <h2>{title("panels")}</h2>
          <p className="bk-intro">{t("briefing.panels.intro")}</p>
          <table className="bk-table">
            <thead>
              <tr>
                <th>{t("briefing.panels.item")}</th>
                <th className="bk-num">{t("briefing.panels.count")}</th>
                <th className="bk-num">{t("briefing.panels.median")}</th>
                <th>{t("briefing.panels.iqr")}</th>
                <th>{t("briefing.panels.consensus")}</th>
                <th>{t("briefing.panels.stable")}</th>
              </tr>
            </thead>
            <tbody>
              {book.panels.map((p) => {
                const f = p.figures;
                return (
                  <tr key={p.itemTitle}>
                    <td>{p.itemTitle}</td>
                    {f ? (
                      <>
                        <td className="bk-num">{f.count}</td>
                        <td className="bk-num">{figure(f.median)}</td>
                        <td>{f.q1 === null || f.q3 === null ? "—" : t("briefing.panels.range", { from: figure(f.q1), to: figure(f.q3) })}</td>
                        <td>{f.consensus ? t("briefing.panels.yes") : t("briefing.panels.no")}</td>
                        <td>{f.stable === null ? t("briefing.panels.notYet") : f.stable ? t("briefing.panels.yes") : t("briefing.panels.no")}</td>
                      </>
                    ) : (
                      <td colSpan={5} className="bk-muted">
                        {t("briefing.panels.tooFew")}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}

      {/* Minutes */}
      {book.minutes ? (
        <section className="bk-section bk-break" id="bk-minutes">
          <h2>{title("minutes")}</h2>
          <p className="bk-meta">
            {book.minutes.releasedAt ? t("briefing.minutes.released", { date: dateLabel(book.minutes.releasedAt, zone) }) : t("briefing.minutes.draft")}
          </p>
          <Markdown className="bk-md">{book.minutes.body}</Markdown>
        </section>
      ) : null}
    </article>
  );
}
