import { isAppError } from "@/lib/errors/app-error";
import { getDb } from "@/lib/db/client";
import { listImports } from "@/lib/ingestion/import/list-imports";
import { requireActorOrThrow } from "@/lib/session";

// Polled by the import panel (TanStack Query) for the progress bars.
export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const actor = await requireActorOrThrow();
    return Response.json({ jobs: await listImports(getDb(), actor) });
  } catch (err) {
    if (isAppError(err)) return Response.json({ code: err.code }, { status: err.code === "FORBIDDEN" ? 403 : 401 });
    throw err;
  }
}
