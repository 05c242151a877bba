"use client";
import { useLocale } from "next-intl";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, Legend, Line, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, fmt } from "./format";

export type ValueFormat = "count" | "yuan" | "pct" | "minutes";
export interface Series {
  key: string;
  name: string;
  kind?: "bar" | "line";
  /** Lines on the right axis carry a second unit (¥ next to counts). */
  axis?: "left" | "right";
  format?: ValueFormat;
  stack?: string;
}

function useFormat() {
  const locale = useLocale();
  return (v: unknown, format: ValueFormat = "count") => {
    const n = typeof v === "number" ? v : null;
    if (format === "yuan") return fmt.yuan(n, locale);
    if (format === "pct") return fmt.pct(n, locale);
    if (format === "minutes") return fmt.minutes(n, locale);
    return fmt.count(n, locale);
  };
}

/**
 * Bars and lines over a category axis (days, warehouses, rules). A click on a category opens the
 * order list behind it (`hrefs[i]` for `data[i]`).
 */
export function DrillChart<Row extends Record<string, unknown>>({
  data, category, series, hrefs, height = 260, layout = "horizontal", testId,
}: {
  data: Row[];
  category: keyof Row & string;
  series: Series[];
  hrefs: (string | null)[];
  height?: number;
  /** "vertical" draws horizontal bars (long category names). */
  layout?: "horizontal" | "vertical";
  testId?: string;
}) {
  const router = useRouter();
  const locale = useLocale();
  const format = useFormat();
  const left = series.find((s) => (s.axis ?? "left") === "left")?.format ?? "count";
  const right = series.find((s) => s.axis === "right")?.format;
  const tick = (f: ValueFormat) => (v: number) => (f === "yuan" ? fmt.yuanTick(v, locale) : format(v, f));
  const open = (state: { activeIndex?: unknown } | null | undefined) => {
    const href = hrefs[Number(state?.activeIndex)];
    if (href) router.push(href);
  };
  const label = (v: unknown) => (category === "day" ? fmt.day(String(v)) : String(v));
  return (
    <div data-testid={testId} style={{ height }} className="w-full cursor-pointer">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} layout={layout} onClick={open} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
          {layout === "horizontal" ? (
            <>
              <XAxis dataKey={category as string} tickFormatter={label} fontSize={12} />
              <YAxis yAxisId="left" tickFormatter={tick(left)} fontSize={12} width={72} />
              {right ? <YAxis yAxisId="right" orientation="right" tickFormatter={tick(right)} fontSize={12} width={72} /> : null}
            </>
          ) : (
            <>
              <XAxis type="number" xAxisId="left" tickFormatter={tick(left)} fontSize={12} />
              <YAxis type="category" dataKey={category as string} fontSize={12} width={140} />
            </>
          )}
          <Tooltip
            formatter={(value, name, item) => [format(value, series.find((s) => s.key === item.dataKey)?.format), name]}
            labelFormatter={(v) => String(v)}
          />
          <Legend />
          {series.map((s, i) => {
            const axis = layout === "horizontal" ? { yAxisId: s.axis ?? "left" } : { xAxisId: "left" };
            return s.kind === "line" ? (
              <Line key={s.key} {...axis} type="monotone" dataKey={s.key} name={s.name} stroke={CHART_COLORS[i % CHART_COLORS.length]} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
            ) : (
              <Bar key={s.key} {...axis} dataKey={s.key} name={s.name} stackId={s.stack} fill={CHART_COLORS[i % CHART_COLORS.length]} maxBarSize={40} isAnimationActive={false} />
            );
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Shares of a whole (channel share); a slice opens its orders. */
export function SharePie({ data, hrefs, testId }: { data: { name: string; value: number }[]; hrefs: string[]; testId?: string }) {
  const router = useRouter();
  const format = useFormat();
  const total = data.reduce((s, d) => s + d.value, 0);
  const locale = useLocale();
  return (
    <div data-testid={testId} style={{ height: 260 }} className="w-full cursor-pointer">
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie data={data} dataKey="value" nameKey="name" innerRadius={50} outerRadius={90} isAnimationActive={false} onClick={(_, i) => hrefs[i] && router.push(hrefs[i])}>
            {data.map((d, i) => <Cell key={d.name} fill={CHART_COLORS[i % CHART_COLORS.length]} />)}
          </Pie>
          <Tooltip formatter={(v, name) => [`${format(v, "yuan")} · ${fmt.pct(total ? Number(v) / total : null, locale)}`, name]} />
          <Legend />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}

/** A tiny trend line for a KPI card. */
export function Sparkline({ data, format }: { data: { day: string; value: number | null }[]; format: ValueFormat }) {
  const f = useFormat();
  return (
    <div style={{ height: 48 }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data}>
          <Tooltip formatter={(v) => [f(v, format), ""]} labelFormatter={(v) => String(v)} />
          <XAxis dataKey="day" hide />
          <Bar dataKey="value" fill={CHART_COLORS[0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
