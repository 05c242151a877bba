import { createLoader, parseAsArrayOf, parseAsBoolean, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { OrderStatus } from "@/lib/db/generated/prisma/enums";
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
};

export const loadOrderSearchParams = createLoader(orderSearchParams);
export type OrderSearchParams = Awaited<ReturnType<typeof loadOrderSearchParams>>;

/** The URL's filter as the domain's query (shared by the orders export route). */
export function toOrderListInput(sp: OrderSearchParams): import("@/lib/orders/order-query").OrderListInput {
  return {
    page: sp.page, size: sp.size, sort: sp.sort, dir: sp.dir, q: sp.q || undefined,
    channel: sp.channel.length ? sp.channel : undefined, status: sp.status.length ? sp.status : undefined,
    from: sp.from || undefined, to: sp.to || undefined,
    minFen: sp.min ? parseYuan(sp.min) : undefined, maxFen: sp.max ? parseYuan(sp.max) : undefined,
    includeTest: !sp.hideTest,
  };
}
