"use client";
import { useQuery } from "@tanstack/react-query";
import { loadDashboardAction } from "@/app/(console)/dashboards/actions";
import type { DashboardFilter } from "@/lib/dashboards/dashboard-filter";
import type { DashboardPart, DashboardPartData } from "@/lib/dashboards/dashboard-parts";

export type PartData = DashboardPartData;
export type Part = DashboardPart;

/** SPEC §4 refresh per tier: strategic hourly, tactical (and the KPIs) every 15 minutes, execution live. */
export const REFRESH_MS: Record<Part, number> = { strategic: 3_600_000, kpis: 900_000, tactical: 900_000, execution: 10_000 };

/** One dashboard part, polled by TanStack Query through the server action; errors carry their code. */
export function useDashboardPart<P extends Part>(part: P, filter: DashboardFilter, initialData?: PartData[P]) {
  return useQuery({
    queryKey: ["dashboard", part, filter.from, filter.to, filter.includeTest],
    queryFn: async () => {
      const res = await loadDashboardAction({ part, filter });
      if (!res.ok) throw Object.assign(new Error(res.code), { code: res.code });
      return res.data as PartData[P];
    },
    initialData,
    refetchInterval: REFRESH_MS[part],
    refetchIntervalInBackground: false,
  });
}
