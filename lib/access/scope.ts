import { Prisma } from "../db/generated/prisma/client";
import type { Actor } from "./actor";

/** No region assigned means nothing to see, never everything: a region no order has. */
const NO_REGION = "\u0000";

/**
 * Row scope as a Prisma filter: a CS agent sees only their assigned shops, a regional manager only
 * their region. Put it in every `where`: an order outside the scope is simply not found.
 */
export function orderScope(actor: Actor): Prisma.OrderWhereInput {
  switch (actor.rowScope) {
    case "CHANNELS":
      return { channelId: { in: [...actor.channelIds] } };
    case "REGION":
      return { receiverRegion: actor.region ?? NO_REGION };
    default:
      return {};
  }
}

/**
 * The same row scope as a SQL condition on the `orders` row aliased `alias`, for raw queries:
 * `WHERE ... AND ${orderScopeSql(actor, "o")}`. A missing order row (LEFT JOIN) is out of any
 * limited scope.
 */
export function orderScopeSql(actor: Actor, alias: string): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`bad SQL alias: ${alias}`);
  return rowScopeSql(actor, { channel: `${alias}.channel_id`, region: `${alias}.receiver_region` });
}

/**
 * The same row scope on any row that carries an order's shop and region under other column names
 * (qualified, e.g. `{ channel: "d.channel_id", region: "d.region" }`), such as the dashboard rollups.
 */
export function rowScopeSql(actor: Actor, columns: { channel: string; region: string }): Prisma.Sql {
  for (const c of [columns.channel, columns.region]) if (!/^([a-z_][a-z0-9_]*\.)?[a-z_][a-z0-9_]*$/.test(c)) throw new Error(`bad SQL column: ${c}`);
  switch (actor.rowScope) {
    case "CHANNELS":
      return Prisma.sql`${Prisma.raw(columns.channel)} = ANY(${[...actor.channelIds]}::text[])`;
    case "REGION":
      return Prisma.sql`${Prisma.raw(columns.region)} = ${actor.region ?? NO_REGION}`;
    default:
      return Prisma.sql`TRUE`;
  }
}
