import { loadStrategic, loadTactical } from "./load-business";
import { loadExecution } from "./load-execution";
import { loadKpis } from "./load-kpis";

/** 经营看板's parts: the KPIs and the three tiers, each loaded on its own (first render and polling). */
export const DASHBOARD_PARTS = ["kpis", "strategic", "tactical", "execution"] as const;
export type DashboardPart = (typeof DASHBOARD_PARTS)[number];

export const DASHBOARD_LOADERS = { kpis: loadKpis, strategic: loadStrategic, tactical: loadTactical, execution: loadExecution } satisfies Record<DashboardPart, unknown>;
export type DashboardPartData = { [P in DashboardPart]: Awaited<ReturnType<(typeof DASHBOARD_LOADERS)[P]>> };
