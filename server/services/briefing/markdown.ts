import type { BookComment, BookTrackerRow, BriefingBook } from "@/server/services/briefing/book";
import {
  attributionLabel,
  bookTranslator,
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
import { formatPointLabel } from "@/lib/issue-scale";

/*
 * The briefing book as Markdown (GitHub-flavoured: tables), rendered from the same object as the
 * print page. Everything written here comes from the book, which already applied visibility and
 * the attribution rule; this file only lays it out.
 */

/** Text for a table cell: one line, pipes escaped. */
function cell(text: string | null | undefined): string {
  return (text ?? "").replace(/\r?\n+/g, " ").replace(/\|/g, "\\|").trim() || "—";
}

/** Inline text: no leading Markdown block syntax can start from user text. */
function inline(text: string): string {
  return text.replace(/\r?\n+/g, " ").trim();
}

/** User-written Markdown nested under a section: its headings pushed below the book's own. */
export function nestMarkdown(body: string, depth: number): string {
  let fenced = false;
  return body
    .split(/\r?\n/)
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      const m = /^(#{1,6})(\s.*)$/.exec(line);
      if (!m) return line;
      return `${"#".repeat(Math.min(6, m[1]!.length + depth))}${m[2]}`;
    })
    .join("\n")
    .trim();
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function comments(list: BookComment[], t: Translate, zone: string, indent = ""): string[] {
  return list.flatMap((c) => {
    const head = `${indent}- **${attributionLabel(c.by, t)}**, ${dateLabel(c.at, zone, true)}${c.resolved ? ` (${t("briefing.comments.resolved")})` : ""}:`;
    const body = c.body
      .trim()
      .split(/\r?\n/)
      .map((l) => `${indent}  ${l}`);
    return [head, ...body, ...comments(c.replies, t, zone, `${indent}  `)];
  });
}

/** Outlier, blocking party or missing parties of a tracker row, in words. */
export function trackerNote(r: BookTrackerRow, t: Translate): string {
  const notes: string[] = [];
  if (r.blockedBy) notes.push(t("briefing.tracker.blockedBy", { party: r.blockedBy }));
  if (r.outlier) notes.push(t("briefing.tracker.outlier", { party: r.outlier }));
  if (r.missing.length) notes.push(t("briefing.tracker.missing", { parties: r.missing.join(", ") }));
  return notes.join("; ");
}

export function renderBriefingMarkdown(book: BriefingBook, t: Translate = bookTranslator()): string {
  const zone = book.session.timeZone;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  const sections = sectionsOf(book);
  const number = (s: (typeof sections)[number]) => sections.indexOf(s) + 1;

  // Cover
  push(`# ${inline(book.series.shortName)}: ${inline(book.session.title)}`, "", `**${t("briefing.documentTitle")}**`, "");
  if (book.illustrative) push(`> **${t("briefing.illustrative")}**`, "");
  push(
    table(
      ["", ""],
      [
        [t("briefing.cover.series"), cell(`${book.series.name} (${book.series.shortName})`)],
        [t("briefing.cover.session"), cell(book.session.title)],
        [t("briefing.cover.dates"), cell(sessionDates(book))],
        [t("briefing.cover.timeZone"), cell(sessionZone(book))],
        [t("briefing.cover.place"), cell(placeLabel(book, t))],
        [t("briefing.cover.status"), cell(t(`sessionStatus.${book.session.status}`))],
        [t("briefing.cover.attribution"), cell(t(`attribution.${book.attribution}`))],
        [t("briefing.cover.preparedFor"), cell(preparedFor(book, t))],
        [t("briefing.cover.generated"), cell(`${dateLabel(book.generatedAt, "UTC", true)} UTC`)],
      ],
    ),
    "",
    `_${book.attribution === "CHATHAM_HOUSE" ? t("briefing.chathamHouse") : t("briefing.attributed")}_`,
    "",
    `_${t("briefing.cover.restricted")}_`,
    "",
  );

  // Agenda
  push(`## ${number("agenda")}. ${t("briefing.sections.agenda")}`, "");
  if (book.agenda.length === 0) push(t("briefing.agenda.empty"), "");
  else
    push(
      table(
        [t("briefing.agenda.number"), t("briefing.agenda.item"), t("briefing.agenda.slot"), t("briefing.agenda.status"), t("briefing.agenda.issue")],
        book.agenda.map((i, n) => [
          String(n + 1),
          cell(i.title),
          cell(slotLabel(i.startsAt, i.endsAt, zone)),
          cell(t(`itemStatus.${i.status}`)),
          cell(i.issue?.title ?? t("briefing.agenda.procedural")),
        ]),
      ),
      "",
    );

  // Items with their issues and comments
  push(`## ${number("items")}. ${t("briefing.sections.items")}`, "");
  book.agenda.forEach((i, n) => {
    push(`### ${number("items")}.${n + 1} ${inline(i.title)}`, "");
    const meta = [t(`itemStatus.${i.status}`), slotLabel(i.startsAt, i.endsAt, zone), i.proposedBy ? `${t("briefing.agenda.proposedBy")} ${i.proposedBy}` : null];
    push(`_${meta.filter(Boolean).join(" · ")}_`, "");
    if (i.description.trim()) push(nestMarkdown(i.description, 3), "");
    if (i.issue) {
      push(`**${t("briefing.agenda.issue")}:** ${inline(i.issue.title)} (${t(`issueKind.${i.issue.kind}`)}${i.issue.topic ? `, ${inline(i.issue.topic)}` : ""})`, "");
      if (i.issue.description.trim()) push(nestMarkdown(i.issue.description, 3), "");
      const points: string[] = [];
      for (let v = i.issue.scaleMin; v <= i.issue.scaleMax; v++) points.push(formatPointLabel(v, i.issue));
      push(`${t("briefing.agenda.scale")}: ${points.map(inline).join(" · ")}`, "");
    } else push(`_${t("briefing.agenda.procedural")}_`, "");
    if (i.comments.length > 0) push(`#### ${t("briefing.comments.title")}`, "", ...comments(i.comments, t, zone), "");
  });

  if (sections.includes("papers")) {
    push(`## ${number("papers")}. ${t("briefing.sections.papers")}`, "");
    if (book.papers.length === 0) push(t("briefing.papers.empty"), "");
    book.papers.forEach((p, n) => {
      push(`### ${number("papers")}.${n + 1} ${inline(p.title)}`, "");
      const meta = [
        `${t("briefing.papers.by")} ${attributionLabel(p.by, t)}`,
        `${t("briefing.papers.level")} ${t(`releaseLevel.${p.releaseLevel}`)}`,
        t("briefing.papers.revision", { number: p.revision, date: dateLabel(p.revisedAt, zone) }),
      ];
      push(`_${meta.join(" · ")}_`, "");
      if (p.itemTitles.length) push(`${t("briefing.papers.items")}: ${p.itemTitles.map(inline).join("; ")}`, "");
      push(nestMarkdown(p.body, 3), "");
      if (p.comments.length > 0) push(`#### ${t("briefing.comments.title")}`, "", ...comments(p.comments, t, zone), "");
    });
  }

  if (sections.includes("stances")) {
    push(`## ${number("stances")}. ${t("briefing.sections.stances")}`, "", `_${t("briefing.stances.intro")}_`, "");
    if (book.stances.length === 0) push(t("briefing.stances.empty"), "");
    for (const s of book.stances) {
      push(`### ${inline(s.issue.title)}`, "");
      if (s.positions.length > 0)
        push(
          table(
            [t("briefing.stances.party"), t("briefing.stances.position"), t("briefing.stances.priority"), t("briefing.stances.redLine")],
            s.positions.map((p) => [
              p.partyCode,
              cell(`${p.label}${p.carriedFrom ? ` (${t("briefing.stances.carried", { session: p.carriedFrom })})` : ""}`),
              t("priorityLevel.word", { priority: p.priority }),
              p.redLine ? t("briefing.stances.yes") : "",
            ]),
          ),
          "",
        );
      for (const p of s.positions) {
        if (p.rationale.trim()) push(`- **${p.partyCode}**, ${t("briefing.stances.rationale").toLowerCase()}: ${inline(p.rationale)}`);
        if (p.conditions.trim()) push(`- **${p.partyCode}**, ${t("briefing.stances.conditions").toLowerCase()}: ${inline(p.conditions)}`);
      }
      if (s.missing.length) push("", `_${t("briefing.stances.missing", { parties: s.missing.join(", ") })}_`);
      push("");
    }
  }

  if (sections.includes("tracker") && book.tracker) {
    const tr = book.tracker;
    push(`## ${number("tracker")}. ${t("briefing.sections.tracker")}`, "", `_${t("briefing.tracker.intro")}_`, "");
    push(
      tr.convergedShare === null
        ? t("briefing.tracker.noSummary")
        : t("briefing.tracker.summary", { share: percent(tr.convergedShare), converged: tr.converged, issues: tr.issues }),
      "",
    );
    push(
      table(
        [t("briefing.tracker.issue"), t("briefing.tracker.status"), t("briefing.tracker.positions"), t("briefing.tracker.spread"), t("briefing.tracker.agreement"), t("briefing.tracker.note")],
        tr.rows.map((r) => [
          cell(r.issueTitle),
          t(`briefing.tracker.statuses.${r.status}`),
          cell(r.positions.map((p) => `${p.partyCode} ${p.position > 0 ? "+" : ""}${p.position}${p.carried ? "*" : ""}`).join(", ")),
          figure(r.spreadSteps),
          percent(r.agreement),
          cell(trackerNote(r, t)),
        ]),
      ),
      "",
      `_${t("briefing.tracker.carriedMark")}_`,
      "",
    );
  }

  if (sections.includes("panels")) {
    push(`## ${number("panels")}. ${t("briefing.sections.panels")}`, "", `_${t("briefing.panels.intro")}_`, "");
    push(
      table(
        [t("briefing.panels.item"), t("briefing.panels.count"), t("briefing.panels.median"), t("briefing.panels.iqr"), t("briefing.panels.consensus"), t("briefing.panels.stable")],
        book.panels.map((p) => {
          const f = p.figures;
          if (!f) return [cell(p.itemTitle), t("briefing.panels.tooFew"), "—", "—", "—", "—"];
          return [
            cell(p.itemTitle),
            String(f.count),
            figure(f.median),
            f.q1 === null || f.q3 === null ? "—" : t("briefing.panels.range", { from: figure(f.q1), to: figure(f.q3) }),
            f.consensus ? t("briefing.panels.yes") : t("briefing.panels.no"),
            f.stable === null ? t("briefing.panels.notYet") : f.stable ? t("briefing.panels.yes") : t("briefing.panels.no"),
          ];
        }),
      ),
      "",
    );
  }

  if (sections.includes("minutes") && book.minutes) {
    push(`## ${number("minutes")}. ${t("briefing.sections.minutes")}`, "");
    push(
      `_${book.minutes.released && book.minutes.releasedAt ? t("briefing.minutes.released", { date: dateLabel(book.minutes.releasedAt, zone) }) : t("briefing.minutes.draft")}_`,
      "",
      nestMarkdown(book.minutes.body, 2),
      "",
    );
  }

  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}
