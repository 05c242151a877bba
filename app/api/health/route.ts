import { getDb } from "@/lib/db/client";

/** Liveness for the heartbeat job and load balancers: the app answers and reaches its database. */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, code: "DATABASE_UNAVAILABLE" }, { status: 503 });
  }
}
