import type { APIRequestContext, APIResponse } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { BATCH_SIZE, getWithRetry, queryBatch, type Call } from "@/tests/e2e/crawl/api";
import { MAY_SEE, markersIn, type MarkerLabel, type Markers, type Role } from "@/tests/e2e/crawl/markers";
import type { Kind, PlantedWorld } from "@/tests/e2e/crawl/plant";
import type { InputShape, QueryProcedure } from "@/tests/e2e/crawl/procedures";

/*
 * The crawl itself: pages by following links from the dashboard, the same page routes again with the
 * planted (hidden) ids put in directly, every query procedure with inputs built from id pools, and the
 * exports. Every body read is scanned for markers; a marker the role may not see is a leak.
 */

export type Leak = { role: Role; where: string; label: MarkerLabel; cut: boolean };

export class Findings {
  readonly leaks: Leak[] = [];
  /** Marker label → the roles that saw it whole, and where first. */
  readonly seen = new Map<MarkerLabel, Map<Role, string>>();
  readonly counts = { pages: 0, directPages: 0, calls: 0, exports: 0 };
  /** Route pattern → requests and milliseconds spent, to see where the crawl's time goes. */
  readonly time = new Map<string, { n: number; ms: number }>();

  timed(what: string, ms: number): void {
    const t = this.time.get(what) ?? { n: 0, ms: 0 };
    t.n++;
    t.ms += ms;
    this.time.set(what, t);
  }

  constructor(readonly markers: Markers) {}

  scan(role: Role, where: string, body: string): void {
    const found = markersIn(body, this.markers);
    for (const label of found.whole) {
      const byRole = this.seen.get(label) ?? new Map<Role, string>();
      if (!byRole.has(role)) byRole.set(role, where);
      this.seen.set(label, byRole);
      if (!(MAY_SEE[label] as readonly Role[]).includes(role)) this.leaks.push({ role, where, label, cut: false });
    }
    for (const label of found.cut) {
      if (!(MAY_SEE[label] as readonly Role[]).includes(role)) this.leaks.push({ role, where, label, cut: true });
    }
  }
}

/** The kind of id that follows a path segment: /sessions/<session id>, /items/<item id>… */
const KIND_AFTER: Record<string, Kind> = { series: "series", sessions: "session", issues: "issue", items: "item", papers: "paper", stances: "stance", comments: "comment", "joint-texts": "jointText" };

