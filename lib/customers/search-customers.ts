import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { maskField } from "../access/mask";
import { orderScope } from "../access/scope";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/prisma/client";
import { customerScope } from "./customer-scope";
import { hashIdentity, IDENTITY_KINDS, normaliseIdentity } from "./identity";

export const CustomerSearchInput = z.string().trim().min(2).max(100);

export interface CustomerHit {
  id: string;
  displayName: string;
  phone: string | null;
  orderCount: number;
  channels: string[];
  lastOrderAt: Date | null;
  mergedIntoId: string | null;
}

/**
 * Finds customers by any identity value (full phone, ID number, Alipay account, device id; looked up
 * by hash, never by the raw value) or by name. Only customers in the actor's scope, at most 20.
 */
export async function searchCustomers(db: Db, actor: Actor, raw: string): Promise<CustomerHit[]> {
  assertCan(actor, "customer.view");
  const q = CustomerSearchInput.parse(raw);
  const hashes = IDENTITY_KINDS.flatMap((kind) => {
    const v = kind === "nameAddress" || kind === "platformBuyer" ? null : normaliseIdentity(kind, q);
    return v ? [{ kind, valueHash: hashIdentity(kind, v) }] : [];
  });
  // One statement: the identity lookup is a semi-join on the (kind, value_hash) index.
  const matches: Prisma.CustomerWhereInput[] = [
    ...(hashes.length ? [{ identities: { some: { OR: hashes } } }] : []),
    ...(/\d{3}/.test(q) ? [] : [{ displayName: { contains: q } }]),
  ];
  if (matches.length === 0) return [];
  // Channel names (a handful of rows) in parallel, not as a third query after the orders.
  const [rows, channels] = await Promise.all([
    db.customer.findMany({
      where: { AND: [{ OR: matches }, customerScope(actor)] },
      select: {
        id: true, displayName: true, phone: true, mergedIntoId: true,
        orders: { where: orderScope(actor), select: { placedAt: true, channelId: true }, orderBy: { placedAt: "desc" } },
      },
      orderBy: { createdAt: "asc" },
      take: 20,
    }),
    db.channel.findMany({ select: { id: true, name: true } }),
  ]);
  const channelName = new Map(channels.map((ch) => [ch.id, ch.name]));
  return rows.map((c) => ({
    id: c.id,
    displayName: c.displayName,
    phone: maskField(actor, "phone", c.phone),
    orderCount: c.orders.length,
    channels: [...new Set(c.orders.map((o) => channelName.get(o.channelId) ?? o.channelId))],
    lastOrderAt: c.orders[0]?.placedAt ?? null,
    mergedIntoId: c.mergedIntoId,
  }));
}
