import type { Actor } from "../access/actor";
import type { Db } from "../db/client";

/** The channels an actor may filter by: a CS agent only sees their assigned shops. */
export async function listOrderChannels(db: Db, actor: Actor) {
  return db.channel.findMany({
    where: actor.rowScope === "CHANNELS" ? { id: { in: [...actor.channelIds] } } : {},
    select: { id: true, name: true, platform: true },
    orderBy: { id: "asc" },
    take: 200,
  });
}