// PDFs are fetched with the exports, for the planted sessions only: each is a headless Chromium render.
const SKIP = [/^\/api\/auth\//, /^\/_next\//, /\.pdf$/, /\.(css|js|map|ico|png|svg|jpg|woff2?|txt|webmanifest)$/, /^\/sign-in/, /^\/invite\//];

function isIdSegment(segment: string): boolean {
  return segment.length >= 8 && /\d/.test(segment) && /^[A-Za-z0-9_-]+$/.test(segment);
}

/** The route a URL is an instance of (ids replaced by their kind), and the ids it names. */
export function routeOf(url: string): { template: string; ids: string[] } {
  const parsed = new URL(url, "http://crawl.invalid");
  const segments = parsed.pathname.split("/");
  const ids: string[] = [];
  const template = segments
    .map((segment, i) => {
      if (!isIdSegment(segment)) return segment;
      ids.push(segment);
      return `:${KIND_AFTER[segments[i - 1] ?? ""] ?? "id"}`;
    })
    .join("/");
  const query = [...parsed.searchParams.keys()].sort().join("&");
  return { template: query ? `${template}?${query}` : template, ids };
}

function linksIn(html: string): string[] {
  const out = new Set<string>();
  for (const match of html.matchAll(/href="([^"#]+)(?:#[^"]*)?"/g)) {
    const href = match[1]!.replaceAll("&amp;", "&");
    if (!href.startsWith("/") || href.startsWith("//")) continue;
    if (SKIP.some((re) => re.test(href.split("?")[0]!))) continue;
    out.add(href);
  }
  return [...out];
}

async function pdfText(buffer: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** The body of an answer as text: PDF through a text extractor, anything else as it came. */
async function bodyText(res: APIResponse): Promise<string> {
  const type = res.headers()["content-type"] ?? "";
  if (type.includes("application/pdf")) return pdfText(await res.body());
  return res.text();
}

export type Crawler = { role: Role; context: APIRequestContext; findings: Findings; visited: Set<string> };

/** Reads one URL as the role (once) and scans it; answers the HTML, if it was a page, for its links. */
async function visit(c: Crawler, url: string): Promise<{ status: number; html: string | null }> {
  if (c.visited.has(url)) return { status: 0, html: null };
  c.visited.add(url);
  const started = Date.now();
  const res = await getWithRetry(c.context, url);
  const text = await bodyText(res);
  c.findings.timed(routeOf(url).template, Date.now() - started);
  c.findings.scan(c.role, `GET ${url} (${res.status()})`, text);
  const html = (res.headers()["content-type"] ?? "").includes("text/html") ? text : null;
  return { status: res.status(), html };
}

/**
 * Breadth-first from the dashboard over same-origin links. Each route pattern is visited for at most
 * `perRoute` distinct URLs, except pages of a planted object, which are always visited (first).
 */
export async function crawlPages(c: Crawler, planted: Set<string>, opts: { perRoute: number; maxPages: number }): Promise<string[]> {
  const visited: string[] = [];
  const perRoute = new Map<string, number>();
  const queued = new Set<string>(["/"]);
  const queue = ["/"];
  let pages = 0;
  while (queue.length > 0 && pages < opts.maxPages) {
    const url = queue.shift()!;
    visited.push(url);
    pages++;
    const { html } = await visit(c, url);
    if (!html) continue;
    for (const link of linksIn(html)) {
      if (queued.has(link)) continue;
      const route = routeOf(link);
      const count = perRoute.get(route.template) ?? 0;
      // The page is about its last id: /series/<planted>/issues/<demo issue> is a demo issue's page.
      const priority = planted.has(route.ids[route.ids.length - 1] ?? "");
      if (!priority && count >= opts.perRoute) continue;
      perRoute.set(route.template, count + 1);
      queued.add(link);
      if (priority) queue.unshift(link);
      else queue.push(link);
    }
  }
  c.findings.counts.pages += pages;
  return visited;
}

/** Every route template instantiated with the planted objects that fit its id slots, shortest paths first. */
export function directUrls(templates: Iterable<string>, world: PlantedWorld): string[] {
  const urls = new Set<string>();
  for (const template of templates) {
    const [path, query] = template.split("?");
    if (query) continue; // query values are not ids we could fill in
    const slots = [...path!.matchAll(/:(\w+)/g)].map((m) => m[1] as Kind | "id");
    if (slots.length === 0 || slots.includes("id")) continue;
    const last = slots[slots.length - 1] as Kind;
    for (const object of world.objects.filter((o) => o.kind === last)) {
      const ids: Partial<Record<Kind, string>> = { ...object.parents, [last]: object.id };
      if (slots.some((slot) => !ids[slot as Kind])) continue;
      urls.add(path!.replace(/:(\w+)/g, (_, slot: Kind) => ids[slot]!));
    }
  }
  return [...urls].sort((a, b) => a.split("/").length - b.split("/").length);
}

/**
 * Visits the URLs in order. An object whose own page (/series/<id>, /sessions/<id>, /papers/<id>…)
 * answers 404 is not opened again below that page: its sub-pages are left to the procedures, which
 * every role calls with every planted id. This keeps a non-member's hundred 404 renders out of the run.
 */
export async function visitAll(c: Crawler, urls: string[]): Promise<void> {
  const denied = new Set<string>();
  for (const url of urls) {
    const { template, ids } = routeOf(url);
    if (ids.some((id) => denied.has(id))) continue;
    const { status } = await visit(c, url);
    if (status === 0) continue;
    c.findings.counts.directPages++;
    if (status === 404 && /^\/\w+\/:\w+$/.test(template)) denied.add(ids[0]!);
  }
}

/** The id pool a field name draws from: sessionId → session, agendaItemId and itemId → item… */
function kindOfField(name: string): string | null {
  if (!name.endsWith("Id")) return null;
  const base = name.slice(0, -2);
  return base === "agendaItem" ? "item" : base;
}

export type Pools = Map<string, string[]>;

/** The inputs one accepted shape gives with these pools; null when a required field has nothing to draw from. */
function inputsFor(shape: InputShape, pools: Pools): Record<string, unknown>[] | null {
  let inputs: Record<string, unknown>[] = [{}];
  for (const field of shape) {
    const kind = kindOfField(field.name);
    let values: unknown[];
    if (kind) values = pools.get(kind) ?? [];
    else if (field.enum) values = field.required ? field.enum : [undefined];
    else if (field.type === "integer" || field.type === "number") values = field.required ? [1, 2] : [undefined];
    else if (field.type === "boolean") values = [true];
    else if (field.required && field.type === "string") values = ["crawl-no-such-value"];
    else values = [undefined];
    if (values.length === 0) {
      if (field.required) return null;
      continue;
    }
    inputs = inputs.flatMap((input) => values.map((value) => (value === undefined ? input : { ...input, [field.name]: value })));
  }
  return inputs;
}

/** Calls every query procedure with every input the pools give, in batches; follows `nextCursor`. */
export async function callProcedures(c: Crawler, procedures: QueryProcedure[], pools: Pools): Promise<{ skipped: string[] }> {
  const calls: Call[] = [];
  const skipped: string[] = [];
  for (const procedure of procedures) {
    let any = false;
    for (const shape of procedure.shapes) {
      const inputs = inputsFor(shape, pools);
      if (!inputs) continue;
      any = true;
      for (const input of inputs) calls.push({ path: procedure.path, input: shape.length === 0 ? undefined : input });
    }
    if (!any) skipped.push(procedure.path);
  }
  const hasCursor = new Set(procedures.filter((p) => p.shapes.some((s) => s.some((f) => f.name === "cursor"))).map((p) => p.path));
  while (calls.length > 0) {
    const batch = calls.splice(0, BATCH_SIZE);
    const started = Date.now();
    const answers = await queryBatch(c.context, batch);
    c.findings.timed("tRPC batch", Date.now() - started);
    for (const answer of answers) {
      c.findings.counts.calls++;
      c.findings.scan(c.role, `${answer.path} ${JSON.stringify(answer.input ?? null)}`, answer.body);
      const next = (answer.data as { nextCursor?: unknown } | undefined)?.nextCursor;
      if (hasCursor.has(answer.path) && typeof next === "string") calls.push({ path: answer.path, input: { ...(answer.input as object), cursor: next } });
    }
  }
  return { skipped };
}

/** The exports: tracker CSV per series, briefing book Markdown and PDF per session, the iCal feed. */
export async function fetchExports(c: Crawler, world: PlantedWorld, calendarUrl: string | null): Promise<void> {
  const urls = [
    ...world.objects.filter((o) => o.kind === "series").map((o) => `/api/series/${o.id}/tracker.csv`),
    ...world.sessionIds.map((id) => `/api/sessions/${id}/briefing.md`),
    // PDFs for each series' first planted session only: each is a headless Chromium render of the print
    // page, and the crawl reads that page itself, as HTML, for every session.
    ...world.firstSessionPerSeries.map((id) => `/api/sessions/${id}/briefing.pdf`),
  ];
  if (calendarUrl) urls.push(new URL(calendarUrl, "http://crawl.invalid").pathname);
  for (const url of new Set(urls)) {
    // The PDF is rendered only when the Markdown of the same book answers: a denied book is a 404 either way.
    if (url.endsWith(".pdf")) {
      const md = await getWithRetry(c.context, url.replace(/\.pdf$/, ".md"));
      if (md.status() !== 200) continue;
    }
    if ((await visit(c, url)).status !== 0) c.findings.counts.exports++;
  }
}
