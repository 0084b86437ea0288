// Liveness: the process answers. Never touches the database, so a database outage does not make
// an orchestrator restart healthy app servers.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ live: true }, { headers: { "Cache-Control": "no-store" } });
}
