"use server";
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { DASHBOARD_LOADERS, DASHBOARD_PARTS } from "@/lib/dashboards/dashboard-parts";
import { getDb } from "@/lib/db/client";
import { requireActorOrThrow } from "@/lib/session";

const Input = z.object({ part: z.enum(DASHBOARD_PARTS), filter: z.unknown() });

/** The dashboards' polling (TanStack Query): one tier's figures; the domain checks dashboard.view and the row scope. */
export async function loadDashboardAction(raw: unknown) {
  return runAction(async () => {
    const { part, filter } = Input.parse(raw);
    const actor = await requireActorOrThrow();
    return DASHBOARD_LOADERS[part](getDb(), actor, filter);
  });
}
