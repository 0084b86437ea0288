import { db } from "@/server/db";
import { readiness } from "@/server/health";

// Readiness: this server takes traffic (not draining, PostgreSQL reachable). 503 otherwise, so a
// load balancer sends requests elsewhere.
export const dynamic = "force-dynamic";

export async function GET() {
  const state = await readiness(db());
  return Response.json(state, {
    status: state.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store", ...(state.ready ? {} : { "Retry-After": "5" }) },
  });
}
