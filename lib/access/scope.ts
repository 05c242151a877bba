import type { Prisma } from "../db/generated/prisma/client";
import type { Actor } from "./actor";

/**
 * Row scope as a Prisma filter: a CS agent sees only their assigned shops, a regional manager only
 * their region. Put it in every `where`: an order outside the scope is simply not found.
 */
export function orderScope(actor: Actor): Prisma.OrderWhereInput {
  switch (actor.rowScope) {
    case "CHANNELS":
      return { channelId: { in: [...actor.channelIds] } };
    case "REGION":
      // No region assigned means nothing to see, never everything.
      return { receiverRegion: actor.region ?? "\u0000" };
    default:
      return {};
  }
}
