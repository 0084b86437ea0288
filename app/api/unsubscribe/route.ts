import { db } from "@/server/db";
import { env } from "@/server/env";
import { applyUnsubscribe, verifyUnsubscribeToken } from "@/server/mail/unsubscribe";

// One-click unsubscribe (RFC 8058): mail clients POST "List-Unsubscribe=One-Click" here, and the
// /unsubscribe page's button posts here too. Not behind sign-in (proxy.ts leaves /api/ alone): the
// signed token is the credential. GET never changes anything — link scanners fetch links — it
// only leads to the page.
export const dynamic = "force-dynamic";

const text = (body: string, status: number) =>
  new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });

const pageOf = (token: string) => `/unsubscribe?token=${encodeURIComponent(token)}`;

export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  let fromPage = false;
  if ((request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded")) {
    const form = await request.formData().catch(() => null);
    fromPage = form?.get("from") === "page";
  }
  const claim = verifyUnsubscribeToken(token, env().NEXTAUTH_SECRET);
  if (!claim) return fromPage ? new Response(null, { status: 303, headers: { Location: pageOf(token) } }) : text("This unsubscribe link is not valid. Nothing was changed.", 400);
  const applied = await applyUnsubscribe(db(), claim);
  if (fromPage) return new Response(null, { status: 303, headers: { Location: pageOf(token) } });
  return applied ? text("Unsubscribed.", 200) : text("This unsubscribe link is not valid. Nothing was changed.", 400);
}

export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new Response(null, { status: 303, headers: { Location: pageOf(token), "Referrer-Policy": "no-referrer" } });
}
