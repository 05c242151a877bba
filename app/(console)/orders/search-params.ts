import { createLoader, createSerializer, parseAsArrayOf, parseAsBoolean, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { DRILL_KINDS, ORDER_FLAGS } from "@/lib/dashboards/drill-filter";
import { OrderStatus, StatusSource } from "@/lib/db/generated/prisma/enums";
import { parseYuan } from "@/lib/money/fen";
import { ORDER_SORTS } from "@/lib/orders/order-query";

/** One parser set for the server loader and the client hooks: the URL is the view, so it can be shared. */
export const orderSearchParams = {
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(50),
  sort: parseAsStringLiteral(ORDER_SORTS).withDefault("placedAt"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("desc"),
  q: parseAsString.withDefault(""),
  channel: parseAsArrayOf(parseAsString).withDefault([]),
  status: parseAsArrayOf(parseAsStringLiteral(Object.values(OrderStatus))).withDefault([]),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  min: parseAsString.withDefault(""),
  max: parseAsString.withDefault(""),
  hideTest: parseAsBoolean.withDefault(false),
  // Dashboard drill-downs (issue 7): lib/dashboards/drill-filter.ts
  wh: parseAsString.withDefault(""),
  flag: parseAsArrayOf(parseAsStringLiteral(ORDER_FLAGS)).withDefault([]),
  kind: parseAsStringLiteral(DRILL_KINDS),
  act: parseAsString.withDefault(""),
  actor: parseAsString.withDefault(""),
  src: parseAsStringLiteral(Object.values(StatusSource)),
  rule: parseAsString.withDefault(""),
  evFrom: parseAsString.withDefault(""),
  evTo: parseAsString.withDefault(""),
};

export const loadOrderSearchParams = createLoader(orderSearchParams);
export const serializeOrderSearch = createSerializer(orderSearchParams);
export type OrderSearchParams = Awaited<ReturnType<typeof loadOrderSearchParams>>;

/** The URL's filter as the domain's query (shared by the orders export route). */
export function toOrderListInput(sp: OrderSearchParams): import("@/lib/orders/order-query").OrderListInput {
  return {
    page: sp.page, size: sp.size, sort: sp.sort, dir: sp.dir, q: sp.q || undefined,
    channel: sp.channel.length ? sp.channel : undefined, status: sp.status.length ? sp.status : undefined,
    from: sp.from || undefined, to: sp.to || undefined,
    minFen: sp.min ? parseYuan(sp.min) : undefined, maxFen: sp.max ? parseYuan(sp.max) : undefined,
    includeTest: !sp.hideTest,
    warehouse: sp.wh || undefined, flag: sp.flag.length ? sp.flag : undefined, kind: sp.kind ?? undefined,
    act: sp.act || undefined, actor: sp.actor || undefined, src: sp.src ?? undefined, rule: sp.rule || undefined,
    evFrom: sp.evFrom || undefined, evTo: sp.evTo || undefined,
  };
}

const DRILL_KEYS = ["wh", "flag", "kind", "act", "actor", "src", "rule", "evFrom", "evTo"] as const;
/** The same list view without the dashboard drill-down filters. */
export function clearDrillHref(sp: OrderSearchParams): string {
  const keep = serializeOrderSearch({ ...sp, ...Object.fromEntries(DRILL_KEYS.map((k) => [k, null])) });
  return `/orders${keep}`;
}
