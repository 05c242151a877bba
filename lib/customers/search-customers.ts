import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { maskField } from "../access/mask";
import { orderScope } from "../access/scope";
import type { Db } from "../db/client";
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
  const byIdentity = hashes.length
    ? await db.customerIdentity.findMany({ where: { OR: hashes }, select: { customerId: true }, distinct: ["customerId"], take: 50 })
    : [];
  const rows = await db.customer.findMany({
    where: {
      AND: [
        { OR: [{ id: { in: byIdentity.map((r) => r.customerId) } }, ...(/\d{3}/.test(q) ? [] : [{ displayName: { contains: q } }])] },
        customerScope(actor),
      ],
    },
    select: {
      id: true, displayName: true, phone: true, mergedIntoId: true,
      orders: { where: orderScope(actor), select: { placedAt: true, channel: { select: { name: true } } }, orderBy: { placedAt: "desc" } },
    },
    orderBy: { createdAt: "asc" },
    take: 20,
  });
  return rows.map((c) => ({
    id: c.id,
    displayName: c.displayName,
    phone: maskField(actor, "phone", c.phone),
    orderCount: c.orders.length,
    channels: [...new Set(c.orders.map((o) => o.channel.name))],
    lastOrderAt: c.orders[0]?.placedAt ?? null,
    mergedIntoId: c.mergedIntoId,
  }));
}
