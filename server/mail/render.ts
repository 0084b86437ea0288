import { createTranslator } from "next-intl";
import mailMessages from "@/lib/i18n/messages/en/mail.json";
import type { NotificationKind } from "@/prisma/generated/client";
import { KIND_LABELS } from "@/server/notifications/kinds";

// What an email says (README "Email"). Pure: the worker gathers what the recipient may read now
// (server/mail/outbox.ts) and this only lays it out. Mail leaves the platform, so an email carries
// a headline, the series, the release marking and a link — never the body of a paper, stance,
// comment, minutes or joint text: nothing here is given one to print. Under the Chatham House rule
// no person is named: the headlines and titles come from server/notifications/objects.ts, which
// names nobody in such a series, and this adds no name of its own (not even the recipient's).

export type EmailEntry = {
  kind: NotificationKind;
  /** What happened, e.g. "Released to you: …" (notificationHeadline). */
  headline: string;
  seriesShortName: string;
  /** The release marking of a paper, stance, minutes or joint text; null for the rest. */
  marking: string | null;
  /** Absolute link into the app. */
  url: string;
};

export type EmailInput = {
  /** One entry for an immediate email; a digest's several. */
  entries: EmailEntry[];
  /** A daily digest of the given local date (yyyy-mm-dd), or an immediate email. */
  digestDate?: string;
  /** One link per kind the email tells of: the page that stops that kind. */
  unsubscribe: { kind: NotificationKind; url: string }[];
  /** The page that stops the whole email (a digest: every kind in the digest). */
  unsubscribeAll: string;
  /** Where mail clients POST the one-click unsubscribe (List-Unsubscribe-Post). */
  oneClickUrl: string;
  /** The account page, with every email setting. */
  settingsUrl: string;
};

export type RenderedEmail = { subject: string; text: string; html: string; headers: Record<string, string> };

type Translate = (key: string, values?: Record<string, string | number>) => string;

function translator(): Translate {
  const t = createTranslator({ locale: "en", messages: mailMessages });
  return (key, values) => (t as unknown as Translate)(key, values);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** Subject lines stay on one line whatever a title holds. */
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, " ").trim();

/** Entries by series short name, in the order each series first appears. */
export function groupBySeries(entries: EmailEntry[]): [string, EmailEntry[]][] {
  const groups = new Map<string, EmailEntry[]>();
  for (const entry of entries) {
    const list = groups.get(entry.seriesShortName) ?? [];
    list.push(entry);
    groups.set(entry.seriesShortName, list);
  }
  return [...groups];
}

export function renderEmail(input: EmailInput): RenderedEmail {
  if (input.entries.length === 0) throw new Error("renderEmail: an email needs at least one entry");
  const t = translator();
  const digest = input.digestDate !== undefined;
  const first = input.entries[0]!;
  const subject = oneLine(digest ? t("email.digestSubject", { date: input.digestDate!, count: input.entries.length }) : `[${first.seriesShortName}] ${first.headline}`);

  const text: string[] = [];
  const html: string[] = [];
  const entryText = (e: EmailEntry) => [
    `${e.headline}`,
    `${t("email.series")}: ${e.seriesShortName}`,
    ...(e.marking ? [`${t("email.marking")}: ${e.marking}`] : []),
    `${t("email.open")}: ${e.url}`,
  ];
  const entryHtml = (e: EmailEntry) =>
    `<p style="margin:0 0 4px"><a href="${escapeHtml(e.url)}">${escapeHtml(e.headline)}</a></p>` +
    (e.marking ? `<p style="margin:0 0 4px;font-size:12px;letter-spacing:.04em"><strong>${escapeHtml(t("email.marking"))}:</strong> ${escapeHtml(e.marking)}</p>` : "");

  if (digest) {
    text.push(t("email.digestIntro"), "");
    html.push(`<p>${escapeHtml(t("email.digestIntro"))}</p>`);
    for (const [series, entries] of groupBySeries(input.entries)) {
      text.push(`== ${series} ==`, "");
      html.push(`<h2 style="font-size:16px;margin:16px 0 8px">${escapeHtml(series)}</h2><ul style="padding-left:18px">`);
      for (const entry of entries) {
        text.push(...entryText(entry).map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`)), "");
        html.push(`<li style="margin-bottom:10px">${entryHtml(entry)}</li>`);
      }
      html.push("</ul>");
    }
  } else {
    text.push(...entryText(first), "");
    html.push(
      `<p style="font-size:16px">${escapeHtml(first.headline)}</p>`,
      `<p><strong>${escapeHtml(t("email.series"))}:</strong> ${escapeHtml(first.seriesShortName)}</p>`,
      ...(first.marking ? [`<p style="letter-spacing:.04em"><strong>${escapeHtml(t("email.marking"))}:</strong> ${escapeHtml(first.marking)}</p>`] : []),
      `<p><a href="${escapeHtml(first.url)}">${escapeHtml(t("email.open"))}</a></p>`,
    );
  }

  const stops = input.unsubscribe.map((u) => ({ label: t("email.stopKind", { kind: KIND_LABELS[u.kind] }), url: u.url }));
  if (digest && input.unsubscribe.length > 1) stops.push({ label: t("email.stopDigest"), url: input.unsubscribeAll });
  text.push("--", t("email.footerWhy"), ...stops.map((s) => `${s.label}: ${s.url}`), `${t("email.settings")}: ${input.settingsUrl}`);
  html.push(
    `<hr style="margin-top:24px"><p style="font-size:12px;color:#555">${escapeHtml(t("email.footerWhy"))}</p>`,
    `<p style="font-size:12px">${[...stops, { label: t("email.settings"), url: input.settingsUrl }].map((s) => `<a href="${escapeHtml(s.url)}">${escapeHtml(s.label)}</a>`).join(" · ")}</p>`,
  );

  return {
    subject,
    text: `${text.join("\n")}\n`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.4">${html.join("")}</body></html>`,
    headers: {
      // RFC 2369 and RFC 8058: mail clients offer (and may POST) the one-click unsubscribe.
      "List-Unsubscribe": `<${input.oneClickUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    },
  };
}
