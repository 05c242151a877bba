import type { Actor } from "../access/actor";
import { orderScope } from "../access/scope";
import type { Prisma } from "../db/generated/prisma/client";

/**
 * Row scope for customers: with a scoped role, a customer is visible only through at least one order
 * the actor may see (a CS agent: an order in their shops), and only those orders are shown.
 */
export function customerScope(actor: Actor): Prisma.CustomerWhereInput {
  return actor.rowScope === "ALL" ? {} : { orders: { some: orderScope(actor) } };
}
