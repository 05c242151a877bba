"use server";
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { loadStrategic, loadTactical } from "@/lib/dashboards/load-business";
import { loadExecution } from "@/lib/dashboards/load-execution";
import { loadKpis } from "@/lib/dashboards/load-kpis";
import { getDb } from "@/lib/db/client";
import { requireActorOrThrow } from "@/lib/session";

const LOADERS = { kpis: loadKpis, strategic: loadStrategic, tactical: loadTactical, execution: loadExecution } as const;
const Input = z.object({ part: z.enum(["kpis", "strategic", "tactical", "execution"]), filter: z.unknown() });

/** The dashboards' polling (TanStack Query): one tier's figures; the domain checks dashboard.view and the row scope. */
export async function loadDashboardAction(raw: unknown) {
  return runAction(async () => {
    const { part, filter } = Input.parse(raw);
    const actor = await requireActorOrThrow();
    return (await LOADERS[part](getDb(), actor, filter)) as Awaited<ReturnType<(typeof LOADERS)[typeof part]>>;
  });
}
